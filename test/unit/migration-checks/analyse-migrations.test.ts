import { describe, expect, it } from 'vitest';
import type { AppliedMigration } from '../../../src/flyway/flyway-output.js';
import { analyseMigrations, type ObservedRun } from '../../../src/migration-checks/analyse-migrations.js';
import type { LockSample, TableState } from '../../../src/migration-checks/observation.js';
import { diffSchemas, schemaDiffLines } from '../../../src/migration-checks/schema-diff.js';
import { checkThresholds, parseBytes, parseMilliseconds } from '../../../src/migration-checks/thresholds.js';

const MODES = ['AccessShareLock', 'RowExclusiveLock', 'ShareLock', 'AccessExclusiveLock'];

function migration(version: string, description: string, executionTimeMs: number): AppliedMigration {
  return { version, description, category: 'Versioned', type: 'SQL', executionTimeMs };
}

function sample(
  atMs: number,
  applied: number,
  locks: [string, string][] = [],
  copying: string[] = [],
): LockSample {
  return { atMs, applied, locks: locks.map(([table, mode]) => ({ table, mode })), copying };
}

const ORDERS: TableState = { table: 'orders', storage: '100', bytes: 50_000_000, rows: 1_000_000 };
const NOTES: TableState = { table: 'notes', storage: '200', bytes: 8192, rows: 2 };

function run(overrides: Partial<ObservedRun>): ObservedRun {
  return {
    migrations: [migration('2', 'add flag', 5), migration('3', 'widen amount', 900)],
    base: 1,
    samples: [],
    before: [ORDERS, NOTES],
    checkpoints: [],
    after: [ORDERS, NOTES],
    lockModes: MODES,
    exclusiveModes: ['AccessExclusiveLock'],
    ...overrides,
  };
}

describe('analyseMigrations', () => {
  it('ties each sample to the migration after the last one recorded, with the strongest mode and the longest hold per table', () => {
    const [addFlag, widen] = analyseMigrations(
      run({
        samples: [
          sample(0, 1),
          sample(25, 2, [['orders', 'AccessShareLock']]),
          sample(50, 2, [
            ['orders', 'AccessExclusiveLock'],
            ['orders', 'AccessShareLock'],
          ]),
          sample(75, 2, [['orders', 'AccessExclusiveLock']]),
          sample(100, 2, [['orders', 'AccessExclusiveLock']]),
          sample(125, 3),
        ],
      }),
    );
    expect(addFlag).toEqual({
      migration: '2 add flag',
      durationMs: 5,
      locks: [],
      rewrites: [],
      rowsTouched: 'unknown',
    });
    expect(widen!.locks).toEqual([
      {
        table: 'orders',
        mode: 'AccessExclusiveLock',
        heldMs: 50,
        rows: 1_000_000,
        modes: [
          { mode: 'AccessExclusiveLock', heldMs: 50, samples: 3 },
          { mode: 'AccessShareLock', heldMs: 25, samples: 2 },
        ],
        statement: undefined,
      },
    ]);
  });

  it('counts a lock released and taken again as two holds, and reports the longer', () => {
    const [, widen] = analyseMigrations(
      run({
        samples: [
          sample(0, 2, [['orders', 'ShareLock']]),
          sample(25, 2, [['orders', 'ShareLock']]),
          sample(50, 2),
          sample(75, 2, [['orders', 'ShareLock']]),
        ],
      }),
    );
    expect(widen!.locks[0]).toMatchObject({ mode: 'ShareLock', heldMs: 25 });
  });

  it('ties a rewrite to the one migration between the two looks that saw the storage change', () => {
    const [addFlag, widen] = analyseMigrations(
      run({
        checkpoints: [{ applied: 2, tables: [ORDERS, NOTES] }],
        after: [{ ...ORDERS, storage: '300', bytes: 60_000_000 }, NOTES],
      }),
    );
    expect(addFlag!.rewrites).toEqual([]);
    expect(widen!.rewrites).toEqual([
      {
        table: 'orders',
        bytesBefore: 50_000_000,
        bytesAfter: 60_000_000,
        rows: 1_000_000,
        copied: false,
        attribution: 'history',
      },
    ]);
  });

  it('when two migrations ran between looks, ties the rewrite to the one that held the exclusive lock', () => {
    const [addFlag, widen] = analyseMigrations(
      run({
        samples: [sample(0, 1), sample(25, 2, [['orders', 'AccessExclusiveLock']]), sample(50, 3)],
        after: [{ ...ORDERS, storage: '300' }, NOTES],
      }),
    );
    expect(addFlag!.rewrites).toEqual([]);
    expect(widen!.rewrites[0]).toMatchObject({ table: 'orders', attribution: 'exclusive lock' });
  });

  it('says when it cannot tell which of several migrations rewrote a table', () => {
    const [addFlag] = analyseMigrations(run({ after: [{ ...ORDERS, storage: '300' }, NOTES] }));
    expect(addFlag!.rewrites[0]).toMatchObject({
      attribution: 'unsure',
      between: ['2 add flag', '3 widen amount'],
    });
  });

  it('marks a table a session was seen copying (MySQL/MariaDB) as copied', () => {
    const [, widen] = analyseMigrations(
      run({
        samples: [sample(0, 1), sample(25, 2, [], ['orders']), sample(50, 3)],
        checkpoints: [
          { applied: 2, tables: [ORDERS, NOTES] },
          { applied: 3, tables: [{ ...ORDERS, storage: '300' }, NOTES] },
        ],
        after: [{ ...ORDERS, storage: '300' }, NOTES],
      }),
    );
    expect(widen!.rewrites).toEqual([
      expect.objectContaining({ table: 'orders', copied: true, attribution: 'history' }),
    ]);
  });

  describe('samples taken as the count of recorded migrations moved', () => {
    const WIDEN = 'ALTER TABLE orders MODIFY amount bigint NOT NULL';
    const statement = (s: LockSample, text: string, altering: string[] = []): LockSample => ({
      ...s,
      statements: [text],
      altering,
    });

    it('ties a copy whose sample counted a migration late to the migration that rewrote the table (MariaDB)', () => {
      // The instant ADD COLUMN was recorded, the copying ALTER began, and the one sample that saw
      // the copy still read the history count from before.
      const [addFlag, widen] = analyseMigrations(
        run({
          samples: [sample(0, 1), statement(sample(25, 1, [], ['orders']), WIDEN, ['orders']), sample(50, 2)],
          checkpoints: [{ applied: 2, appliedAfter: 2, tables: [ORDERS, NOTES] }],
          after: [{ ...ORDERS, storage: '300' }, NOTES],
          storageCommitsWithHistory: false,
        }),
      );
      expect(addFlag!.rewrites).toEqual([]);
      expect(widen!.rewrites).toEqual([
        expect.objectContaining({ table: 'orders', copied: true, attribution: 'history' }),
      ]);
    });

    it('ties the locks of a boundary sample to the migration whose certain samples ran the same statement', () => {
      const lock = (at: number, applied: number) =>
        statement(sample(at, applied, [['orders', 'AccessExclusiveLock']]), WIDEN);
      const [addFlag, widen] = analyseMigrations(
        run({
          samples: [sample(0, 1), lock(25, 1), lock(50, 2), lock(75, 2), lock(100, 2), sample(125, 3)],
        }),
      );
      expect(addFlag!.locks).toEqual([]);
      expect(widen!.locks[0]).toMatchObject({ mode: 'AccessExclusiveLock', heldMs: 75 });
      expect(widen!.locks[0]!.modes[0]!.samples).toBe(4);
    });

    it('where the DDL commits before the history row (MySQL), ties new storage seen at a look to the migration running then, when it was seen altering the table', () => {
      const rebuild = (at: number) =>
        statement(sample(at, 2), 'ALTER TABLE orders ENGINE=InnoDB', ['orders']);
      const [addFlag, widen] = analyseMigrations(
        run({
          samples: [sample(0, 1), sample(25, 2), rebuild(50), rebuild(75), rebuild(100), sample(125, 3)],
          // The look after 2 add flag was recorded already saw the rebuilt table.
          checkpoints: [{ applied: 2, appliedAfter: 2, tables: [{ ...ORDERS, storage: '300' }, NOTES] }],
          after: [{ ...ORDERS, storage: '300' }, NOTES],
          storageCommitsWithHistory: false,
        }),
      );
      expect(addFlag!.rewrites).toEqual([]);
      expect(widen!.rewrites).toEqual([
        expect.objectContaining({ table: 'orders', attribution: 'statement' }),
      ]);
    });
  });

  describe('rows touched', () => {
    const writes = (orders: number, notes: number) => [
      { table: 'orders', inserted: 0, updated: orders, deleted: 0 },
      { table: 'notes', inserted: notes, updated: 0, deleted: 1 },
    ];

    it('ties the rows written to a table to the one migration seen holding a row-writing lock on it, and leaves tables no one wrote out', () => {
      const [addFlag, widen] = analyseMigrations(
        run({
          samples: [
            sample(0, 1, [['orders', 'AccessExclusiveLock']]),
            sample(25, 2, [['orders', 'RowExclusiveLock']]),
            sample(50, 2),
            sample(75, 3),
          ],
          rowWriteModes: ['RowExclusiveLock'],
          writesBefore: writes(10, 2),
          writesAfter: [...writes(400_010, 2), { table: 'audit', inserted: 3, updated: 0, deleted: 0 }],
        }),
      );
      expect(widen!.rowsTouched).toEqual([
        { table: 'orders', inserted: 0, updated: 400_000, deleted: 0, attribution: 'locks' },
      ]);
      // A new table no sample saw: one of the two migrations wrote it.
      expect(addFlag!.rowsTouched).toEqual([
        {
          table: 'audit',
          inserted: 3,
          updated: 0,
          deleted: 0,
          attribution: 'unsure',
          between: ['2 add flag', '3 widen amount'],
        },
      ]);
    });

    it('says unknown where the server cannot count the rows (MySQL/MariaDB without performance_schema)', () => {
      const observations = analyseMigrations(run({}));
      expect(observations.map((o) => o.rowsTouched)).toEqual(['unknown', 'unknown']);
    });
  });

  it('adds the migration that failed, named from Flyway’s error, with what it locked', () => {
    const observations = analyseMigrations(
      run({
        migrations: [migration('2', 'add flag', 5)],
        failedMigration: 'V3__widen_amount.sql (failed)',
        samples: [sample(0, 1), sample(25, 2, [['orders', 'AccessExclusiveLock']])],
      }),
    );
    expect(observations[1]).toMatchObject({
      migration: 'V3__widen_amount.sql (failed)',
      failed: true,
      locks: [expect.objectContaining({ table: 'orders', mode: 'AccessExclusiveLock' })],
    });
  });
});

describe('checkThresholds', () => {
  const [, widen] = analyseMigrations(
    run({
      samples: [
        sample(0, 2, [
          ['orders', 'AccessExclusiveLock'],
          ['notes', 'AccessExclusiveLock'],
        ]),
        sample(800, 2, [
          ['orders', 'AccessExclusiveLock'],
          ['notes', 'AccessExclusiveLock'],
        ]),
      ],
      checkpoints: [{ applied: 2, tables: [ORDERS, NOTES] }],
      after: [{ ...ORDERS, storage: '300' }, NOTES],
    }),
  );

  it('names the migration, the table, the lock and the time of an exclusive lock held too long on a large table only', () => {
    const violations = checkThresholds(
      'shop',
      [widen!],
      { exclusiveLock: { longerThanMs: 500, rows: 1000 } },
      ['AccessExclusiveLock'],
    );
    expect(violations).toEqual([
      {
        database: 'shop',
        migration: '3 widen amount',
        table: 'orders',
        rule: 'exclusive-lock',
        lock: 'AccessExclusiveLock',
        heldMs: 800,
        rows: 1_000_000,
        message:
          'shop: migration 3 widen amount held AccessExclusiveLock on table orders (~1000000 rows) for 800 ms, longer than the 500 ms allowed on tables of more than 1000 rows',
      },
    ]);
  });

  it('names the rewrite of a table larger than allowed, and passes one within it', () => {
    expect(checkThresholds('shop', [widen!], { rewriteBytes: 1024 * 1024 }, [])[0]?.message).toBe(
      'shop: migration 3 widen amount rewrote table orders (47.7 MB, ~1000000 rows), larger than the 1.0 MB allowed',
    );
    expect(checkThresholds('shop', [widen!], { rewriteBytes: 1024 ** 3 }, [])).toEqual([]);
  });
});

describe('written thresholds', () => {
  it.each([
    ['500ms', 500],
    ['2s', 2000],
    ['1.5s', 1500],
    ['1m', 60_000],
  ])('reads the duration %s', (text, ms) => expect(parseMilliseconds(text, 'f')).toBe(ms));

  it.each([
    ['500kB', 500 * 1024],
    ['100MB', 100 * 1024 ** 2],
    ['2gb', 2 * 1024 ** 3],
  ])('reads the size %s', (text, bytes) => expect(parseBytes(text, 'f')).toBe(bytes));

  it('names the option and says what to write for a bad value', () => {
    expect(() => parseMilliseconds('2 seconds', '--max-exclusive-lock')).toThrow(
      "--max-exclusive-lock: '2 seconds' is not a duration: 500ms, 2s or 1m",
    );
  });
});

describe('the schema diff', () => {
  const empty = { tables: {}, columns: {}, indexes: {}, constraints: {}, views: {}, functions: {} };

  it('lists what was added, removed and changed, kind by kind, one line each', () => {
    const diff = diffSchemas(
      {
        ...empty,
        tables: { orders: 'table', old: 'table' },
        columns: { 'orders.amount': 'integer not null' },
      },
      {
        ...empty,
        tables: { orders: 'table' },
        columns: { 'orders.amount': 'bigint not null', 'orders.flag': 'text' },
        indexes: {
          orders_amount_idx: 'CREATE INDEX orders_amount_idx ON public.orders USING btree (amount)',
        },
      },
    );
    expect(schemaDiffLines(diff)).toEqual([
      '- table old: table',
      '~ column orders.amount: integer not null → bigint not null',
      '+ column orders.flag: text',
      '+ index orders_amount_idx: CREATE INDEX orders_amount_idx ON public.orders USING btree (amount)',
    ]);
  });
});
