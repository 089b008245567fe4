import * as core from '@actions/core';
import type { PostState } from '../adapters/ci-platform.js';
import { githubRunJobId } from '../adapters/run-job-id.js';
import {
  readPostInputs,
  readStepInputs,
  type InputSource,
  type StepInputs,
} from '../adapters/step-inputs.js';

const source: InputSource = {
  get: (name) => core.getInput(name),
  getBoolean: (name) => core.getBooleanInput(name),
  getLines: (name) => core.getMultilineInput(name),
  spell: (name) => name,
};

/** The action's inputs (INPUT_<NAME>), read once into the core's typed request. */
export function readInputs(env: NodeJS.ProcessEnv = process.env): StepInputs {
  return readStepInputs(source, githubRunJobId(env));
}

/** The runner hands the post step the same inputs as main: what post needs when main saved nothing. */
export function readPostStateFromInputs(env: NodeJS.ProcessEnv = process.env): PostState {
  return readPostInputs(source, githubRunJobId(env));
}
