import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import Docker from 'dockerode';
import { copyImagesFromMainEngine } from './copy-images.js';
import { removeEveryContainer, stopDaemon } from './second-engine.js';

/**
 * A second Docker Engine of the test's own, on a unix socket (so dataclone takes it for one on
 * this machine), with its own data root, exec root and bridge, that the test can restart as a
 * host reboot or an engine upgrade does: dockerd stops (stopping its containers) and starts
 * again on the same data. Never the main engine, which other tests use.
 */
export interface RestartableDockerEngine {
  /** DOCKER_HOST for clients. */
  env: Record<string, string>;
  docker: Docker;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRestartableDockerEngine(baseImages: string[]): Promise<RestartableDockerEngine> {
  const dir = await mkdtemp(path.join('/var/tmp', 'dataclone-restart-engine-'));
  execFileSync('mkdir', ['-p', path.join(dir, 'data'), path.join(dir, 'exec')]);
  const socket = path.join(dir, 'docker.sock');
  const bridge = `dcr${process.pid % 100000}`;
  execFileSync('ip', ['link', 'add', bridge, 'type', 'bridge']);
  execFileSync('ip', ['addr', 'add', '172.31.252.1/24', 'dev', bridge]);
  execFileSync('ip', ['link', 'set', bridge, 'up']);
  const docker = new Docker({ socketPath: socket });
  let daemon: ChildProcess | undefined;
  let log = '';

  const launch = async () => {
    daemon = spawn(
      'dockerd',
      [
        '--host',
        `unix://${socket}`,
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
    const started = daemon;
    started.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
    const deadline = Date.now() + 60_000;
    while (
      !(await docker.ping().then(
        () => true,
        () => false,
      ))
    ) {
      if (started.exitCode !== null || Date.now() > deadline)
        throw new Error(`the second dockerd did not start: ${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const halt = async () => {
    if (daemon) await stopDaemon(daemon, 60_000);
  };
  const stop = async () => {
    // Nothing this engine ran outlives the test: its containers go before it stops.
    await removeEveryContainer(docker);
    await halt();
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

  try {
    await launch();
    await copyImagesFromMainEngine(docker, baseImages);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    env: { DOCKER_HOST: `unix://${socket}` },
    docker,
    async restart() {
      await halt();
      await launch();
    },
    stop,
  };
}
