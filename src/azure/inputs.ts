import { azureRunJobId } from '../adapters/run-job-id.js';
import { readStepInputs, type StepInputs } from '../adapters/step-inputs.js';
import { azureInputs } from './input-source.js';

/** The task's inputs, read once into the core's typed request. */
export function readInputs(env: NodeJS.ProcessEnv = process.env): StepInputs {
  return readStepInputs(azureInputs, azureRunJobId(env));
}
