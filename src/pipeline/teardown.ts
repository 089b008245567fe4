import { Labels } from '../docker/labels.js';
import type { Job } from './job.js';

export interface TeardownResult {
  step: 'teardown';
  /** Names of the clones removed. */
  removed: string[];
  durationMs: number;
}

/**
 * Removes every container the job owns, and the networks of its environments, whatever state it is in. Safe to run twice, after a
 * crash, or when Docker already removed a container: what is not there is not an error.
 */
export async function teardown(job: Job): Promise<TeardownResult> {
  const started = performance.now();
  await job.host.ping();
  const ids = await job.host.findContainers({ [Labels.owner]: job.owner });
  const removed: string[] = [];
  await Promise.all(
    ids.map(async (id) => {
      const info = await job.host.inspectContainer(id);
      await job.host.removeContainer(id);
      // A standby clone's servers go with it; the clone is named once.
      if (info?.labels[Labels.standbyOf]) return;
      removed.push(info?.labels[Labels.clone] ?? info?.name ?? id.slice(0, 12));
    }),
  );
  removed.sort();
  // An environment's network goes once its clones are gone.
  const networks = await job.host.findNetworks({ [Labels.owner]: job.owner });
  await Promise.all(networks.map((id) => job.host.removeNetwork(id)));
  job.reporter.info(
    removed.length
      ? `Removed ${removed.length} clone(s) of job ${job.owner}: ${removed.join(', ')}`
      : `Job ${job.owner} had no clones to remove`,
  );
  return { step: 'teardown', removed, durationMs: Math.round(performance.now() - started) };
}
