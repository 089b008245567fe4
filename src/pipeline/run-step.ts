import { DatacloneError } from '../core/errors.js';
import { loadImageDefinition } from '../definition/load-image-definition.js';
import { environmentMigrations } from '../environments/environment-migrations.js';
import { loadEnvironment } from '../environments/load-environment.js';
import { buildImage, type BuiltImage } from '../images/build-image.js';
import type { MigrationThresholds } from '../migration-checks/thresholds.js';
import type { StepResult } from '../report/markdown-summary.js';
import type { Job } from './job.js';
import { migrate, type MigrateOptions } from './migrate.js';
import { provision, type ProvisionOptions } from './provision.js';
import { resetJob } from './reset.js';
import { runJob } from './run-job.js';
import { runTests, type TestOptions } from './run-tests.js';
import { teardown } from './teardown.js';

export const STEP_COMMANDS = [
  'provision',
  'migrate',
  'test',
  'reset',
  'teardown',
  'run',
  'build-image',
] as const;
export type StepCommand = (typeof STEP_COMMANDS)[number];

/** One CI step, as an adapter (GitHub Action, Azure task) reads it from its inputs. */
export interface StepRequest {
  command: StepCommand;
  provision?: ProvisionOptions;
  /** Migrations: from the definition's `migrations:` folders, plus the ones given directly. */
  definition?: string;
  /** An environment file: provision its instances, and migrate with its migrations. */
  environment?: string;
  migrate?: MigrateOptions;
  test?: TestOptions;
  keep?: boolean;
  tag?: string;
}

export type StepOutcome =
  | { kind: 'step'; result: StepResult; failed: boolean; exitCode: number }
  | { kind: 'image'; image: BuiltImage };

/** Runs the step a CI adapter was asked for; says whether the step (not the process) failed. */
export async function runStep(job: Job, request: StepRequest): Promise<StepOutcome> {
  switch (request.command) {
    case 'build-image': {
      const file = required(request.definition, 'definition');
      const definition = await loadImageDefinition(file);
      return {
        kind: 'image',
        image: await buildImage({ host: job.host, reporter: job.reporter, definition, tag: request.tag }),
      };
    }
    case 'provision':
      return step(await provision(job, await provisionOptions(request)));
    case 'migrate': {
      const result = await migrate(job, await migrateOptions(request));
      return { kind: 'step', result, failed: !result.success, exitCode: result.success ? 0 : 1 };
    }
    case 'test': {
      const result = await runTests(job, required(request.test, 'test-command'));
      return { kind: 'step', result, failed: !result.passed, exitCode: result.exitCode };
    }
    case 'reset':
      return step(await resetJob(job));
    case 'teardown':
      return step(await teardown(job));
    case 'run': {
      const result = await runJob(job, {
        provision: await provisionOptions(request),
        migrate: await migrateOptions(request),
        test: request.test,
        keep: request.keep,
      });
      return { kind: 'step', result, failed: !result.success, exitCode: result.exitCode };
    }
  }
}

/** The migration folders of the definition's databases, with the ones given directly on top. */
async function migrateOptions(request: StepRequest): Promise<MigrateOptions> {
  const fromDefinition: Record<string, string[]> = {};
  const databaseThresholds: Record<string, MigrationThresholds> = {};
  if (request.definition) {
    for (const db of (await loadImageDefinition(request.definition)).databases) {
      if (db.migrations) fromDefinition[db.name] = [db.migrations];
      if (db.checks) databaseThresholds[db.name] = db.checks;
    }
  }
  const fromEnvironment = request.environment
    ? environmentMigrations(await loadEnvironment(request.environment))
    : {};
  return {
    migrations: { ...fromDefinition, ...fromEnvironment, ...request.migrate?.migrations },
    flyway: request.migrate?.flyway ?? {},
    checks: { ...request.migrate?.checks, databaseThresholds },
    sources: [request.definition, request.environment].filter((file) => file !== undefined),
  };
}

/** The image to clone, or the environment file loaded. */
async function provisionOptions(request: StepRequest): Promise<ProvisionOptions> {
  const options = required(request.provision, 'image');
  return request.environment
    ? { ...options, environment: await loadEnvironment(request.environment) }
    : options;
}

function step(result: StepResult): StepOutcome {
  return { kind: 'step', result, failed: false, exitCode: 0 };
}

function required<T>(value: T | undefined, input: string): T {
  if (value === undefined)
    throw new DatacloneError(`input '${input}' is required for this command`, `Set ${input}.`);
  return value;
}
