import type { Clone } from '../clones/clone.js';
import type { DatabaseChecks } from '../migration-checks/check-migrations.js';
import type { StepOutcome } from '../pipeline/run-step.js';
import { schemaVersionAfter } from './migration-summary.js';

/** Outputs a CI step hands to later steps, and which of them are secret. */
export interface StepOutputs {
  values: Record<string, string>;
  secrets: string[];
}

/**
 * The outputs of a step: the first clone's connection details (name, host, port, user,
 * password, the primary database's URL and JDBC URL, every database as JSON), the migrations
 * applied, the test exit code, or the image built.
 */
export function stepOutputs(outcome: StepOutcome): StepOutputs {
  if (outcome.kind === 'image') {
    return { values: { image: outcome.image.tag, 'image-id': outcome.image.imageId }, secrets: [] };
  }
  const result = outcome.result;
  const values: Record<string, string> = {};
  const steps = result.step === 'run' ? result.steps : [result];
  const clone = steps.flatMap((step) => ('clones' in step ? step.clones : []))[0];
  if (clone) Object.assign(values, cloneOutputs(clone));
  for (const step of steps) {
    if (step.step === 'migrate') {
      values.migrations = JSON.stringify(
        step.databases.map((db) => ({
          database: db.database,
          success: db.success,
          version: schemaVersionAfter(db) ?? null,
          applied: db.migrations.map((m) => m.version || m.description),
        })),
      );
      values['migration-report'] = JSON.stringify(step.checks.map(checksOutput));
      values['migration-violations'] = JSON.stringify(
        step.violations.map(({ database, migration, table, rule, lock, heldMs, bytes, rows }) => ({
          database,
          migration,
          table,
          rule,
          lock,
          heldMs,
          bytes,
          rows,
        })),
      );
    }
    if (step.step === 'test') values['test-exit-code'] = String(step.exitCode);
    if (step.step === 'teardown') values.removed = JSON.stringify(step.removed);
  }
  return { values, secrets: clone ? [clone.connection.password] : [] };
}

/** Per database and migration: its time, strongest lock per table, rewrites, rows touched; the schema diff. */
function checksOutput(checks: DatabaseChecks) {
  return {
    database: checks.database,
    migrations: checks.migrations.map((m) => ({
      migration: m.migration,
      durationMs: m.durationMs,
      locks: m.locks.map(({ table, mode, heldMs, rows }) => ({ table, mode, heldMs, rows })),
      rewrites: m.rewrites.map(({ table, bytesBefore, rows, copied }) => ({
        table,
        bytes: bytesBefore,
        rows,
        copied,
      })),
      rowsTouched:
        m.rowsTouched === 'unknown'
          ? m.rowsTouched
          : m.rowsTouched.map(({ table, inserted, updated, deleted }) => ({
              table,
              inserted,
              updated,
              deleted,
            })),
    })),
    schemaChanges: checks.schemaDiff.changes.length,
  };
}

function cloneOutputs(clone: Clone): Record<string, string> {
  const { connection } = clone;
  const primary =
    connection.databases.find((db) => db.name === connection.primaryDatabase) ?? connection.databases[0];
  return {
    'clone-name': clone.name,
    host: connection.host,
    port: String(connection.port),
    user: connection.user,
    password: connection.password,
    'database-url': primary?.url ?? '',
    'jdbc-url': primary?.jdbcUrl ?? '',
    databases: JSON.stringify(connection.databases),
  };
}
