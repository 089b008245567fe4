import { describe, expect, it } from 'vitest';
import type { DatabaseChecks } from '../../../src/migration-checks/check-migrations.js';
import {
  checksLines,
  checksMarkdown,
  checksReportFile,
} from '../../../src/report/migration-checks-summary.js';

const CHECKS: DatabaseChecks = {
  database: 'shop',
  engine: 'postgres',
  intervalMs: 25,
  samples: 120,
  sampleQueryMs: 1.2,
  snapshotMs: 80,
  notes: ['PostgreSQL: pg_locks ...'],
  migrations: [
    { migration: '2 add flag', durationMs: 6, locks: [], rewrites: [], rowsTouched: [] },
    {
      migration: '4 widen amount',
      durationMs: 3018,
      locks: [
        {
          table: 'orders',
          mode: 'AccessExclusiveLock',
          heldMs: 2940,
          rows: 400_000,
          modes: [{ mode: 'AccessExclusiveLock', heldMs: 2940, samples: 110 }],
        },
      ],
      rewrites: [
        {
          table: 'orders',
          bytesBefore: 25.5 * 1024 ** 2,
          bytesAfter: 31.1 * 1024 ** 2,
          rows: 400_000,
          copied: false,
          attribution: 'history',
        },
      ],
      rowsTouched: [{ table: 'orders', inserted: 0, updated: 400_000, deleted: 0, attribution: 'locks' }],
    },
  ],
  schemaDiff: {
    changes: [
      { kind: 'columns', change: 'changed', name: 'orders.amount', before: 'integer', after: 'bigint' },
    ],
  },
  thresholds: { rewriteBytes: 1024 ** 2 },
  violations: [
    {
      database: 'shop',
      migration: '4 widen amount',
      table: 'orders',
      rule: 'rewrite',
      bytes: 25.5 * 1024 ** 2,
      rows: 400_000,
      message:
        'shop: migration 4 widen amount rewrote table orders (25.5 MB, ~400000 rows), larger than the 1.0 MB allowed',
    },
  ],
};

describe('the migration checks report', () => {
  it('is a few compact lines per database on a terminal', () => {
    expect(checksLines(CHECKS)).toEqual([
      'shop: 2 add flag: 6 ms; no table lock seen',
      'shop: 4 widen amount: 3018 ms; AccessExclusiveLock on orders (~400000 rows) held 2940 ms; rewrote orders (25.5 MB → 31.1 MB, ~400000 rows); orders: 400000 updated rows',
      'shop: schema: 1 changed column',
    ]);
  });

  it('is folded per database in the job summary, open when a threshold was crossed, with the diff', () => {
    const markdown = checksMarkdown([CHECKS]);
    expect(markdown).toContain(
      '<details open><summary>shop: 2 migration(s), schema: 1 changed column, **1 threshold(s) crossed**</summary>',
    );
    expect(markdown).toContain(
      '| 4 widen amount | 3018 ms | AccessExclusiveLock on orders (~400000 rows) held 2940 ms | rewrote orders (25.5 MB → 31.1 MB, ~400000 rows) | orders: 400000 updated rows |',
    );
    expect(markdown).toContain('| 2 add flag | 6 ms | - | - | - |');
    expect(markdown).toContain(
      '- **Threshold crossed:** shop: migration 4 widen amount rewrote table orders',
    );
    expect(markdown).toContain('```diff\n~ column orders.amount: integer → bigint\n```');
  });

  it('is JSON in a .json report file, else the Markdown', () => {
    expect(JSON.parse(checksReportFile('checks.json', [CHECKS]))).toEqual([CHECKS]);
    expect(checksReportFile('checks.md', [CHECKS])).toBe(`${checksMarkdown([CHECKS])}\n`);
  });
});
