import { DatacloneError, describeError } from '../core/errors.js';
import type { Job } from './job.js';
import { migrate, type MigrateOptions, type MigrateResult } from './migrate.js';
import { provision, type ProvisionOptions, type ProvisionResult } from './provision.js';
import { runTests, type TestOptions, type TestResult } from './run-tests.js';
import { teardown, type TeardownResult } from './teardown.js';

export interface RunOptions {
  provision: ProvisionOptions;
  /** Without it, or with no folder for any database, the migrate step is skipped (and says so). */
  migrate?: MigrateOptions;
  test?: TestOptions;
  /** Leave the clones running at the end (per-PR environments); default false. */
  keep?: boolean;
}

export interface RunResult {
  step: 'run';
  success: boolean;
  /** The exit code the job should end with: the tests' own, or 1 when a step failed. */
  exitCode: number;
  steps: (ProvisionResult | MigrateResult | TestResult | TeardownResult)[];
  /** What stopped the run before its tests, and what to do about it. */
  error?: { message: string; hint?: string };
  durationMs: number;
}

/** provision, migrate, test and teardown in one go; teardown runs whatever happened before it. */
export async function runJob(job: Job, options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const steps: RunResult['steps'] = [];
  let exitCode = 0;
  let error: RunResult['error'];
  try {
    steps.push(await provision(job, options.provision));
    // Without any migrations the run goes on to its tests; the migrate step says it skipped.
    const migrated = await migrate(job, {
      ...(options.migrate ?? { migrations: {}, flyway: {} }),
      optional: true,
    });
    steps.push(migrated);
    if (!migrated.success && migrated.violations.length) {
      throw new DatacloneError(
        `migration checks failed: ${migrated.violations.map((v) => v.message).join('; ')}`,
        'Change the migration (a smaller batch, CONCURRENTLY, an instant ALTER), or raise the threshold in checks: of the database; the tests did not run.',
      );
    }
    if (!migrated.success) {
      const failed = migrated.databases.at(-1);
      throw new DatacloneError(
        `migration of ${failed?.database} failed: ${failed?.error?.message ?? 'see above'}`,
        'Fix the migration; the tests did not run.',
      );
    }
    if (options.test) {
      const tested = await runTests(job, options.test);
      steps.push(tested);
      exitCode = tested.exitCode;
    }
  } catch (caught) {
    error = describeError(caught);
    exitCode = 1;
  } finally {
    if (!options.keep) steps.push(await teardown(job));
  }
  return {
    step: 'run',
    success: exitCode === 0,
    exitCode,
    steps,
    error,
    durationMs: Math.round(performance.now() - started),
  };
}
