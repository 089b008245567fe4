import type { DockerHost } from '../src/docker/docker-host.js';

/** Bytes in the container's writable layer, as Docker counts them (docker ps --size). */
export async function writableLayerBytes(host: DockerHost, containerId: string): Promise<number> {
  return (await writableLayersBytes(host, [containerId]))[0] ?? 0;
}

/** The writable layers of several containers, in their order, from one listing. */
export async function writableLayersBytes(host: DockerHost, containerIds: string[]): Promise<number[]> {
  const listed = await host.docker.listContainers({ all: true, size: true, filters: { id: containerIds } });
  const sizes = new Map(listed.map((c) => [c.Id, (c as { SizeRw?: number }).SizeRw ?? 0]));
  return containerIds.map((id) => sizes.get(id) ?? 0);
}

/** Memory the container uses, without the page cache (which the kernel gives back when asked). */
export async function memoryBytes(host: DockerHost, containerId: string): Promise<number> {
  return (await usageSample(host, containerId)).memoryBytes;
}

/** One reading of a container's cgroup counters, as `docker stats --no-stream` reads them. */
export interface UsageSample {
  /** Memory without the page cache, as memoryBytes counts it (and the kubelet its working set). */
  memoryBytes: number;
  /** Anonymous and shared memory (PostgreSQL's shared buffers): what no page cache reclaim frees. */
  anonymousBytes: number;
  /** CPU time the container has used since it started, in nanoseconds. */
  cpuNanoseconds: number;
  /** When the engine read the counters (ms since the epoch). */
  readAt: number;
}

export async function usageSample(host: DockerHost, containerId: string): Promise<UsageSample> {
  // one-shot: the engine answers at once instead of waiting a second for a second reading.
  const stats = (await host.docker.getContainer(containerId).stats({ stream: false, 'one-shot': true })) as {
    read?: string;
    cpu_stats?: { cpu_usage?: { total_usage?: number } };
    memory_stats?: { usage?: number; stats?: Record<string, number> };
  };
  const usage = stats.memory_stats?.usage ?? 0;
  const cache =
    stats.memory_stats?.stats?.total_inactive_file ??
    stats.memory_stats?.stats?.inactive_file ??
    stats.memory_stats?.stats?.cache ??
    0;
  const counter = (name: string) =>
    stats.memory_stats?.stats?.[`total_${name}`] ?? stats.memory_stats?.stats?.[name] ?? 0;
  return {
    memoryBytes: Math.max(0, usage - cache),
    anonymousBytes: counter('active_anon') + counter('inactive_anon'),
    cpuNanoseconds: stats.cpu_stats?.cpu_usage?.total_usage ?? 0,
    readAt: stats.read ? Date.parse(stats.read) : Date.now(),
  };
}

/** Cores a container used between two samples (1 = one core busy all the time). */
export function coresUsed(before: UsageSample, after: UsageSample): number {
  const elapsedNs = (after.readAt - before.readAt) * 1e6;
  return elapsedNs > 0 ? (after.cpuNanoseconds - before.cpuNanoseconds) / elapsedNs : 0;
}
