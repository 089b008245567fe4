import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import Docker from 'dockerode';
import { isPortFree } from '../src/clones/host-port.js';
import { DockerHost } from '../src/docker/docker-host.js';

/**
 * A Docker Engine of the bench's own, with an empty data root on the same disk as the main one:
 * a runner that has never pulled anything. Its own socket, bridge and exec root, no iptables
 * rules (published ports go through docker-proxy on 127.0.0.1), so the main Docker Engine and
 * whoever else uses it are left alone. `unpigz: false` makes it decompress layers with Go's gzip,
 * as an engine on a machine without pigz does (MOBY_DISABLE_PIGZ).
 */
export interface RunnerEngine {
  host: DockerHost;
  /** Whether this engine may decompress layers with unpigz (and unpigz is on this machine). */
  unpigz: boolean;
  stop(): Promise<void>;
}

/**
 * A /24 for the runner engine's bridge that no interface here has: two engines on one subnet
 * would route each other's clone connections. The tests' TLS engine uses 172.31.253.0/24, the
 * XFS one 172.31.254.0/24.
 */
function freeSubnet(): string {
  const addresses = execFileSync('ip', ['-br', 'addr'], { encoding: 'utf8' });
  for (let third = 240; third <= 252; third++)
    if (!addresses.includes(`172.31.${third}.`)) return `172.31.${third}`;
  throw new Error('no free 172.31.240-252.0/24 subnet for the runner engine: see ip -br addr');
}

export async function startRunnerEngine(options: { unpigz: boolean }): Promise<RunnerEngine> {
  const subnet = freeSubnet();
  const bridge = `dcc${process.pid % 100000}`;
  execFileSync('ip', ['link', 'add', bridge, 'type', 'bridge']);
  execFileSync('ip', ['addr', 'add', `${subnet}.1/24`, 'dev', bridge]);
  execFileSync('ip', ['link', 'set', bridge, 'up']);
  const dir = await mkdtemp(path.join('/var/tmp', 'dataclone-cold-'));
  // Unix socket paths are short: the socket and the exec root live under /run.
  const run = await mkdtemp('/run/dccold-');
  const socket = path.join(run, 'docker.sock');
  const daemon: ChildProcess = spawn(
    'dockerd',
    [
      '--host',
      `unix://${socket}`,
      '--data-root',
      path.join(dir, 'data'),
      '--exec-root',
      path.join(run, 'exec'),
      '--pidfile',
      path.join(run, 'docker.pid'),
      '--bridge',
      bridge,
      '--iptables=false',
      '--ip-masq=false',
      '--storage-driver',
      'overlay2',
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MOBY_DISABLE_PIGZ: options.unpigz ? 'false' : 'true' },
    },
  );
  let log = '';
  daemon.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const stop = async () => {
    if (daemon.exitCode === null) {
      daemon.kill('SIGTERM');
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          daemon.kill('SIGKILL');
          resolve(undefined);
        }, 20_000);
        daemon.once('exit', () => {
          clearTimeout(timer);
          resolve(undefined);
        });
      });
    }
    try {
      execFileSync('ip', ['link', 'del', bridge]);
    } catch {
      // already gone
    }
    execFileSync('sh', [
      '-c',
      `grep -oE "(${dir}|${run})[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l || true`,
    ]);
    await rm(dir, { recursive: true, force: true });
    await rm(run, { recursive: true, force: true });
  };
  const docker = new Docker({ socketPath: socket });
  try {
    const deadline = Date.now() + 30_000;
    while (
      !(await docker.ping().then(
        () => true,
        () => false,
      ))
    ) {
      if (daemon.exitCode !== null || Date.now() > deadline)
        throw new Error(`the bench's runner dockerd did not start: ${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { host: new DockerHost(docker, `unix://${socket}`), unpigz: options.unpigz, stop };
}

/** Copies an image from the main Docker Engine, as `docker save | docker load` would. */
export async function copyImageFromMain(runner: DockerHost, image: string): Promise<void> {
  const archive = await new Docker().getImage(image).get();
  const loading = await runner.docker.loadImage(archive);
  await new Promise((resolve, reject) =>
    runner.docker.modem.followProgress(loading, (error) => (error ? reject(error) : resolve(undefined))),
  );
}

/**
 * A port for a clone on the runner engine, below the ephemeral range the main Docker Engine
 * hands out: that engine's NAT rules catch 127.0.0.1:<port> for its own containers, so a port it
 * also published would lead this bench's connections into someone else's container.
 */
export async function runnerClonePort(): Promise<number> {
  const taken = mainEnginePorts();
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (!taken.has(port) && (await isPortFree('127.0.0.1', port))) return port;
  }
  throw new Error('no free port between 20000 and 29999 on 127.0.0.1 for a clone of the runner engine');
}

/** The host ports the main Docker Engine's NAT rules send to its containers. */
function mainEnginePorts(): Set<number> {
  try {
    const rules = execFileSync('iptables', ['-t', 'nat', '-S', 'DOCKER'], { encoding: 'utf8' });
    return new Set([...rules.matchAll(/--dport (\d+)/g)].map((match) => Number(match[1])));
  } catch {
    return new Set();
  }
}
