import type { Clone } from '../clones/clone.js';
import { listClones } from '../clones/read-clone.js';
import { DatacloneError } from '../core/errors.js';
import type { Job } from './job.js';

/** The job's clones; a step that needs them fails with a clear error when there are none. */
export async function requireJobClones(job: Job, step: string): Promise<Clone[]> {
  await job.host.ping();
  const clones = await listClones(job.host, job.owner);
  if (clones.length === 0) {
    throw new DatacloneError(
      `${step}: job ${job.owner} has no clones on ${job.host.description}`,
      'Run the provision step first, in the same job (same job id), or check the job id given to this step.',
    );
  }
  return clones;
}
