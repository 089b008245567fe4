import type { Clone } from '../clones/clone.js';
import { findClone } from '../clones/read-clone.js';
import { startStoppedClone } from '../clones/start-stopped-clone.js';
import { removeClone } from '../clones/remove-clone.js';
import { resetClone } from '../clones/reset-clone.js';
import { DatacloneError } from '../core/errors.js';
import { readDataImage } from '../images/data-image.js';
import type { Job } from './job.js';

/** What to do with a named clone that a previous run kept: keep its state, or reset it. */
export type ReuseMode = 'keep' | 'reset';

/**
 * A later run of a per-PR environment finds the clone an earlier run kept, by name. When it comes
 * from the image the reference names now, it is reused as it is or reset; one that is not running
 * (the Docker Engine restarted, say) is started again first, with its own data. When the image
 * changed (a nightly rebuild moved the tag), it is removed so that a fresh one is created.
 * Returns the clone to reuse, or undefined when a new one is needed.
 */
export async function reuseClone(
  job: Job,
  name: string,
  image: string,
  mode: ReuseMode,
): Promise<Clone | undefined> {
  const existing = await findClone(job.host, name);
  if (!existing) return undefined;
  if (existing.owner !== job.owner) {
    throw new DatacloneError(
      `clone ${name} was kept by job '${existing.owner}', and this job is '${job.owner}'`,
      `Give every run for the same pull request the same job id (--job / job-id: ${existing.owner}, e.g. pr-<number>), so that its steps and the teardown when the pull request closes find the clone; or remove it (dataclone clone remove ${name}).`,
    );
  }
  const current = await readDataImage(job.host, image);
  if (existing.imageId === current.id) {
    if (mode === 'reset') {
      job.reporter.info(
        `Reusing clone ${name} (same image ${current.id.slice(7, 19)}), reset to its image state`,
      );
      const password = existing.connection.password || undefined;
      return (await resetClone({ host: job.host, reporter: job.reporter, name, password })).clone;
    }
    if (existing.status === 'running') {
      job.reporter.info(`Reusing clone ${name} as it is (same image ${current.id.slice(7, 19)})`);
      return existing;
    }
    job.reporter.info(
      `Reusing clone ${name} as it is (same image ${current.id.slice(7, 19)}): it is ${existing.status}, so it starts again with the data it had`,
    );
    return (await startStoppedClone({ host: job.host, reporter: job.reporter, name })).clone;
  }
  job.reporter.info(
    `Replacing clone ${name}: ${image} is now ${current.id.slice(7, 19)}, the clone has ${existing.imageId.slice(7, 19)}`,
  );
  await removeClone({ host: job.host, reporter: job.reporter, name });
  return undefined;
}
