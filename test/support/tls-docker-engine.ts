import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';

import path from 'node:path';
import Docker from 'dockerode';
import { copyImagesFromMainEngine } from './copy-images.js';
import { freePort } from './free-port.js';
import { stopDaemon } from './second-engine.js';

/**
 * A second Docker Engine, standing in for a shared remote clone host: it listens on a TCP port
 * of 127.0.0.1 with TLS and verifies client certificates, all generated here with openssl (a
 * CA, a server certificate for 127.0.0.1, a client certificate). It has its own data root, exec
 * root and bridge, and no iptables rules of its own; published ports go through docker-proxy.
 */
export interface TlsDockerEngine {
  /** DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH for clients. */
  env: Record<string, string>;
  docker: Docker;
  stop(): Promise<void>;
}

export async function startTlsDockerEngine(baseImages: string[]): Promise<TlsDockerEngine> {
  const dir = await mkdtemp(path.join('/var/tmp', 'dataclone-tls-engine-'));
  const certs = path.join(dir, 'certs');
  execFileSync('mkdir', ['-p', certs, path.join(dir, 'data'), path.join(dir, 'exec')]);
  makeCertificates(certs);
  const port = await freePort();
  const bridge = `dct${process.pid % 100000}`;
  execFileSync('ip', ['link', 'add', bridge, 'type', 'bridge']);
  execFileSync('ip', ['addr', 'add', '172.31.253.1/24', 'dev', bridge]);
  execFileSync('ip', ['link', 'set', bridge, 'up']);
  const daemon: ChildProcess = spawn(
    'dockerd',
    [
      '--host',
      `tcp://127.0.0.1:${port}`,
      '--tlsverify',
      '--tlscacert',
      path.join(certs, 'ca.pem'),
      '--tlscert',
      path.join(certs, 'server-cert.pem'),
      '--tlskey',
      path.join(certs, 'server-key.pem'),
      '--data-root',
      path.join(dir, 'data'),
      '--exec-root',
      path.join(dir, 'exec'),
      '--pidfile',
      path.join(dir, 'docker.pid'),
      '--bridge',
      bridge,
      '--iptables=false',
      '--ip-masq=false',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  daemon.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const stop = async () => {
    await stopDaemon(daemon, 20_000);
    try {
      execFileSync('ip', ['link', 'del', bridge]);
    } catch {
      // already gone
    }
    execFileSync('sh', [
      '-c',
      `grep -o "${dir}[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l || true`,
    ]);
    await rm(dir, { recursive: true, force: true });
  };
  const docker = new Docker({
    host: '127.0.0.1',
    port,
    protocol: 'https',
    ca: await readFile(path.join(certs, 'ca.pem')),
    cert: await readFile(path.join(certs, 'cert.pem')),
    key: await readFile(path.join(certs, 'key.pem')),
  });
  try {
    const deadline = Date.now() + 30_000;
    while (
      !(await docker.ping().then(
        () => true,
        () => false,
      ))
    ) {
      if (daemon.exitCode !== null || Date.now() > deadline)
        throw new Error(`dockerd with TLS did not start: ${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await copyImagesFromMainEngine(docker, baseImages);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    env: { DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs },
    docker,
    stop,
  };
}

function makeCertificates(dir: string): void {
  const run = (script: string) => execFileSync('sh', ['-c', script], { cwd: dir, stdio: 'ignore' });
  run(
    'openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=dataclone test CA" -keyout ca-key.pem -out ca.pem',
  );
  run('openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server-key.pem -out server.csr');
  run('printf "subjectAltName=IP:127.0.0.1\\nextendedKeyUsage=serverAuth\\n" > server.ext');
  run(
    'openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 1 -extfile server.ext -out server-cert.pem',
  );
  run(
    'openssl req -newkey rsa:2048 -nodes -subj "/CN=dataclone test client" -keyout key.pem -out client.csr',
  );
  run('printf "extendedKeyUsage=clientAuth\\n" > client.ext');
  run(
    'openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 1 -extfile client.ext -out cert.pem',
  );
}
