import type { DockerHost } from '../src/docker/docker-host.js';

/** Bytes in the container's writable layer, as Docker counts them (docker ps --size). */
export async function writableLayerBytes(host: DockerHost, containerId: string): Promise<number> {
  const [container] = await host.docker.listContainers({
    all: true,
    size: true,
    filters: { id: [containerId] },
  });
  return (container as { SizeRw?: number } | undefined)?.SizeRw ?? 0;
}

/** Memory the container uses, without the page cache (which the kernel gives back when asked). */
export async function memoryBytes(host: DockerHost, containerId: string): Promise<number> {
  const stats = (await host.docker.getContainer(containerId).stats({ stream: false })) as {
    memory_stats?: { usage?: number; stats?: Record<string, number> };
  };
  const usage = stats.memory_stats?.usage ?? 0;
  const cache =
    stats.memory_stats?.stats?.total_inactive_file ??
    stats.memory_stats?.stats?.inactive_file ??
    stats.memory_stats?.stats?.cache ??
    0;
  return Math.max(0, usage - cache);
}
