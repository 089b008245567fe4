import * as tl from 'azure-pipelines-task-lib/task.js';
import { azureRunJobId } from '../adapters/run-job-id.js';
import { readStepInputs, type StepInputs } from '../adapters/step-inputs.js';
import { DatacloneError } from '../core/errors.js';

/** task.json spells the action's kebab-case inputs in camelCase: test-command is testCommand. */
export function azureName(name: string): string {
  return name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The task's inputs, read once into the core's typed request. */
export function readInputs(env: NodeJS.ProcessEnv = process.env): StepInputs {
  return readStepInputs(
    {
      get: (name) => tl.getInput(azureName(name), false) ?? '',
      getBoolean: (name) => strictBoolean(tl.getInput(azureName(name), false) ?? '', azureName(name)),
      getLines: (name) =>
        (tl.getInput(azureName(name), false) ?? '')
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      spell: azureName,
    },
    azureRunJobId(env),
  );
}

/** getBoolInput reads anything but "true" as false; a typo must not silently turn keep off. */
function strictBoolean(value: string, name: string): boolean {
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw new DatacloneError(
    `input '${name}': '${value}' is not true or false`,
    `Set ${name} to true or false.`,
  );
}
