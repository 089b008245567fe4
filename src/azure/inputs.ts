import * as tl from 'azure-pipelines-task-lib/task.js';
import { readStepInputs, type StepInputs } from '../adapters/step-inputs.js';

/** task.json spells the action's kebab-case inputs in camelCase: test-command is testCommand. */
export function azureName(name: string): string {
  return name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The task's inputs, read once into the core's typed request. */
export function readInputs(env: NodeJS.ProcessEnv = process.env): StepInputs {
  return readStepInputs(
    {
      get: (name) => tl.getInput(azureName(name), false) ?? '',
      getBoolean: (name) => tl.getBoolInput(azureName(name), false),
      getLines: (name) =>
        (tl.getInput(azureName(name), false) ?? '')
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      spell: azureName,
    },
    `azp-${env.BUILD_BUILDID ?? 'local'}-${env.SYSTEM_JOBID ?? 'job'}`,
  );
}
