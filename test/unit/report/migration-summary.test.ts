import { describe, expect, it } from 'vitest';
import { printStepResult } from '../../../src/cli/step-summary.js';
import type { CommandContext } from '../../../src/cli/command.js';
import type { AppliedMigration, MigrationResult } from '../../../src/flyway/flyway-output.js';
import type { MigrateResult } from '../../../src/pipeline/migrate.js';
import { markdownSummary } from '../../../src/report/markdown-summary.js';
import { appliedCount, appliedList, schemaVersionAfter } from '../../../src/report/migration-summary.js';

function migration(version: string, description: string): AppliedMigration {
  return {
    version,
    description,
    category: version ? 'Versioned' : 'Repeatable',
    type: 'SQL',
    executionTimeMs: 4,
  };
}

function database(migrations: AppliedMigration[], versions: Partial<MigrationResult> = {}): MigrationResult {
  return {
    database: 'customers',
    success: true,
    initialSchemaVersion: '1',
    targetSchemaVersion: migrations.filter((m) => m.version).at(-1)?.version,
    migrationsExecuted: migrations.length,
    migrations,
    warnings: [],
    durationMs: 1200,
    ...versions,
  };
}

const TWENTY_TWO = Array.from({ length: 22 }, (_, i) =>
  migration(String(i + 1), `change number ${i + 1} to the customers schema, with a long description`),
);

function cliSummary(result: MigrateResult): string {
  const printed: string[] = [];
  const context = { json: false, print: (text: string) => printed.push(text) } as unknown as CommandContext;
  printStepResult(context, result);
  return printed.join('\n');
}

describe('the applied migrations of a database', () => {
  it.each([
    [[], '-'],
    [[migration('2', 'add loyalty tier')], '1 (2)'],
    [TWENTY_TWO, '22 (1 → 22)'],
    [[migration('', 'create functions'), migration('', 'create views')], '2 (2 repeatable)'],
    [[migration('1.1', 'a'), migration('2', 'b'), migration('', 'views')], '3 (1.1 → 2, 1 repeatable)'],
  ])('are counted with the first and last version: %j -> %s', (migrations, expected) => {
    expect(appliedCount(database(migrations))).toBe(expected);
  });

  it('are listed one line each, repeatables as R', () => {
    expect(appliedList(database([migration('2', 'add a'), migration('', 'create functions')]))).toEqual([
      '2 add a (4 ms)',
      'R create functions (4 ms)',
    ]);
  });

  it('leave the schema at its initial version when Flyway reports no target (nothing versioned ran)', () => {
    expect(schemaVersionAfter(database([migration('', 'views')], { targetSchemaVersion: undefined }))).toBe(
      '1',
    );
    expect(schemaVersionAfter(database([], { initialSchemaVersion: undefined }))).toBeUndefined();
  });
});

describe('the migrate summaries of 22 migrations', () => {
  const result: MigrateResult = {
    step: 'migrate',
    success: true,
    databases: [database(TWENTY_TWO)],
    checks: [],
    violations: [],
    durationMs: 1300,
  };

  it('show a count with the first and last version in the command-line table, on short lines', () => {
    const summary = cliSummary(result);
    expect(summary).toMatch(/customers +ok +22 \(1 → 22\) +22 +1\.20 s/);
    expect(Math.max(...summary.split('\n').map((line) => line.length))).toBeLessThan(80);
  });

  it('show the count in the job summary table, and every migration on a line of its own, folded', () => {
    const markdown = markdownSummary(result);
    expect(markdown).toContain('| customers | ok | 22 (1 → 22) | 22 | 1.20 s |');
    expect(markdown).toContain('<details><summary>customers: 22 migration(s) applied</summary>');
    const listed = markdown.split('\n').filter((line) => line.startsWith('- '));
    expect(listed).toHaveLength(22);
    expect(listed[21]).toBe('- 22 change number 22 to the customers schema, with a long description (4 ms)');
    expect(Math.max(...markdown.split('\n').map((line) => line.length))).toBeLessThan(120);
  });
});

describe('a run without migrations', () => {
  const skipped: MigrateResult = {
    step: 'migrate',
    success: true,
    databases: [],
    checks: [],
    violations: [],
    skipped: 'no migrations for any database of the job (customers, orders)',
    durationMs: 3,
  };

  it('says in both summaries that migrate was skipped, and why', () => {
    expect(cliSummary(skipped)).toBe(
      'migrate: skipped, no migrations for any database of the job (customers, orders)',
    );
    const markdown = markdownSummary(skipped);
    expect(markdown).toContain('| migrate | skipped: no migrations |');
    expect(markdown).toContain('Skipped: no migrations for any database of the job (customers, orders).');
  });
});
