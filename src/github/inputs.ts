import * as core from '@actions/core';
import { readStepInputs, type StepInputs } from '../adapters/step-inputs.js';

/** The action's inputs (INPUT_<NAME>), read once into the core's typed request. */
export function readInputs(env: NodeJS.ProcessEnv = process.env): StepInputs {
  return readStepInputs(
    {
      get: (name) => core.getInput(name),
      getBoolean: (name) => core.getBooleanInput(name),
      getLines: (name) => core.getMultilineInput(name),
      spell: (name) => name,
    },
    `gh-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${env.GITHUB_JOB ?? 'job'}`,
  );
}
