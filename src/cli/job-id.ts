import { DatacloneError } from '../core/errors.js';
import { azureRunJobId, githubRunJobId } from '../adapters/run-job-id.js';
import { validateOwner } from '../pipeline/job.js';

/**
 * The job id that ties a job's steps together: `--job`, else DATACLONE_JOB, else the identity
 * of the CI job the CLI runs in (GitHub Actions or Azure Pipelines), so that every step of one
 * job agrees on it without being told.
 */
export function resolveJobId(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (given) return validateOwner(given, '--job');
  if (env.DATACLONE_JOB) return validateOwner(env.DATACLONE_JOB, 'DATACLONE_JOB');
  if (env.GITHUB_RUN_ID && env.GITHUB_JOB) {
    return validateOwner(githubRunJobId(env), 'GITHUB_RUN_ID');
  }
  if (env.BUILD_BUILDID && env.SYSTEM_JOBID) {
    return validateOwner(azureRunJobId(env), 'BUILD_BUILDID');
  }
  throw new DatacloneError(
    'no job id: the steps of one job find their clones by it',
    'Give --job <id> (or set DATACLONE_JOB) to every step of the job; in GitHub Actions and Azure Pipelines it is derived from the run.',
  );
}
