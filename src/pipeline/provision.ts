import type { Clone } from '../clones/clone.js';
import { createClone } from '../clones/create-clone.js';
import type { Job } from './job.js';

export interface ProvisionOptions {
  image: string;
  /** A stable name (per-PR environments); default: generated. */
  name?: string;
  port?: number;
  bindAddress?: string;
  lifetime?: string;
}

export interface ProvisionResult {
  step: 'provision';
  clones: Clone[];
  durationMs: number;
}

/**
 * Starts the job's clone. The clone carries the job's owner label from the moment Docker creates
 * it, so a teardown finds it even when this process dies before it returns.
 */
export async function provision(job: Job, options: ProvisionOptions): Promise<ProvisionResult> {
  const started = performance.now();
  const { clone } = await job.reporter.group(`Provision a clone of ${options.image}`, () =>
    createClone({ host: job.host, reporter: job.reporter, owner: job.owner, ...options }),
  );
  return { step: 'provision', clones: [clone], durationMs: Math.round(performance.now() - started) };
}
