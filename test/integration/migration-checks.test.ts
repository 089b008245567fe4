import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { runFlyway } from '../../src/flyway/run-flyway.js';
import { buildImage } from '../../src/images/build-image.js';
import { startMigrationChecks } from '../../src/migration-checks/check-migrations.js';
import type { Job } from '../../src/pipeline/job.js';
import { migrate, type MigrateOptions } from '../../src/pipeline/migrate.js';
import { provision } from '../../src/pipeline/provision.js';
import { runStep } from '../../src/pipeline/run-step.js';
import { stepOutputs } from '../../src/report/step-outputs.js';
import { teardown } from '../../src/pipeline/teardown.js';
import { markdownSummary } from '../../src/report/markdown-summary.js';
import { schemaDiffLines } from '../../src/migration-checks/schema-diff.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { useTestHost } from '../support/test-host.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FLYWAY = path.join(ROOT, 'test/flyway-standin/flyway');
const ROWS = 400_000;

/**
 * Migrations whose effect on a table of 400,000 rows is known: an instant ADD COLUMN (an ACCESS
 * EXCLUSIVE lock for a moment, no rewrite), an index built without CONCURRENTLY (SHARE lock, no
 * rewrite), and a column type change (ACCESS EXCLUSIVE for the whole rewrite).
 */
const POSTGRES_FILES = {
  'dataclone.yaml': `name: checks-pg\nengine: postgres\nversion: '15'\ndatabases:\n  - name: shop\n    source: shop/\n    migrations: migrations\n`,
  'shop/01-orders.sql': `CREATE TABLE orders (id serial PRIMARY KEY, amount integer NOT NULL, placed date NOT NULL DEFAULT current_date);
INSERT INTO orders (amount) SELECT g % 1000 FROM generate_series(1, ${ROWS}) g;
CREATE TABLE notes (id serial PRIMARY KEY, body text);
INSERT INTO notes (body) VALUES ('a'), ('b');
`,
  'migrations/V2__add_flag.sql': 'ALTER TABLE orders ADD COLUMN flag text;\n',
  'migrations/V3__index_amount.sql': 'CREATE INDEX orders_amount_idx ON orders (amount);\n',
  'migrations/V4__widen_amount.sql': 'ALTER TABLE orders ALTER COLUMN amount TYPE bigint;\n',
  'migrations/V5__note_view.sql':
    'CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 900;\nCREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM orders $$;\n',
  // 40,000 of the 400,000 rows (amount 0 to 99).
  'migrations/V6__flag_small.sql': "UPDATE orders SET flag = 'small' WHERE amount < 100;\n",
};

const MARIADB_FILES = {
  'dataclone.yaml': `name: checks-mariadb\nengine: mariadb\nversion: '10.11'\ndatabases:\n  - name: shop\n    source: shop/\n    migrations: migrations\n`,
  'shop/01-orders.sql': `CREATE TABLE orders (id int AUTO_INCREMENT PRIMARY KEY, amount int NOT NULL, placed date NOT NULL) ENGINE=InnoDB;
INSERT INTO orders (amount, placed) SELECT seq % 1000, '2026-01-01' FROM seq_1_to_${ROWS};
`,
  'migrations/V2__add_flag.sql': 'ALTER TABLE orders ADD COLUMN flag varchar(10);\n',
  'migrations/V3__widen_amount.sql': 'ALTER TABLE orders MODIFY amount bigint NOT NULL;\n',
};

const t = useTestHost();
const folders: { remove: () => Promise<void> }[] = [];

async function buildFrom(
  files: Record<string, string>,
  name: string,
): Promise<{ image: string; dir: string }> {
  const folder = await writeDefinitionFolder(files);
  folders.push(folder);
  const image = t.imageTag(name);
  await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(folder.definition),
    tag: image,
  });
  return { image, dir: folder.dir };
}

let postgres: { image: string; dir: string };
let mariadb: { image: string; dir: string };

beforeAll(async () => {
  postgres = await buildFrom(POSTGRES_FILES, 'checks-pg');
  mariadb = await buildFrom(MARIADB_FILES, 'checks-mariadb');
}, 600_000);

afterAll(async () => {
  await t.cleanup();
  for (const folder of folders) await folder.remove();
});

async function migrated(image: string, dir: string, suffix: string, options: Partial<MigrateOptions> = {}) {
  const job: Job = { host: t.host, reporter: t.reporter, owner: `${t.owner}-${suffix}` };
  await provision(job, { image });
  try {
    return await migrate(job, {
      migrations: { shop: [path.join(dir, 'migrations')] },
      flyway: { executable: FLYWAY },
      ...options,
    });
  } finally {
    await teardown(job);
  }
}

describe('migration checks on PostgreSQL', () => {
  it('reports the ACCESS EXCLUSIVE lock and the rewrite of a column type change, and no rewrite for an instant ADD COLUMN or an index', async () => {
    const result = await migrated(postgres.image, postgres.dir, 'pg-report');
    expect(result.success).toBe(true);
    const [checks] = result.checks;
    expect(checks?.migrations.map((m) => m.migration)).toEqual([
      '2 add flag',
      '3 index amount',
      '4 widen amount',
      '5 note view',
      '6 flag small',
    ]);
    const [addFlag, index, widen, , flagSmall] = checks!.migrations;
    expect(addFlag!.rewrites).toEqual([]);
    expect(index!.rewrites).toEqual([]);
    expect(index!.locks.find((l) => l.table === 'orders')).toMatchObject({ mode: 'ShareLock' });
    const lock = widen!.locks.find((l) => l.table === 'orders');
    expect(lock).toMatchObject({ mode: 'AccessExclusiveLock' });
    expect(lock!.rows).toBeGreaterThan(ROWS * 0.9);
    // Held for most of the migration: the rewrite is the migration.
    expect(lock!.heldMs).toBeGreaterThan(widen!.durationMs * 0.5);
    expect(widen!.rewrites).toEqual([
      expect.objectContaining({ table: 'orders', attribution: 'history', copied: false }),
    ]);
    expect(widen!.rewrites[0]!.bytesBefore).toBeGreaterThan(10 * 1024 * 1024);
    // The small table was never touched.
    expect(checks!.migrations.flatMap((m) => m.locks.map((l) => l.table))).not.toContain('notes');
    // Rows touched: the UPDATE's, counted once Flyway's session ended; a rewrite counts none.
    expect(flagSmall!.rowsTouched).toEqual([
      { table: 'orders', inserted: 0, updated: 40_000, deleted: 0, attribution: 'locks' },
    ]);
    for (const m of [addFlag, index, widen]) expect(m!.rowsTouched).toEqual([]);
  });

  it('shows the schema diff against the clone before migrating, in the job summary, collapsed', async () => {
    const result = await migrated(postgres.image, postgres.dir, 'pg-diff');
    const lines = schemaDiffLines(result.checks[0]!.schemaDiff);
    expect(lines).toEqual(
      expect.arrayContaining([
        '+ column orders.flag: text',
        '~ column orders.amount: integer not null → bigint not null',
        '+ index orders_amount_idx: CREATE INDEX orders_amount_idx ON public.orders USING btree (amount)',
        expect.stringMatching(/^\+ view big_orders: view: /),
        expect.stringMatching(/^\+ function order_count\(\): returns bigint, body md5 /),
        expect.stringMatching(/^\+ column big_orders\.amount: bigint/),
      ]),
    );
    expect(lines.some((line) => line.includes('flyway_schema_history'))).toBe(false);
    const markdown = markdownSummary(result);
    expect(markdown).toContain('<details><summary>shop: 5 migration(s), schema:');
    expect(markdown).toMatch(
      /\| 6 flag small \| \d+ ms \| RowExclusiveLock on orders .* \| - \| orders: 40000 updated rows \|/,
    );
    expect(markdown).toContain('+ column orders.flag: text');
    expect(markdown).toMatch(
      /\| 4 widen amount \| \d+ ms \| AccessExclusiveLock on orders \(~\d+ rows\) held \d+ ms/,
    );
  });

  it('fails the step when a migration holds an exclusive lock on a large table too long, or rewrites a large table, naming migration, table, lock and time', async () => {
    const result = await migrated(postgres.image, postgres.dir, 'pg-thresholds', {
      checks: {
        databaseThresholds: {
          shop: { exclusiveLock: { longerThanMs: 20, rows: 100_000 }, rewriteBytes: 1024 * 1024 },
        },
      },
    });
    expect(result.success).toBe(false);
    expect(result.databases[0]!.success).toBe(true);
    expect(result.violations.map((v) => [v.migration, v.table, v.rule, v.lock])).toEqual([
      ['4 widen amount', 'orders', 'exclusive-lock', 'AccessExclusiveLock'],
      ['4 widen amount', 'orders', 'rewrite', undefined],
    ]);
    expect(result.violations[0]!.message).toMatch(
      /^shop: migration 4 widen amount held AccessExclusiveLock on table orders \(~\d+ rows\) for \d+ ms, longer than the 20 ms allowed on tables of more than 100000 rows$/,
    );
    expect(result.violations[1]!.message).toMatch(
      /^shop: migration 4 widen amount rewrote table orders \([\d.]+ MB, ~\d+ rows\), larger than the 1.0 MB allowed$/,
    );
  });

  it("fails the step on the thresholds of the database's checks: in its dataclone.yaml, and writes the report for an artifact", async () => {
    const definition = path.join(postgres.dir, 'dataclone.yaml');
    await writeFile(
      definition,
      `${POSTGRES_FILES['dataclone.yaml']}    checks:\n      rewrite: { largerThan: 1MB }\n`,
    );
    const report = path.join(postgres.dir, 'checks.md');
    const job: Job = { host: t.host, reporter: t.reporter, owner: `${t.owner}-pg-definition` };
    await provision(job, { image: postgres.image });
    try {
      const outcome = await runStep(job, {
        command: 'migrate',
        definition,
        migrate: { migrations: {}, flyway: { executable: FLYWAY }, checks: { reportFile: report } },
      });
      expect(outcome).toMatchObject({ kind: 'step', failed: true, exitCode: 1 });
      const outputs = stepOutputs(outcome);
      expect(JSON.parse(outputs.values['migration-violations']!)).toEqual([
        expect.objectContaining({
          database: 'shop',
          migration: '4 widen amount',
          table: 'orders',
          rule: 'rewrite',
        }),
      ]);
      const text = await readFile(report, 'utf8');
      expect(text).toContain('**Threshold crossed:** shop: migration 4 widen amount rewrote table orders');
      expect(text).toContain('~ column orders.amount: integer not null → bigint not null');
    } finally {
      await teardown(job);
      await writeFile(definition, POSTGRES_FILES['dataclone.yaml']);
    }
  });

  it('passes the same migrations under thresholds they stay within', async () => {
    const result = await migrated(postgres.image, postgres.dir, 'pg-within', {
      checks: {
        thresholds: { exclusiveLock: { longerThanMs: 60_000, rows: 100_000 }, rewriteBytes: 1024 ** 3 },
      },
    });
    expect(result.success).toBe(true);
    expect(result.violations).toEqual([]);
  });
});

describe('migration checks on MariaDB', () => {
  it('reports the durations, a table copy for a column type change and none for an instant ADD COLUMN, and says whether metadata locks were seen', async () => {
    const result = await migrated(mariadb.image, mariadb.dir, 'mariadb-report');
    expect(result.success).toBe(true);
    const [checks] = result.checks;
    const [addFlag, widen] = checks!.migrations;
    expect(addFlag!.migration).toBe('2 add flag');
    expect(widen!.migration).toBe('3 widen amount');
    expect(widen!.durationMs).toBeGreaterThan(0);
    // One copy of orders, on the column type change and on nothing else: also when a sample that
    // saw the copy read the history count a migration late (seen once under load, 2 cores).
    expect(addFlag!.rewrites).toEqual([]);
    expect(widen!.rewrites).toEqual([expect.objectContaining({ table: 'orders', copied: true })]);
    expect(widen!.rewrites[0]!.bytesBefore).toBeGreaterThan(1024 * 1024);
    expect(schemaDiffLines(checks!.schemaDiff)).toEqual([
      '~ column orders.amount: int(11) not null → bigint(20) not null',
      '+ column orders.flag: varchar(10)',
    ]);
    expect(checks!.notes.join(' ')).toMatch(/Metadata locks/);
    // The clone runs without performance_schema: the server cannot say.
    expect(checks!.migrations.map((m) => m.rowsTouched)).toEqual(['unknown', 'unknown']);
  });
});

describe('migration checks on a MariaDB server with performance_schema on', () => {
  it('reports the metadata locks a copying ALTER TABLE held, strongest first', async () => {
    const password = `pw${Date.now()}`;
    const containerId = await t.host.createContainer({
      name: t.cloneName('mariadb-ps'),
      image: 'mariadb:10.11',
      labels: { 'dataclone.owner': t.owner },
      // The base image has no entrypoint script: a fresh instance, performance_schema on, and
      // --skip-grant-tables (a throwaway server on 127.0.0.1) in place of accounts.
      user: 'root',
      entrypoint: ['sh', '-c'],
      cmd: [
        'mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null && exec mariadbd --user=mysql --datadir=/var/lib/mysql --bind-address=0.0.0.0 --skip-grant-tables --performance-schema=ON',
      ],
      tmpfs: ['/var/lib/mysql'],
      publish: { containerPort: 3306, bindAddress: '127.0.0.1' },
    });
    try {
      await t.host.startContainer(containerId);
      const port = (await t.host.inspectContainer(containerId))!.ports[3306]?.hostPort;
      const url = `mysql://root:${password}@127.0.0.1:${port}/shop`;
      const connection = await connectWhenReady(url.replace('/shop', '/'));
      await connection.query(
        `CREATE DATABASE shop; USE shop; CREATE TABLE orders (id int AUTO_INCREMENT PRIMARY KEY, amount int NOT NULL) ENGINE=InnoDB;
         INSERT INTO orders (amount) SELECT seq % 1000 FROM seq_1_to_${ROWS};`,
      );
      await connection.end();
      const dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-ps-'));
      folders.push({ remove: () => rm(dir, { recursive: true, force: true }) });
      await writeFile(
        path.join(dir, 'V2__widen_amount.sql'),
        'ALTER TABLE orders MODIFY amount bigint NOT NULL;\n',
      );
      await writeFile(
        path.join(dir, 'V3__bump_small.sql'),
        'UPDATE orders SET amount = amount + 1 WHERE amount < 100;\n',
      );
      const running = await startMigrationChecks(
        { label: 'shop', engine: 'mariadb', url, database: 'shop', thresholds: {} },
        {},
      );
      const result = await runFlyway(
        FLYWAY,
        {
          database: 'shop',
          jdbcUrl: `jdbc:mariadb://127.0.0.1:${port}/shop`,
          user: 'root',
          password,
          locations: [dir],
        },
        {},
        t.reporter,
      );
      const checks = await running.finish(result);
      expect(checks.notes.join(' ')).toContain('Metadata locks: performance_schema.metadata_locks.');
      const [widen, bump] = checks.migrations;
      expect(widen!.rewrites).toEqual([expect.objectContaining({ table: 'orders', copied: true })]);
      expect(bump!.rewrites).toEqual([]);
      // The copy restarted the table's counts: the UPDATE's 40,000 rows are what it touched.
      expect(bump!.rowsTouched).toEqual([
        { table: 'orders', inserted: 0, updated: 40_000, deleted: 0, attribution: 'locks' },
      ]);
      expect(widen!.rowsTouched).toEqual([]);
      const lock = widen!.locks.find((l) => l.table === 'orders');
      // ALTER TABLE holds SHARED_UPGRADABLE throughout, SHARED_NO_WRITE while it copies (writes
      // wait) and EXCLUSIVE to swap the tables: which of the short ones a sample catches varies.
      const modes = lock!.modes.map((m) => m.mode);
      expect(modes.some((mode) => ['SHARED_UPGRADABLE', 'SHARED_NO_WRITE'].includes(mode))).toBe(true);
      expect(lock!.mode).toBe(modes[0]);
      expect(lock!.heldMs).toBeGreaterThan(0);
    } finally {
      await t.host.removeContainer(containerId);
    }
  });
});

async function connectWhenReady(url: string): Promise<mysql.Connection> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      return await mysql.createConnection({ uri: url, multipleStatements: true });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
