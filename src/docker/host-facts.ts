import type Docker from 'dockerode';

/** What the Docker Engine says about the machine it runs on and how it stores images. */
export interface HostFacts {
  serverVersion: string;
  operatingSystem: string;
  /** `linux` or `windows`: the kind of containers the engine runs. */
  osType: string;
  architecture: string;
  cpus: number;
  memoryBytes: number;
  /** The storage driver: overlay2, btrfs, zfs, vfs, ... */
  storageDriver: string;
  /** The filesystem under the driver's data (`extfs`, `xfs`, `btrfs`, ...), when the driver reports one. */
  backingFilesystem?: string;
  /** Where the engine keeps images and containers, as a path on the engine's machine. */
  rootDir: string;
  /** A rootless engine: its containers' "host" network is a namespace of its own. */
  rootless: boolean;
  /** Images kept by containerd's snapshotters (Docker's containerd image store), not a graph driver. */
  containerdImageStore?: true;
}

/** Reads `docker info` once. */
export async function readHostFacts(docker: Pick<Docker, 'info'>): Promise<HostFacts> {
  return parseHostFacts(await docker.info());
}

/** The facts in a `docker info` answer; fields the engine leaves out read as empty. */
export function parseHostFacts(info: unknown): HostFacts {
  const fields = isRecord(info) ? info : {};
  const backingFilesystem = driverStatus(fields.DriverStatus, 'Backing Filesystem');
  const containerdImageStore = driverStatus(fields.DriverStatus, 'driver-type')?.startsWith(
    'io.containerd.snapshotter',
  );
  return {
    serverVersion: text(fields.ServerVersion),
    operatingSystem: text(fields.OperatingSystem),
    osType: text(fields.OSType),
    architecture: text(fields.Architecture),
    cpus: count(fields.NCPU),
    memoryBytes: count(fields.MemTotal),
    storageDriver: text(fields.Driver),
    ...(backingFilesystem ? { backingFilesystem } : {}),
    rootDir: text(fields.DockerRootDir),
    ...(containerdImageStore ? { containerdImageStore: true as const } : {}),
    rootless:
      Array.isArray(fields.SecurityOptions) &&
      fields.SecurityOptions.some((option) => typeof option === 'string' && option.includes('name=rootless')),
  };
}

/**
 * Whether the engine's files are on this machine's filesystems, so that its root dir can be
 * looked at here: a local socket, and not an engine inside a VM (Docker Desktop, or any engine
 * reached from macOS or Windows).
 */
export function dockerRunsHere(
  facts: Pick<HostFacts, 'operatingSystem'>,
  dockerHost: string | undefined,
  platform: NodeJS.Platform,
): boolean {
  const socket = !dockerHost || dockerHost.startsWith('unix://');
  return socket && platform === 'linux' && !/docker desktop/i.test(facts.operatingSystem);
}

function driverStatus(status: unknown, key: string): string | undefined {
  if (!Array.isArray(status)) return undefined;
  for (const pair of status) {
    if (Array.isArray(pair) && pair[0] === key && typeof pair[1] === 'string') return pair[1];
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
