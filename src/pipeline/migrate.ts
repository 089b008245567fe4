import { stat, writeFile } from 'node:fs/promises';
import type { Clone } from '../clones/clone.js';
import { DatacloneError } from '../core/errors.js';
import type { DatabaseConnection } from '../engines/engine.js';
import { engineFor } from '../engines/index.js';
import { findFlyway } from '../flyway/find-flyway.js';
import type { FlywaySettings, FlywayTarget } from '../flyway/flyway-invocation.js';
import type { MigrationResult } from '../flyway/flyway-output.js';
import { runFlyway } from '../flyway/run-flyway.js';
import { runFlywayInContainer } from '../flyway/run-flyway-container.js';
import {
  startMigrationChecks,
  type DatabaseChecks,
  type MigrationCheckSettings,
  type RunningChecks,
} from '../migration-checks/check-migrations.js';
import type { ThresholdViolation } from '../migration-checks/thresholds.js';
import { checksLines, checksReportFile } from '../report/migration-checks-summary.js';
import { appliedCount, schemaVersionAfter } from '../report/migration-summary.js';
import type { Job } from './job.js';
import { requireJobClones } from './job-clones.js';

export interface MigrateOptions {
  /**
   * Folders of migrations per database: by name (`sales`), or by instance and name
   * (`warehouse.sales`) when the job is an environment whose instances share database names.
   */
  migrations: Record<string, string[]>;
  flyway: FlywaySettings;
  /** The files the folders came from (a dataclone.yaml, an environment file), for messages. */
  sources?: string[];
  /** True for `run`: a job none of whose databases has migrations goes on, and says so. */
  optional?: boolean;
  /** Migration checks (locks, rewrites, schema diff, thresholds): on unless `enabled: false`. */
  checks?: MigrationCheckSettings;
}

export interface MigrateResult {
  step: 'migrate';
  success: boolean;
  /** One entry per database migrated, in the order they ran; the last one failed if any did. */
  databases: MigrationResult[];
  /** What each database's migrations locked and rewrote, and its schema diff, when checked. */
  checks: DatabaseChecks[];
  /** The thresholds the migrations crossed: any fails the step. */
  violations: ThresholdViolation[];
  /** Why nothing ran: `run` found no migrations for any database of the job. */
  skipped?: string;
  durationMs: number;
}

/** One database to migrate and its folders, in the order the databases are migrated. */
interface PlannedMigration {
  clone: Clone;
  database: DatabaseConnection;
  locations: string[];
}

/**
 * Runs Flyway against every database of the job's clones that has migrations, in dependency
 * order (the order the data image was restored in), one Flyway call per database, and stops at
 * the first database that fails. Every folder must exist, and at least one database must have
 * one (unless `optional`).
 */
export async function migrate(job: Job, options: MigrateOptions): Promise<MigrateResult> {
  const started = performance.now();
  const clones = await requireJobClones(job, 'migrate');
  checkDatabasesExist(clones, options.migrations);
  const plan = planMigrations(clones, options.migrations);
  if (plan.length === 0) return nothingToMigrate(job, clones, options, elapsed(started));
  await checkFoldersExist(plan);
  const executable = await findFlyway(options.flyway.executable);
  if (!executable) job.reporter.info('No Flyway on PATH: running the official Flyway Docker image instead');
  const results: MigrationResult[] = [];
  const checks: DatabaseChecks[] = [];
  const done = async (success: boolean): Promise<MigrateResult> => {
    const violations = checks.flatMap((c) => c.violations);
    const reportFile = options.checks?.reportFile;
    if (reportFile) await writeFile(reportFile, checksReportFile(reportFile, checks));
    return {
      step: 'migrate',
      success: success && violations.length === 0,
      databases: results,
      checks,
      violations,
      durationMs: elapsed(started),
    };
  };
  for (const planned of plan) {
    const { clone, database, locations } = planned;
    const target: FlywayTarget = {
      database: database.name,
      jdbcUrl: database.jdbcUrl,
      user: clone.connection.user,
      password: clone.connection.password,
      locations,
    };
    const result = await job.reporter.group(`Migrate ${database.name} (clone ${clone.name})`, async () => {
      const running = await startChecks(planned, options);
      let migrated: MigrationResult;
      try {
        migrated = await (executable
          ? runFlyway(executable, target, options.flyway, job.reporter)
          : runFlywayInContainer(
              job.host,
              {
                containerId: clone.containerId,
                owner: job.owner,
                // In the clone's network namespace: the host's own when it uses host networking.
                serverPort:
                  clone.networking === 'host' ? clone.connection.port : engineFor(clone.engine).port,
              },
              target,
              options.flyway,
              job.reporter,
            ));
      } catch (error) {
        await running?.abandon();
        throw error;
      }
      if (running) checks.push(withFlywayNotes(await running.finish(migrated), options.flyway));
      return migrated;
    });
    results.push(result);
    reportResult(job, result, checks.at(-1));
    // A database over its thresholds stops the job as a failed migration does.
    if (!result.success || checks.at(-1)?.violations.length) return done(result.success);
  }
  return done(true);
}

/** Starts the checks of one database, unless they are turned off. */
async function startChecks(
  { clone, database }: PlannedMigration,
  options: MigrateOptions,
): Promise<RunningChecks | undefined> {
  const settings = options.checks ?? {};
  if (settings.enabled === false) return undefined;
  const label = databaseLabel(clone, database);
  const history = historyTableOf(options.flyway);
  return startMigrationChecks(
    {
      label,
      engine: clone.engine,
      url: database.url,
      database: database.name,
      thresholds: {
        ...settings.thresholds,
        ...(settings.databaseThresholds?.[label] ?? settings.databaseThresholds?.[database.name]),
      },
    },
    { ...history, ...settings },
  );
}

/** Where the Flyway flags put the history table (-table, -defaultSchema or the first of -schemas). */
function historyTableOf(
  flyway: FlywaySettings,
): Pick<MigrationCheckSettings, 'historyTable' | 'historySchema'> {
  const flag = (name: string) =>
    flyway.extraArgs?.find((arg) => arg.startsWith(`-${name}=`))?.slice(name.length + 2);
  const schema = flag('defaultSchema') ?? flag('schemas')?.split(',')[0];
  const table = flag('table');
  return { ...(schema && { historySchema: schema }), ...(table && { historyTable: table }) };
}

/** What the Flyway flags change about the checks: with -group=true one transaction holds every migration. */
function withFlywayNotes(checks: DatabaseChecks, flyway: FlywaySettings): DatabaseChecks {
  if (!flyway.extraArgs?.includes('-group=true')) return checks;
  return {
    ...checks,
    notes: [
      ...checks.notes,
      'Flyway ran with -group=true: every migration commits at the end, so every lock and rewrite is attributed to the first migration of the group.',
    ],
  };
}

function databaseLabel(clone: Clone, database: DatabaseConnection): string {
  return clone.instance ? `${clone.instance}.${database.name}` : database.name;
}

/** The databases that have migration folders, clone by clone, each clone's in dependency order. */
function planMigrations(clones: Clone[], migrations: Record<string, string[]>): PlannedMigration[] {
  return clones.flatMap((clone) =>
    clone.connection.databases.flatMap((database) => {
      const locations =
        (clone.instance ? migrations[`${clone.instance}.${database.name}`] : undefined) ??
        migrations[database.name];
      return locations?.length ? [{ clone, database, locations }] : [];
    }),
  );
}

/**
 * Asked to migrate and given nothing to run, `migrate` fails: a mistyped path in CI must not pass
 * as a migrated database. `run` goes on to its tests and says so in its summary.
 */
function nothingToMigrate(
  job: Job,
  clones: Clone[],
  options: MigrateOptions,
  durationMs: number,
): MigrateResult {
  const databases = clones.flatMap((clone) =>
    clone.connection.databases.map((db) => (clone.instance ? `${clone.instance}.${db.name}` : db.name)),
  );
  const where = options.sources?.length
    ? `none has a migrations: folder in ${options.sources.join(' or ')}, and none was given with --migrations`
    : 'no definition (dataclone.yaml) or environment file was given, and no --migrations';
  const reason = `no migrations for any database of the job (${databases.join(', ')}): ${where}`;
  if (options.optional) {
    job.reporter.info(`migrate: skipped, ${reason}`);
    return {
      step: 'migrate',
      success: true,
      databases: [],
      checks: [],
      violations: [],
      skipped: reason,
      durationMs,
    };
  }
  throw new DatacloneError(
    `migrate: nothing to migrate: ${reason}`,
    `Give a database its folder with \`migrations:\` in ${options.sources?.[0] ?? 'its dataclone.yaml (and pass it with -f)'}, or with --migrations <database>=<folder> (the migrations input in CI).`,
  );
}

async function checkFoldersExist(plan: PlannedMigration[]): Promise<void> {
  for (const { clone, database, locations } of plan) {
    for (const folder of locations) {
      const found = await stat(folder).catch(() => undefined);
      if (found?.isDirectory()) continue;
      const name = clone.instance ? `${clone.instance}.${database.name}` : database.name;
      throw new DatacloneError(
        `migrate: the migrations folder of database ${name}, ${folder}, ${found ? 'is a file, not a folder' : 'does not exist'}`,
        'Check the path given with --migrations (relative to the current directory) or migrations: (relative to its file).',
      );
    }
  }
}

function checkDatabasesExist(clones: Clone[], migrations: Record<string, string[]>): void {
  const known = new Set(
    clones.flatMap((clone) =>
      clone.connection.databases.flatMap((db) =>
        clone.instance ? [db.name, `${clone.instance}.${db.name}`] : [db.name],
      ),
    ),
  );
  for (const name of Object.keys(migrations)) {
    if (!known.has(name)) {
      throw new DatacloneError(
        `migrate: migrations were given for database '${name}', which the job's clones do not have`,
        `Their databases: ${[...known].join(', ')}.`,
      );
    }
  }
}

function reportResult(job: Job, result: MigrationResult, checks: DatabaseChecks | undefined): void {
  for (const line of checks ? checksLines(checks) : []) job.reporter.info(line);
  for (const violation of checks?.violations ?? []) job.reporter.warn(violation.message);
  if (!result.success) {
    job.reporter.warn(`${result.database}: Flyway failed (${result.error?.code}): ${result.error?.message}`);
    return;
  }
  const applied = result.migrations.length ? ` ${appliedCount(result)}` : ' none';
  job.reporter.info(
    `${result.database}: migrations applied:${applied}; schema version ${schemaVersionAfter(result) ?? 'none'}`,
  );
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
