import * as core from '@actions/core';
import path from 'node:path';
import { DatacloneError } from '../core/errors.js';
import { validateOwner } from '../pipeline/job.js';
import { STEP_COMMANDS, type StepCommand, type StepRequest } from '../pipeline/run-step.js';

/** Every input of action.yml, read once into the core's typed request. */
export interface ActionInputs {
  request: StepRequest;
  owner: string;
  keep: boolean;
  dockerHost: string;
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const command = core.getInput('command', { required: true }) as StepCommand;
  if (!STEP_COMMANDS.includes(command)) {
    throw new DatacloneError(
      `input 'command': '${command}' is not a dataclone command`,
      `Use one of: ${STEP_COMMANDS.join(', ')}.`,
    );
  }
  const keep = core.getInput('keep') ? core.getBooleanInput('keep') : false;
  const image = core.getInput('image');
  const needsImage = command === 'provision' || command === 'run';
  if (needsImage && !image)
    throw new DatacloneError(
      `input 'image' is required for command '${command}'`,
      'Set image to a data image (for example shop:nightly).',
    );
  const testCommand = core.getInput('test-command');
  if (command === 'test' && !testCommand)
    throw new DatacloneError(
      "input 'test-command' is required for command 'test'",
      'Set test-command, for example: npm test.',
    );
  const definition = core.getInput('definition');
  if (command === 'build-image' && !definition)
    throw new DatacloneError(
      "input 'definition' is required for command 'build-image'",
      'Set definition to the path of dataclone.yaml.',
    );
  const port = core.getInput('port');
  const jobId =
    core.getInput('job-id') ||
    `gh-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${env.GITHUB_JOB ?? 'job'}`;
  return {
    owner: validateOwner(jobId, "input 'job-id'"),
    keep,
    dockerHost: core.getInput('docker-host'),
    request: {
      command,
      keep,
      tag: core.getInput('tag') || undefined,
      definition: definition ? path.resolve(definition) : undefined,
      provision: image
        ? {
            image,
            name: core.getInput('name') || undefined,
            port: port ? Number(port) : undefined,
            bindAddress: core.getInput('bind-address') || undefined,
            lifetime: core.getInput('lifetime') || undefined,
          }
        : undefined,
      migrate: {
        migrations: pairs(
          core.getMultilineInput('migrations'),
          'migrations',
          (folder) => path.resolve(folder),
          true,
        ),
        flyway: {
          executable: core.getInput('flyway') || undefined,
          configFiles: core.getMultilineInput('flyway-config').map((file) => path.resolve(file)),
          placeholders: Object.fromEntries(
            Object.entries(
              pairs(core.getMultilineInput('placeholders'), 'placeholders', (v) => v, false),
            ).map(([k, v]) => [k, v[0] ?? '']),
          ),
        },
      },
      test: testCommand
        ? { shellCommand: testCommand, junit: core.getInput('junit') || undefined }
        : undefined,
    },
  };
}

/** `name=value` lines of a multi-line input, grouped by name. */
function pairs(
  lines: string[],
  input: string,
  value: (text: string) => string,
  many: boolean,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const line of lines) {
    const equals = line.indexOf('=');
    if (equals <= 0)
      throw new DatacloneError(
        `input '${input}': '${line}' is not name=value`,
        `Write one name=value per line.`,
      );
    const key = line.slice(0, equals).trim();
    const entry = value(line.slice(equals + 1).trim());
    result[key] = many ? [...(result[key] ?? []), entry] : [entry];
  }
  return result;
}
