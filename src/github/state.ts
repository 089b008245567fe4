import * as core from '@actions/core';
import type { PostState } from '../adapters/ci-platform.js';

const KEYS = {
  owner: 'owner',
  keep: 'keep',
  dockerHost: 'dockerHost',
  mainFinished: 'mainFinished',
} as const;

export function saveState(state: PostState): void {
  core.saveState(KEYS.owner, state.owner);
  core.saveState(KEYS.keep, String(state.keep));
  core.saveState(KEYS.dockerHost, state.dockerHost);
  if (state.mainFinished) core.saveState(KEYS.mainFinished, 'true');
}

/** The state main saved; undefined when main never got as far as saving it. */
export function readState(): PostState | undefined {
  const owner = core.getState(KEYS.owner);
  if (!owner) return undefined;
  return {
    owner,
    keep: core.getState(KEYS.keep) === 'true',
    dockerHost: core.getState(KEYS.dockerHost),
    mainFinished: core.getState(KEYS.mainFinished) === 'true',
  };
}
