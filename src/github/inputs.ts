import { githubRunJobId } from '../adapters/run-job-id.js';
import { readStepInputs, type StepInputs } from '../adapters/step-inputs.js';
import { githubInputs } from './input-source.js';

/** The action's inputs (INPUT_<NAME>), read once into the core's typed request. */
export function readInputs(env: NodeJS.ProcessEnv = process.env): StepInputs {
  return readStepInputs(githubInputs, githubRunJobId(env));
}
