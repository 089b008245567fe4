import * as core from '@actions/core';
import type { PostState } from '../adapters/ci-platform.js';
import { readPostInputs, type InputSource } from '../adapters/input-source.js';
import { githubRunJobId } from '../adapters/run-job-id.js';

/** The action's inputs as the runner hands them to both steps: INPUT_<NAME>. */
export const githubInputs: InputSource = {
  get: (name) => core.getInput(name),
  getBoolean: (name) => core.getBooleanInput(name),
  getLines: (name) => core.getMultilineInput(name),
  spell: (name) => name,
};

/** What post needs when main saved nothing: the job, keep and Docker host, as main derives them. */
export function readPostStateFromInputs(env: NodeJS.ProcessEnv = process.env): PostState {
  return readPostInputs(githubInputs, githubRunJobId(env));
}
