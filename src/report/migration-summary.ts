import type { AppliedMigration, MigrationResult } from '../flyway/flyway-output.js';

/**
 * The applied migrations of one database in a few characters, for a table cell: how many, and
 * the first and last version (`22 (1 → 22)`, `1 (2)`, `3 (1 → 2, 1 repeatable)`), `-` for none.
 * The full list is in the JSON result and the job summary (`appliedList`).
 */
export function appliedCount(result: MigrationResult): string {
  const { migrations } = result;
  if (migrations.length === 0) return '-';
  const versions = migrations.map((m) => m.version).filter(Boolean);
  const repeatable = migrations.length - versions.length;
  const span =
    versions.length === 0
      ? []
      : [versions.length === 1 ? versions[0] : `${versions[0]} → ${versions.at(-1)}`];
  const parts = [...span, ...(repeatable ? [`${repeatable} repeatable`] : [])];
  return `${migrations.length} (${parts.join(', ')})`;
}

/** One line per applied migration: `2 add loyalty tier (21 ms)`, `R create functions (3 ms)`. */
export function appliedList(result: MigrationResult): string[] {
  return result.migrations.map(describeMigration);
}

/** The schema version once the migrate ended: Flyway reports none when nothing versioned ran. */
export function schemaVersionAfter(result: MigrationResult): string | undefined {
  return result.targetSchemaVersion ?? result.initialSchemaVersion;
}

function describeMigration(migration: AppliedMigration): string {
  return `${migration.version || 'R'} ${migration.description} (${migration.executionTimeMs} ms)`;
}
