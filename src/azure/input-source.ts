import * as tl from 'azure-pipelines-task-lib/task.js';
import type { InputSource } from '../adapters/input-source.js';
import { DatacloneError } from '../core/errors.js';

/** task.json spells the action's kebab-case inputs in camelCase: test-command is testCommand. */
export function azureName(name: string): string {
  return name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The task's inputs as the agent hands them over: INPUT_<NAME>. */
export const azureInputs: InputSource = {
  get: (name) => tl.getInput(azureName(name), false) ?? '',
  getBoolean: (name) => strictBoolean(tl.getInput(azureName(name), false) ?? '', azureName(name)),
  getLines: (name) =>
    (tl.getInput(azureName(name), false) ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  spell: azureName,
};

/** getBoolInput reads anything but "true" as false; a typo must not silently turn keep off. */
function strictBoolean(value: string, name: string): boolean {
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw new DatacloneError(
    `input '${name}': '${value}' is not true or false`,
    `Set ${name} to true or false.`,
  );
}
