import type { Clone } from '../clones/clone.js';
import { listClones } from '../clones/read-clone.js';
import { removeClone } from '../clones/remove-clone.js';
import { parseDuration } from '../core/duration.js';
import type { Reporter } from '../core/reporter.js';
import type { DockerHost } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';

export interface GcOptions {
  host: DockerHost;
  reporter: Reporter;
  /** Never remove a clone whose container started less than this long ago (default 15m). */
  grace?: string;
  /** Also remove data images no container uses that were built longer ago than this. */
  imagesOlderThan?: string;
  /** Only images whose reference matches this pattern (e.g. `registry.example.com/shop*`). */
  imagesMatching?: string;
  /** List what would be removed, remove nothing. */
  dryRun?: boolean;
  /** Only the clones of this owner (a job id); default: every clone on the host. */
  owner?: string;
  now?: Date;
}

export interface GcDecision {
  name: string;
  reason: string;
}

export interface GcResult {
  removed: GcDecision[];
  kept: GcDecision[];
  removedImages: string[];
  dryRun: boolean;
}

/**
 * Removes expired clones, and optionally old unused data images, from a clone host. Safe beside
 * running jobs: a clone without a lifetime, or whose lifetime has not ended, is kept; so is one
 * whose container started within the grace period (just created, or just reset by a job that is
 * still using it) and one that was removed or replaced while gc looked at it.
 */
export async function collectGarbage(options: GcOptions): Promise<GcResult> {
  const { host, reporter } = options;
  const now = options.now ?? new Date();
  const grace = parseDuration(options.grace ?? '15m', '--grace');
  await host.ping();
  const removed: GcDecision[] = [];
  const kept: GcDecision[] = [];
  for (const clone of await listClones(host, options.owner)) {
    const verdict = await judge(host, clone, now, grace);
    if (verdict.remove) {
      if (!options.dryRun) {
        // Look again just before removing: a job may have reset (so replaced) it meanwhile.
        const current = await host.inspectContainer(clone.containerId);
        if (!current) {
          kept.push({ name: clone.name, reason: 'replaced or removed while gc ran' });
          continue;
        }
        try {
          await removeClone({ host, reporter, name: clone.name });
        } catch (error) {
          kept.push({ name: clone.name, reason: `could not be removed: ${String(error)}` });
          continue;
        }
      }
      removed.push({ name: clone.name, reason: verdict.reason });
    } else kept.push({ name: clone.name, reason: verdict.reason });
  }
  const removedImages = options.imagesOlderThan
    ? await removeOldImages(host, parseDuration(options.imagesOlderThan, '--images-older-than'), now, options)
    : [];
  reporter.info(
    `gc${options.dryRun ? ' (dry run)' : ''}: ${removed.length} clone(s) ${options.dryRun ? 'would be ' : ''}removed, ${kept.length} kept${removedImages.length ? `, ${removedImages.length} image(s) removed` : ''}`,
  );
  return { removed, kept, removedImages, dryRun: options.dryRun ?? false };
}

async function judge(
  host: DockerHost,
  clone: Clone,
  now: Date,
  graceMs: number,
): Promise<{ remove: boolean; reason: string }> {
  if (!clone.expires) return { remove: false, reason: 'no lifetime' };
  const expires = Date.parse(clone.expires);
  if (Number.isNaN(expires)) return { remove: false, reason: `unreadable expiry '${clone.expires}'` };
  if (expires > now.getTime()) return { remove: false, reason: `expires ${clone.expires}` };
  const container = await host.inspectContainer(clone.containerId);
  const started = container ? Date.parse(container.created) : now.getTime();
  if (now.getTime() - started < graceMs) {
    return {
      remove: false,
      reason: `expired, but started ${Math.round((now.getTime() - started) / 1000)} s ago (grace period)`,
    };
  }
  return { remove: true, reason: `expired ${clone.expires}` };
}

/** Data images (dataclone labels) that no container uses, built before the retention period. */
async function removeOldImages(
  host: DockerHost,
  olderThanMs: number,
  now: Date,
  options: GcOptions,
): Promise<string[]> {
  const images = await host.docker.listImages({
    filters: {
      label: [Labels.definitionDigest],
      ...(options.imagesMatching ? { reference: [options.imagesMatching] } : {}),
    },
  });
  const containers = await host.docker.listContainers({ all: true });
  const inUse = new Set(containers.map((c) => c.ImageID));
  const removed: string[] = [];
  for (const image of images) {
    if (inUse.has(image.Id)) continue;
    const built = Date.parse(image.Labels?.[Labels.built] ?? '') || image.Created * 1000;
    if (now.getTime() - built < olderThanMs) continue;
    const names = image.RepoTags?.filter((tag) => tag !== '<none>:<none>') ?? [];
    if (!options.dryRun) {
      for (const tag of names) await host.removeImage(tag).catch(() => {});
      if (names.length === 0) await host.removeImage(image.Id).catch(() => {});
    }
    removed.push(names.join(', ') || image.Id.slice(7, 19));
  }
  return removed;
}
