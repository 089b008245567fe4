import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Docker from 'dockerode';
import { copyImagesFromMainEngine } from './copy-images.js';
import { removeEveryContainer, stopDaemon } from './second-engine.js';

/**
 * A current Docker Engine (Debian sid's docker.io: 28.x with containerd 2), run from the chroot
 * that scripts/current-docker-chroot.sh builds, beside the host's engine and without touching
 * it: its own unix socket, data root, exec root, default bridge, address pool and cgroup parent,
 * no iptables rules of its own (published ports go through docker-proxy on this machine's
 * 127.0.0.1; its embedded DNS answers without them), and every mount it makes in a mount namespace of its own,
 * which goes when it stops. Optionally with the containerd image store, the default of Docker 29
 * and Docker Desktop.
 */
export interface CurrentDockerEngine {
  /** DOCKER_HOST for clients. */
  env: Record<string, string>;
  docker: Docker;
  /** docker.io's version in the chroot, e.g. 28.5.2+dfsg4-5. */
  version: string;
  stop(): Promise<void>;
}

export const CURRENT_DOCKER_CHROOT =
  process.env.DATACLONE_CURRENT_DOCKER_ROOT ?? '/var/cache/dataclone/docker-sid';

/** The chroot's docker.io version when the chroot is built and usable here (root), else undefined. */
export function currentDockerChroot(): string | undefined {
  const marker = path.join(CURRENT_DOCKER_CHROOT, '.dataclone-complete');
  if (process.getuid?.() !== 0 || !existsSync(marker)) return undefined;
  return readFileSync(marker, 'utf8').trim();
}

/** The addresses of the networks this engine makes: none of the host engine's default pools. */
const POOL = '10.213.0.0/16';

/** Why the tests on a current engine do not run here, for their skip message. */
export const CURRENT_DOCKER_MISSING = `needs root and the Docker 28 chroot in ${CURRENT_DOCKER_CHROOT}: build it with \`bash scripts/current-docker-chroot.sh\` (CI does)`;

// Runs in the new mount namespace, which gets the chroot as its root with pivot_root: in a mere
// chroot, runc's own pivot_root leaves the namespace rooted at the host's /, and every
// `docker exec` would then run in the host's files, not the container's. The chroot's / must
// be a mount point for that; the test folder appears at the same path inside and out (the
// socket, and the root dir that dataclone reads from `docker info`).
const LAUNCH = `set -e
root="$1"; dir="$2"
mount --bind "$root" "$root"
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
mount -t tmpfs tmpfs "$root/run"
mkdir -p "$root$dir" "$root/.old-root"
mount --bind "$dir" "$root$dir"
cd "$root"
pivot_root . .old-root
umount -l /.old-root
exec /usr/sbin/dockerd --config-file "$dir/daemon.json"
`;

export async function startCurrentDockerEngine(
  baseImages: string[],
  options: { containerdSnapshotter: boolean },
): Promise<CurrentDockerEngine> {
  const version = currentDockerChroot();
  if (!version) throw new Error(`a current Docker Engine ${CURRENT_DOCKER_MISSING}`);
  const dir = await mkdtemp(path.join('/var/tmp', 'dataclone-current-engine-'));
  const socket = path.join(dir, 'docker.sock');
  const suffix = `${process.pid % 100000}`;
  const bridge = `dcc${suffix}`;
  const cgroupParent = `dataclone-current-${suffix}`;
  execFileSync('ip', ['link', 'add', bridge, 'type', 'bridge']);
  execFileSync('ip', ['addr', 'add', '10.212.0.1/24', 'dev', bridge]);
  execFileSync('ip', ['link', 'set', bridge, 'up']);
  // The host's FORWARD policy (DROP, with br_netfilter) would drop what containers on one of
  // this engine's networks send each other (a standby clone's proxy to its servers): accepted
  // for this engine's address pool only, which the host's engine never uses.
  const forward = [
    'FORWARD',
    '-s',
    POOL,
    '-d',
    POOL,
    '-m',
    'comment',
    '--comment',
    cgroupParent,
    '-j',
    'ACCEPT',
  ];
  execFileSync('iptables', ['-I', ...forward]);
  await writeFile(
    path.join(dir, 'daemon.json'),
    JSON.stringify({
      hosts: [`unix://${socket}`],
      'data-root': path.join(dir, 'data'),
      'exec-root': path.join(dir, 'exec'),
      pidfile: path.join(dir, 'docker.pid'),
      bridge,
      iptables: false,
      ip6tables: false,
      'ip-masq': false,
      // Networks the tests create get addresses outside the ranges the host's engine uses.
      'default-address-pools': [{ base: POOL, size: 24 }],
      'cgroup-parent': cgroupParent,
      features: { 'containerd-snapshotter': options.containerdSnapshotter },
    }),
  );
  const daemon: ChildProcess = spawn(
    'unshare',
    ['--mount', '--propagation', 'private', 'sh', '-c', LAUNCH, 'launch', CURRENT_DOCKER_CHROOT, dir],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  daemon.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const docker = new Docker({ socketPath: socket });

  const stop = async () => {
    // Nothing this engine ran outlives the test, and the bridges of its networks go with it.
    await removeEveryContainer(docker);
    const networks = await docker.listNetworks().catch(() => []);
    for (const network of networks.filter((n) => !['bridge', 'host', 'none'].includes(n.Name)))
      await docker
        .getNetwork(network.Id)
        .remove()
        .catch(() => {});
    await stopDaemon(daemon, 60_000);
    for (const link of [bridge, ...networks.map((n) => `br-${n.Id.slice(0, 12)}`)])
      execFileSync('sh', ['-c', `ip link del ${link} 2>/dev/null || true`]);
    execFileSync('sh', ['-c', `iptables -D ${forward.join(' ')} 2>/dev/null || true`]);
    execFileSync('sh', [
      '-c',
      `rmdir /sys/fs/cgroup/*/${cgroupParent} /sys/fs/cgroup/${cgroupParent} 2>/dev/null || true`,
    ]);
    execFileSync('sh', ['-c', `rmdir "${CURRENT_DOCKER_CHROOT}${dir}" 2>/dev/null || true`]);
    await rm(dir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + 60_000;
    while (
      !(await docker.ping().then(
        () => true,
        () => false,
      ))
    ) {
      if (daemon.exitCode !== null || Date.now() > deadline)
        throw new Error(`the current dockerd (chroot ${CURRENT_DOCKER_CHROOT}) did not start: ${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await copyImagesFromMainEngine(docker, baseImages);
  } catch (error) {
    await stop();
    throw error;
  }
  return { env: { DOCKER_HOST: `unix://${socket}` }, docker, version, stop };
}
