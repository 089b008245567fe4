import path from 'node:path';
import { parseNetworking } from '../clones/clone-networking.js';
import { DatacloneError } from '../core/errors.js';
import { readCheckOptions } from '../migration-checks/check-options.js';
import { STEP_COMMANDS, type StepCommand, type StepRequest } from '../pipeline/run-step.js';
import { readPostInputs, type InputSource } from './input-source.js';

export type { InputSource } from './input-source.js';

/** Every input a dataclone CI step reads, turned once into the core's typed request. */
export interface StepInputs {
  request: StepRequest;
  owner: string;
  keep: boolean;
  dockerHost: string;
  /** Post the migration report on the pull request (opt-in: input pr-comment). */
  pullRequestComment: boolean;
}

export function readStepInputs(inputs: InputSource, defaultJobId: string): StepInputs {
  const input = (name: string) => `input '${inputs.spell(name)}'`;
  const command = inputs.get('command') as StepCommand;
  if (!command)
    throw new DatacloneError(`${input('command')} is required`, `Use one of: ${STEP_COMMANDS.join(', ')}.`);
  if (!STEP_COMMANDS.includes(command)) {
    throw new DatacloneError(
      `${input('command')}: '${command}' is not a dataclone command`,
      `Use one of: ${STEP_COMMANDS.join(', ')}.`,
    );
  }
  const image = inputs.get('image');
  const environment = inputs.get('environment');
  if ((command === 'provision' || command === 'run') && !image && !environment) {
    throw new DatacloneError(
      `${input('image')} or ${input('environment')} is required for command '${command}'`,
      'Set image to a data image (e.g. shop:nightly), or environment to a dataclone.environment.yaml.',
    );
  }
  if (image && environment) {
    throw new DatacloneError(
      `${input('image')} and ${input('environment')} were both given`,
      'Give one: image for a single clone, environment for the clones of several images.',
    );
  }
  const testCommand = inputs.get('test-command');
  if (command === 'test' && !testCommand) {
    throw new DatacloneError(
      `${input('test-command')} is required for command 'test'`,
      'Set it to your test command, e.g. npm test.',
    );
  }
  const definition = inputs.get('definition');
  if (command === 'build-image' && !definition) {
    throw new DatacloneError(
      `${input('definition')} is required for command 'build-image'`,
      'Set it to the path of dataclone.yaml.',
    );
  }
  const port = inputs.get('port');
  if (port && !/^\d+$/.test(port))
    throw new DatacloneError(
      `${input('port')}: '${port}' is not a port number`,
      'Give a number from 1 to 65535.',
    );
  const networking = parseNetworking(inputs.get('networking'), input('networking'));
  if (environment && networking === 'host')
    throw new DatacloneError(
      `${input('networking')}: host is for a single clone, and ${input('environment')} was given`,
      "An environment's clones reach each other on a network of their own: leave networking empty, or set bridge or auto.",
    );
  const { owner, keep, dockerHost } = readPostInputs(inputs, defaultJobId);
  const reuse = inputs.get('reuse');
  if (reuse && reuse !== 'keep' && reuse !== 'reset')
    throw new DatacloneError(
      `${input('reuse')}: '${reuse}' is not keep or reset`,
      'Set it to keep or reset, or leave it empty.',
    );
  if (reuse && !inputs.get('name'))
    throw new DatacloneError(
      `${input('reuse')} needs ${input('name')}`,
      'Set name to the clone an earlier run kept, e.g. pr-42.',
    );
  return {
    owner,
    keep,
    dockerHost,
    pullRequestComment: inputs.get('pr-comment') ? inputs.getBoolean('pr-comment') : false,
    request: {
      command,
      keep,
      tag: inputs.get('tag') || undefined,
      definition: definition ? path.resolve(definition) : undefined,
      environment: environment ? path.resolve(environment) : undefined,
      provision:
        image || environment
          ? {
              image: image || undefined,
              name: inputs.get('name') || undefined,
              port: port ? Number(port) : undefined,
              bindAddress: inputs.get('bind-address') || undefined,
              lifetime: inputs.get('lifetime') || undefined,
              standby: inputs.get('standby') ? inputs.getBoolean('standby') : undefined,
              networking,
              reuse: reuse ? (reuse as 'keep' | 'reset') : undefined,
            }
          : undefined,
      migrate: {
        migrations: namedLines(inputs.getLines('migrations'), input('migrations'), (folder) =>
          path.resolve(folder),
        ),
        flyway: {
          executable: inputs.get('flyway') || undefined,
          configFiles: inputs.getLines('flyway-config').map((file) => path.resolve(file)),
          placeholders: Object.fromEntries(
            Object.entries(
              namedLines(inputs.getLines('placeholders'), input('placeholders'), (value) => value),
            ).map(([key, values]) => [key, values.at(-1) ?? '']),
          ),
        },
        checks: readCheckOptions(
          (name) =>
            name === 'no-migration-checks'
              ? String(inputs.get('migration-checks') !== '' && !inputs.getBoolean('migration-checks'))
              : inputs.get(name) || undefined,
          input,
        ),
      },
      test: testCommand ? { shellCommand: testCommand, junit: inputs.get('junit') || undefined } : undefined,
    },
  };
}

/** `name=value` lines of a multi-line input, grouped by name. */
function namedLines(
  lines: string[],
  input: string,
  value: (text: string) => string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const line of lines) {
    const equals = line.indexOf('=');
    if (equals <= 0)
      throw new DatacloneError(`${input}: '${line}' is not name=value`, 'Write one name=value per line.');
    (result[line.slice(0, equals).trim()] ??= []).push(value(line.slice(equals + 1).trim()));
  }
  return result;
}
