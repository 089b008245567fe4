import type { Clone } from '../clones/clone.js';
import { DatacloneError } from '../core/errors.js';
import { engineFor } from '../engines/index.js';
import { findFlyway } from '../flyway/find-flyway.js';
import type { FlywaySettings, FlywayTarget } from '../flyway/flyway-invocation.js';
import type { MigrationResult } from '../flyway/flyway-output.js';
import { runFlyway } from '../flyway/run-flyway.js';
import { runFlywayInContainer } from '../flyway/run-flyway-container.js';
import type { Job } from './job.js';
import { requireJobClones } from './job-clones.js';

export interface MigrateOptions {
  /**
   * Folders of migrations per database: by name (`sales`), or by instance and name
   * (`warehouse.sales`) when the job is an environment whose instances share database names.
   */
  migrations: Record<string, string[]>;
  flyway: FlywaySettings;
}

export interface MigrateResult {
  step: 'migrate';
  success: boolean;
  /** One entry per database migrated, in the order they ran; the last one failed if any did. */
  databases: MigrationResult[];
  durationMs: number;
}

/**
 * Runs Flyway against every database of the job's clones that has migrations, in dependency
 * order (the order the data image was restored in), one Flyway call per database, and stops at
 * the first database that fails.
 */
export async function migrate(job: Job, options: MigrateOptions): Promise<MigrateResult> {
  const started = performance.now();
  const clones = await requireJobClones(job, 'migrate');
  checkDatabasesExist(clones, options.migrations);
  const executable = await findFlyway(options.flyway.executable);
  if (!executable) job.reporter.info('No Flyway on PATH: running the official Flyway Docker image instead');
  const results: MigrationResult[] = [];
  for (const clone of clones) {
    for (const database of clone.connection.databases) {
      const locations =
        (clone.instance ? options.migrations[`${clone.instance}.${database.name}`] : undefined) ??
        options.migrations[database.name];
      if (!locations?.length) continue;
      const target: FlywayTarget = {
        database: database.name,
        jdbcUrl: database.jdbcUrl,
        user: clone.connection.user,
        password: clone.connection.password,
        locations,
      };
      const result = await job.reporter.group(`Migrate ${database.name} (clone ${clone.name})`, () =>
        executable
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
            ),
      );
      results.push(result);
      reportResult(job, result);
      if (!result.success)
        return { step: 'migrate', success: false, databases: results, durationMs: elapsed(started) };
    }
  }
  if (results.length === 0)
    job.reporter.warn('migrate: no database of the job has migrations; nothing was run');
  return { step: 'migrate', success: true, databases: results, durationMs: elapsed(started) };
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

function reportResult(job: Job, result: MigrationResult): void {
  if (!result.success) {
    job.reporter.warn(`${result.database}: Flyway failed (${result.error?.code}): ${result.error?.message}`);
    return;
  }
  const applied = result.migrations.map(
    (m) => `${m.version || 'R'} ${m.description} (${m.executionTimeMs} ms)`,
  );
  job.reporter.info(
    `${result.database}: ${result.migrationsExecuted} migration(s) applied${applied.length ? `: ${applied.join(', ')}` : ''}; schema version ${result.targetSchemaVersion ?? 'unchanged'}`,
  );
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
