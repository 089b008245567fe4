import type { Clone } from '../clones/clone.js';
import { resetClone } from '../clones/reset-clone.js';
import type { Job } from './job.js';
import { requireJobClones } from './job-clones.js';

export interface ResetResult {
  step: 'reset';
  clones: Clone[];
  durationMs: number;
}

/** Every clone of the job back to its image state, with the same ports and credentials. */
export async function resetJob(job: Job): Promise<ResetResult> {
  const started = performance.now();
  const clones = await requireJobClones(job, 'reset');
  const reset = await job.reporter.group(`Reset ${clones.length} clone(s) of job ${job.owner}`, () =>
    Promise.all(
      clones.map((clone) =>
        resetClone({
          host: job.host,
          reporter: job.reporter,
          name: clone.name,
          password: clone.connection.password || undefined,
        }),
      ),
    ),
  );
  return {
    step: 'reset',
    clones: reset.map((r) => r.clone),
    durationMs: Math.round(performance.now() - started),
  };
}
