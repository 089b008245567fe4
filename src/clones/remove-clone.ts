import type { Reporter } from '../core/reporter.js';
import type { DockerHost } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';
import { standbyNetworkName } from './standby/standby-servers.js';
import type { Clone } from './clone.js';
import { cloneFromContainer, requireCloneContainer } from './read-clone.js';

export interface RemoveCloneOptions {
  host: DockerHost;
  reporter: Reporter;
  name: string;
}

/** Removes a clone, its writable layer and any anonymous volume: its data is gone for good. */
export async function removeClone(
  options: RemoveCloneOptions,
): Promise<{ clone: Clone; durationMs: number }> {
  const started = performance.now();
  // Its password is not read: nothing here needs it, and the clone reported carries none.
  const info = await requireCloneContainer(options.host, options.name);
  const clone = cloneFromContainer(options.host, info, '');
  await options.host.removeContainer(clone.containerId);
  if (clone.standby) {
    const servers = await options.host.findContainers({ [Labels.standbyOf]: clone.name });
    await Promise.all(servers.map((id) => options.host.removeContainer(id)));
    await options.host.removeNetwork(standbyNetworkName(clone.name));
  }
  const durationMs = Math.round(performance.now() - started);
  options.reporter.info(`Removed clone ${clone.name} (${durationMs} ms)`);
  return { clone, durationMs };
}
