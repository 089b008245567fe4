import * as tl from 'azure-pipelines-task-lib/task.js';
import type { PostState } from '../adapters/ci-platform.js';

const KEYS = {
  owner: 'dataclone.owner',
  keep: 'dataclone.keep',
  dockerHost: 'dataclone.dockerHost',
  mainFinished: 'dataclone.mainFinished',
  warmOwner: 'dataclone.warmOwner',
} as const;

/**
 * Task variables reach the post-job handler of the same task instance. The post-job handler
 * also runs when the task was skipped by a condition: then no owner was saved and it does nothing.
 */
export function saveState(state: PostState): void {
  tl.setTaskVariable(KEYS.owner, state.owner);
  tl.setTaskVariable(KEYS.keep, String(state.keep));
  tl.setTaskVariable(KEYS.dockerHost, state.dockerHost);
  if (state.mainFinished) tl.setTaskVariable(KEYS.mainFinished, 'true');
}

export function readState(): PostState | undefined {
  const owner = tl.getTaskVariable(KEYS.owner);
  if (!owner) return undefined;
  return {
    owner,
    keep: tl.getTaskVariable(KEYS.keep) === 'true',
    dockerHost: tl.getTaskVariable(KEYS.dockerHost) ?? '',
    mainFinished: tl.getTaskVariable(KEYS.mainFinished) === 'true',
  };
}

/** The job whose warm pull the prejobexecution handler started, for the post-job handler to stop. */
export function saveWarmOwner(owner: string): void {
  tl.setTaskVariable(KEYS.warmOwner, owner);
}

export function readWarmOwner(): string | undefined {
  return tl.getTaskVariable(KEYS.warmOwner) || undefined;
}
