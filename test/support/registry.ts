import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.js';

/**
 * A real image registry for tests: Debian's docker-registry (the CNCF distribution registry) on
 * 127.0.0.1, with htpasswd (bcrypt) authentication, storing into a temporary folder. Docker
 * treats 127.0.0.0/8 registries as insecure-allowed, so no TLS is needed.
 */
export interface TestRegistry {
  address: string;
  user: string;
  password: string;
  stop(): Promise<void>;
}

export async function startRegistry(): Promise<TestRegistry> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-registry-'));
  const port = await freePort();
  const user = 'ci-pusher';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  // htpasswd reads the password from standard input (-i): it is never on a command line.
  const htpasswd = spawnSync('htpasswd', ['-iBc', path.join(dir, 'htpasswd'), user], { input: password });
  if (htpasswd.status !== 0) throw new Error(`htpasswd failed: ${htpasswd.stderr.toString()}`);
  await writeFile(
    path.join(dir, 'config.yml'),
    `version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: ${path.join(dir, 'data')}
  delete:
    enabled: true
http:
  addr: 127.0.0.1:${port}
auth:
  htpasswd:
    realm: dataclone-test
    path: ${path.join(dir, 'htpasswd')}
`,
  );
  const child: ChildProcess = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const address = `127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const answer = await fetch(`http://${address}/v2/`).catch(() => undefined);
    if (answer?.status === 401) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
      throw new Error(`docker-registry did not start on ${address}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    address,
    user,
    password,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) =>
        child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve),
      );
      await rm(dir, { recursive: true, force: true });
    },
  };
}
