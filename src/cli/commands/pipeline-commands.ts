import path from 'node:path';
import { DatacloneError } from '../../core/errors.js';
import { networkingOption } from './clone-commands.js';
import { loadImageDefinition } from '../../definition/load-image-definition.js';
import { environmentMigrations } from '../../environments/environment-migrations.js';
import { loadEnvironment } from '../../environments/load-environment.js';
import type { FlywaySettings } from '../../flyway/flyway-invocation.js';
import type { Job } from '../../pipeline/job.js';
import type { MigrateOptions } from '../../pipeline/migrate.js';
import { readCheckOptions } from '../../migration-checks/check-options.js';
import type { MigrationThresholds } from '../../migration-checks/thresholds.js';
import { migrate } from '../../pipeline/migrate.js';
import { provision, type ProvisionOptions } from '../../pipeline/provision.js';
import type { ReuseMode } from '../../pipeline/reuse-clone.js';
import { resetJob } from '../../pipeline/reset.js';
import { runJob } from '../../pipeline/run-job.js';
import { runTests, type TestOptions } from '../../pipeline/run-tests.js';
import { teardown } from '../../pipeline/teardown.js';
import {
  numberOption,
  stringOption,
  type Command,
  type CommandContext,
  type CommandInput,
  type OptionSpec,
} from '../command.js';
import { resolveJobId } from '../job-id.js';
import { stateDirectory } from '../state-directory.js';
import { stopWarm } from '../../warm/stop-warm.js';
import { warmRecordPath } from '../../warm/warm-record.js';
import { printStepResult } from '../step-summary.js';
import { UsageError } from '../usage-error.js';

const JOB: Record<string, OptionSpec> = { job: { type: 'string' } };
const PROVISION: Record<string, OptionSpec> = {
  image: { type: 'string', short: 'i' },
  environment: { type: 'string', short: 'e' },
  name: { type: 'string', short: 'n' },
  port: { type: 'string', short: 'p' },
  'bind-address': { type: 'string' },
  lifetime: { type: 'string' },
  standby: { type: 'boolean' },
  networking: { type: 'string' },
  reuse: { type: 'string' },
};
const MIGRATE: Record<string, OptionSpec> = {
  file: { type: 'string', short: 'f' },
  environment: { type: 'string', short: 'e' },
  migrations: { type: 'string', multiple: true },
  flyway: { type: 'string' },
  'flyway-config': { type: 'string', multiple: true },
  'working-directory': { type: 'string' },
  placeholder: { type: 'string', multiple: true },
  'no-baseline': { type: 'boolean' },
  'no-migration-checks': { type: 'boolean' },
  'max-exclusive-lock': { type: 'string' },
  'exclusive-lock-rows': { type: 'string' },
  'max-rewrite': { type: 'string' },
  'checks-report': { type: 'string' },
};
const TEST: Record<string, OptionSpec> = { junit: { type: 'string' } };

function jobOf(input: CommandInput, context: CommandContext): Job {
  return { host: context.host, reporter: context.reporter, owner: resolveJobId(stringOption(input, 'job')) };
}

/** The record of the job's warm step (dataclone image warm), if one ran. */
function warmRecord(job: Job): string {
  return warmRecordPath(stateDirectory(), job.owner);
}

export const provisionCommand: Command = {
  words: ['provision'],
  summary: "Start the job's clone of a data image, or the clones of an environment",
  usage:
    'dataclone provision (--image <image> | --environment <dataclone.environment.yaml>) [--name <name>] [--port <port>] [--lifetime <8h>] [--standby] [--networking bridge|host|auto] [--reuse keep|reset] [--job <id>] [--json]',
  options: { ...JOB, ...PROVISION },
  async run(input, context) {
    const options = await provisionOptions(input, 'provision', this.usage);
    const job = jobOf(input, context);
    printStepResult(context, await provision(job, { ...options, warmRecord: warmRecord(job) }));
    return 0;
  },
};

export const migrateCommand: Command = {
  words: ['migrate'],
  summary: "Run Flyway against every database of the job's clones, in dependency order",
  usage:
    'dataclone migrate [-f dataclone.yaml | -e dataclone.environment.yaml] [--migrations <database>=<folder>]... [--flyway <path>] [--flyway-config <file>]... [--placeholder <key>=<value>]... [--max-exclusive-lock <2s> [--exclusive-lock-rows <n>]] [--max-rewrite <100MB>] [--checks-report <file.md|file.json>] [--no-migration-checks] [--job <id>] [--json]',
  options: { ...JOB, ...MIGRATE },
  async run(input, context) {
    const result = await migrate(jobOf(input, context), await migrateOptions(input));
    printStepResult(context, result);
    return result.success ? 0 : 1;
  },
};

export const testCommand: Command = {
  words: ['test'],
  summary: "Run a test command with the job's connection details in its environment",
  usage: 'dataclone test [--junit <report.xml or folder>] [--job <id>] -- <command> [args...]',
  options: { ...JOB, ...TEST },
  async run(input, context) {
    if (input.rest.length === 0) throw new UsageError('test: give the command after --', this.usage);
    const result = await runTests(jobOf(input, context), {
      command: input.rest,
      junit: stringOption(input, 'junit'),
    });
    printStepResult(context, result);
    return result.exitCode;
  },
};

export const resetCommand: Command = {
  words: ['reset'],
  summary: 'Put every clone of the job back to its image state (same ports and passwords)',
  usage: 'dataclone reset [--job <id>] [--json]',
  options: { ...JOB },
  async run(input, context) {
    printStepResult(context, await resetJob(jobOf(input, context)));
    return 0;
  },
};

export const teardownCommand: Command = {
  words: ['teardown'],
  summary: 'Remove every clone the job owns (safe to run twice)',
  usage: 'dataclone teardown [--job <id>] [--json]',
  options: { ...JOB },
  async run(input, context) {
    const job = jobOf(input, context);
    await stopWarm(warmRecord(job), job.reporter);
    printStepResult(context, await teardown(job));
    return 0;
  },
};

export const runCommand: Command = {
  words: ['run'],
  summary: 'provision, migrate, test and teardown in one command',
  usage:
    'dataclone run (--image <image> [-f dataclone.yaml] | --environment <dataclone.environment.yaml>) [migrate options] [--junit <path>] [--keep] [--job <id>] [--json] [-- <test command>]',
  options: { ...JOB, ...PROVISION, ...MIGRATE, ...TEST, keep: { type: 'boolean' } },
  async run(input, context) {
    const provisionWith = await provisionOptions(input, 'run', this.usage);
    const job = jobOf(input, context);
    const result = await runJob(job, {
      provision: { ...provisionWith, warmRecord: warmRecord(job) },
      migrate: await migrateOptions(input),
      test: input.rest.length ? testOptions(input, context) : undefined,
      keep: input.values.keep === true,
    });
    // Its teardown ends the job's use of the warm pull too, as `dataclone teardown` does.
    if (input.values.keep !== true) await stopWarm(warmRecord(job), job.reporter);
    printStepResult(context, result);
    if (result.error) {
      context.reporter.warn(`${result.error.message}${result.error.hint ? `\n${result.error.hint}` : ''}`);
    }
    return result.exitCode;
  },
};

function testOptions(input: CommandInput, context: CommandContext): TestOptions {
  return {
    command: input.rest,
    junit: stringOption(input, 'junit'),
    stdout: context.json ? 'stderr' : 'inherit',
  };
}

/** --image, or --environment (a file whose instances name their images). */
async function provisionOptions(
  input: CommandInput,
  command: string,
  usage: string,
): Promise<ProvisionOptions> {
  const image = stringOption(input, 'image');
  const environmentFile = stringOption(input, 'environment');
  if (image && environmentFile)
    throw new UsageError(`${command}: give --image or --environment, not both`, usage);
  if (!image && !environmentFile)
    throw new UsageError(`${command}: --image or --environment is required`, usage);
  if (environmentFile && stringOption(input, 'name'))
    throw new UsageError(`${command}: --name is for one clone; an environment names its clones`, usage);
  if (environmentFile && stringOption(input, 'port'))
    throw new UsageError(
      `${command}: --port is for one clone; an environment's clones get free ports`,
      usage,
    );
  const networking = networkingOption(input, usage);
  if (environmentFile && networking === 'host')
    throw new UsageError(
      `${command}: --networking host is for one clone; an environment's clones reach each other on a network of their own`,
      usage,
    );
  return {
    image,
    environment: environmentFile ? await loadEnvironment(path.resolve(environmentFile)) : undefined,
    name: stringOption(input, 'name'),
    port: numberOption(input, 'port'),
    bindAddress: stringOption(input, 'bind-address'),
    lifetime: stringOption(input, 'lifetime'),
    standby: input.values.standby === true,
    networking,
    reuse: reuseOption(input, command, usage),
  };
}

/** Migration folders from dataclone.yaml's `migrations`, then --migrations db=folder on top. */
async function migrateOptions(input: CommandInput): Promise<MigrateOptions> {
  const migrations: Record<string, string[]> = {};
  const databaseThresholds: Record<string, MigrationThresholds> = {};
  const file = stringOption(input, 'file');
  if (file) {
    for (const db of (await loadImageDefinition(file)).databases) {
      if (db.migrations) migrations[db.name] = [db.migrations];
      if (db.checks) databaseThresholds[db.name] = db.checks;
    }
  }
  const environmentFile = stringOption(input, 'environment');
  if (environmentFile)
    Object.assign(migrations, environmentMigrations(await loadEnvironment(path.resolve(environmentFile))));
  const given: Record<string, string[]> = {};
  for (const pair of listOption(input, 'migrations')) {
    const [database, folder] = splitPair(pair, '--migrations', '<database>=<folder>');
    (given[database] ??= []).push(path.resolve(folder));
  }
  Object.assign(migrations, given);
  const flyway: FlywaySettings = {
    executable: stringOption(input, 'flyway'),
    configFiles: listOption(input, 'flyway-config').map((config) => path.resolve(config)),
    workingDirectory: stringOption(input, 'working-directory'),
    placeholders: Object.fromEntries(
      listOption(input, 'placeholder').map((pair) => splitPair(pair, '--placeholder', '<key>=<value>')),
    ),
    baselineOnMigrate: input.values['no-baseline'] !== true,
  };
  const checks = readCheckOptions(
    (name) =>
      name === 'no-migration-checks' ? String(input.values[name] === true) : stringOption(input, name),
    (name) => `--${name}`,
  );
  return {
    migrations,
    flyway,
    checks: { ...checks, databaseThresholds },
    sources: [file, environmentFile].filter((given) => given !== undefined),
  };
}

function reuseOption(input: CommandInput, command: string, usage: string): ReuseMode | undefined {
  const reuse = stringOption(input, 'reuse');
  if (reuse === undefined) return undefined;
  if (reuse !== 'keep' && reuse !== 'reset')
    throw new UsageError(`${command}: --reuse is keep or reset, not '${reuse}'`, usage);
  if (!stringOption(input, 'name'))
    throw new UsageError(`${command}: --reuse needs --name, the clone an earlier run kept`, usage);
  return reuse;
}

function listOption(input: CommandInput, name: string): string[] {
  const value = input.values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

function splitPair(pair: string, option: string, shape: string): [string, string] {
  const equals = pair.indexOf('=');
  if (equals <= 0)
    throw new DatacloneError(`${option}: '${pair}' is not ${shape}`, `Write it as ${option} ${shape}.`);
  return [pair.slice(0, equals), pair.slice(equals + 1)];
}
