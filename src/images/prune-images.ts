import type { Reporter } from '../core/reporter.js';
import type { DockerHost } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';

export interface PruneOptions {
  host: DockerHost;
  reporter: Reporter;
  /** The repository whose tags are pruned, e.g. registry.example.com/shop. */
  repository: string;
  /** How many of the newest tags to keep. */
  keep: number;
  /** Tags never removed whatever their age (the moving ones). Default: latest. */
  protect?: string[];
  dryRun?: boolean;
}

/**
 * Keeps the newest `keep` tags of a repository on the host (newest by build time), and removes
 * the others, except moving tags and the tags of images a container uses.
 */
export async function pruneImages(options: PruneOptions): Promise<{ kept: string[]; removed: string[] }> {
  const { host } = options;
  const protect = new Set(options.protect ?? ['latest']);
  const images = await host.docker.listImages({ filters: { reference: [options.repository] } });
  const containers = await host.docker.listContainers({ all: true });
  const inUse = new Set(containers.map((c) => c.ImageID));
  const tags = images
    .flatMap((image) =>
      (image.RepoTags ?? [])
        .filter((tag) => tag.startsWith(`${options.repository}:`))
        .map((tag) => ({
          tag,
          id: image.Id,
          built: Date.parse(image.Labels?.[Labels.built] ?? '') || image.Created * 1000,
        })),
    )
    .filter((entry) => !protect.has(entry.tag.slice(options.repository.length + 1)))
    .sort((a, b) => b.built - a.built || b.tag.localeCompare(a.tag));
  const kept = tags.slice(0, options.keep);
  const candidates = tags.slice(options.keep);
  const removed: string[] = [];
  for (const entry of candidates) {
    if (inUse.has(entry.id)) {
      kept.push(entry);
      continue;
    }
    if (!options.dryRun) await host.removeImage(entry.tag);
    removed.push(entry.tag);
  }
  options.reporter.info(
    `${options.repository}: kept ${kept.length} tag(s), ${options.dryRun ? 'would remove' : 'removed'} ${removed.length}${removed.length ? `: ${removed.join(', ')}` : ''}`,
  );
  return { kept: kept.map((entry) => entry.tag), removed };
}
