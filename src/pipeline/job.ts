import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import type { DockerHost } from '../docker/docker-host.js';

/**
 * One CI job's view of the clone host. Every clone the job makes carries `owner` in its labels,
 * so separate processes (CI steps, a post step after a crash) find exactly the clones of their
 * own job, and teardown never touches another job's.
 */
export interface Job {
  host: DockerHost;
  reporter: Reporter;
  owner: string;
}

const OWNER = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** Checks a job id given by a user or derived from CI variables; `field` names it in errors. */
export function validateOwner(owner: string, field: string): string {
  if (!OWNER.test(owner)) {
    throw new DatacloneError(
      `${field}: '${owner}' is not a usable job id`,
      "Use letters, digits, '.', '_', ':' and '-', at most 128 characters.",
    );
  }
  return owner;
}
