import { setTimeout as sleep } from 'node:timers/promises';
import type { MigrationResult } from '../flyway/flyway-output.js';
import {
  analyseMigrations,
  type MigrationObservation,
  type StorageCheckpoint,
} from './analyse-migrations.js';
import { openMysqlObserver } from './mysql-observer.js';
import type {
  HistoryTable,
  LockSample,
  MigrationObserver,
  SchemaSnapshot,
  TableState,
  TableWrites,
} from './observation.js';
import { openPostgresObserver } from './postgres-observer.js';
import { diffSchemas, type SchemaDiff } from './schema-diff.js';
import { checkThresholds, type MigrationThresholds, type ThresholdViolation } from './thresholds.js';

/** How migrations are checked: on by default, sampled every `intervalMs`. */
export interface MigrationCheckSettings {
  enabled?: boolean;
  /** Milliseconds between two lock samples; default 25. */
  intervalMs?: number;
  /** Thresholds for every database, under those the definition gives a database. */
  thresholds?: MigrationThresholds;
  /** Per database (by name, or `instance.name`): thresholds from the definition. */
  databaseThresholds?: Record<string, MigrationThresholds>;
  /** Flyway's history table when the Flyway settings move it (-table, -schemas, -defaultSchema). */
  historyTable?: string;
  historySchema?: string;
  /** A file to write the report to once every database is migrated: Markdown, or JSON for `.json`. */
  reportFile?: string;
}

/** The checks of one database's migrate: per migration what it locked and rewrote, the schema diff. */
export interface DatabaseChecks {
  database: string;
  engine: string;
  intervalMs: number;
  samples: number;
  /** Mean time of one sample query, in milliseconds. */
  sampleQueryMs: number;
  /** Time the snapshots of tables and catalog took, before and after Flyway: what the checks add to the step. */
  snapshotMs: number;
  notes: string[];
  migrations: MigrationObservation[];
  schemaDiff: SchemaDiff;
  thresholds: MigrationThresholds;
  violations: ThresholdViolation[];
}

export interface CheckTarget {
  /** The database as the report names it: `sales`, or `warehouse.sales` in an environment. */
  label: string;
  engine: string;
  /** Connection URL over the clone's published port, with the clone's credentials. */
  url: string;
  database: string;
  thresholds: MigrationThresholds;
}

/** Checks running alongside one Flyway call; `finish` once Flyway is done. */
export interface RunningChecks {
  finish(result: MigrationResult): Promise<DatabaseChecks>;
  /** Stops sampling and closes the connection without a report (Flyway could not run). */
  abandon(): Promise<void>;
}

const DEFAULT_INTERVAL_MS = 25;

/**
 * Opens a second connection to the database, takes the tables' storage and the schema's catalog,
 * and samples the locks of the Flyway sessions until `finish`, which takes both again and ties
 * what changed to the migrations Flyway reports.
 */
export async function startMigrationChecks(
  target: CheckTarget,
  settings: MigrationCheckSettings,
): Promise<RunningChecks> {
  const mysqlFamily = target.engine === 'mysql' || target.engine === 'mariadb';
  const history: HistoryTable = {
    schema: settings.historySchema ?? (mysqlFamily ? target.database : 'public'),
    table: settings.historyTable ?? 'flyway_schema_history',
  };
  const observer = mysqlFamily
    ? await openMysqlObserver(target.url, history)
    : await openPostgresObserver(target.url, history);
  const intervalMs = settings.intervalMs ?? DEFAULT_INTERVAL_MS;
  try {
    const snapshotStarted = performance.now();
    const before = await observer.tables(true);
    const writesBefore = await observer.rowWrites(false);
    const schemaBefore = await observer.schema();
    await observer.begin();
    const snapshotBeforeMs = performance.now() - snapshotStarted;
    const sampling = sampleUntilStopped(observer, intervalMs);
    const base = await sampling.base;
    return {
      async finish(result) {
        const { samples, checkpoints, queryMs, error } = await sampling.stop();
        try {
          return await report(
            target,
            observer,
            { before, writesBefore, schemaBefore, base, samples, checkpoints, result },
            { intervalMs, queryMs, snapshotBeforeMs, error },
          );
        } finally {
          await observer.close();
        }
      },
      async abandon() {
        await sampling.stop();
        await observer.close();
      },
    };
  } catch (error) {
    await observer.close().catch(() => {});
    throw error;
  }
}

interface Sampling {
  /** The count of recorded migrations when sampling began. */
  base: Promise<number>;
  stop(): Promise<{
    samples: LockSample[];
    checkpoints: StorageCheckpoint[];
    queryMs: number;
    error?: string;
  }>;
}

/**
 * Samples at a fixed pace on one connection, one query at a time; each time the history table
 * counts another migration it also looks at the tables' storage, to tie rewrites to migrations.
 */
function sampleUntilStopped(observer: MigrationObserver, intervalMs: number): Sampling {
  const started = performance.now();
  const samples: LockSample[] = [];
  const checkpoints: StorageCheckpoint[] = [];
  let stopped = false;
  let queryMs = 0;
  let error: string | undefined;
  let resolveBase: (count: number) => void = () => {};
  const base = new Promise<number>((resolve) => (resolveBase = resolve));
  const loop = (async () => {
    let applied: number | undefined;
    while (!stopped) {
      const asked = performance.now();
      try {
        const sample = await observer.sample();
        const answered = performance.now();
        queryMs += answered - asked;
        samples.push({ ...sample, atMs: (asked + answered) / 2 - started });
        if (applied === undefined) resolveBase(sample.applied);
        else if (sample.applied !== applied) checkpoints.push(await observer.checkpoint(sample.applied));
        applied = sample.applied;
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
        resolveBase(applied ?? 0);
        return;
      }
      await sleep(Math.max(0, intervalMs - (performance.now() - asked)));
    }
  })();
  return {
    base,
    async stop() {
      stopped = true;
      await loop;
      return { samples, checkpoints, queryMs: samples.length ? queryMs / samples.length : 0, error };
    },
  };
}

interface Observed {
  before: TableState[];
  writesBefore?: TableWrites[];
  schemaBefore: SchemaSnapshot;
  base: number;
  samples: LockSample[];
  checkpoints: StorageCheckpoint[];
  result: MigrationResult;
}

async function report(
  target: CheckTarget,
  observer: MigrationObserver,
  observed: Observed,
  sampling: { intervalMs: number; queryMs: number; snapshotBeforeMs: number; error?: string },
): Promise<DatabaseChecks> {
  const snapshotStarted = performance.now();
  const after = await observer.tables(true);
  const writesAfter = observed.writesBefore ? await observer.rowWrites(true) : undefined;
  const schemaAfter = await observer.schema();
  const snapshotMs = Math.round(sampling.snapshotBeforeMs + performance.now() - snapshotStarted);
  const migrations = analyseMigrations({
    migrations: observed.result.migrations,
    failedMigration: observed.result.success ? undefined : failedMigration(observed.result),
    base: observed.base,
    samples: observed.samples,
    before: observed.before,
    checkpoints: observed.checkpoints,
    after,
    lockModes: observer.lockModes,
    exclusiveModes: observer.exclusiveModes,
    storageCommitsWithHistory: observer.storageCommitsWithHistory,
    rowWriteModes: observer.rowWriteModes,
    writesBefore: observed.writesBefore,
    writesAfter,
  });
  return {
    database: target.label,
    engine: target.engine,
    intervalMs: sampling.intervalMs,
    samples: observed.samples.length,
    sampleQueryMs: Math.round(sampling.queryMs * 10) / 10,
    snapshotMs,
    notes: [...observer.notes, ...(sampling.error ? [`Sampling stopped early: ${sampling.error}`] : [])],
    migrations,
    schemaDiff: diffSchemas(observed.schemaBefore, schemaAfter),
    thresholds: target.thresholds,
    violations: checkThresholds(target.label, migrations, target.thresholds, observer.exclusiveModes),
  };
}

/** The failed migration as Flyway's error names it (`Migration V3__x.sql failed`). */
function failedMigration(result: MigrationResult): string {
  const script = /Migration (\S+) failed/.exec(result.error?.message ?? '')?.[1];
  return script ? `${script} (failed)` : 'the migration that failed';
}
