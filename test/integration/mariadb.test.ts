import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClone } from '../../src/clones/create-clone.js';
import { removeClone } from '../../src/clones/remove-clone.js';
import { resetClone } from '../../src/clones/reset-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import { readDataImage } from '../../src/images/data-image.js';
import type { Job } from '../../src/pipeline/job.js';
import { migrate } from '../../src/pipeline/migrate.js';
import { provision } from '../../src/pipeline/provision.js';
import { resetJob } from '../../src/pipeline/reset.js';
import { runTests } from '../../src/pipeline/run-tests.js';
import { teardown } from '../../src/pipeline/teardown.js';
import { atTestedVersion, testedVersion } from '../support/base-images.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { query } from '../support/query.js';
import { useTestHost } from '../support/test-host.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WAREHOUSE = path.join(ROOT, 'examples/warehouse/dataclone.yaml');
const FLYWAY = path.join(ROOT, 'test/flyway-standin/flyway');
const MIGRATIONS = {
  inventory: [path.join(ROOT, 'examples/warehouse/migrations/inventory')],
  sales: [path.join(ROOT, 'examples/warehouse/migrations/sales')],
};

/** A test command that needs both migrations and reaches both databases through its environment. */
const CHECK_BOTH = `
const mysql = require('mysql2/promise');
(async () => {
  const sales = await mysql.createConnection(process.env.DATACLONE_SALES_URL);
  const [candidates] = await sales.query('SELECT count(*) AS n FROM reorder_candidates');
  const [channels] = await sales.query("SELECT count(*) AS n FROM orders WHERE channel = 'web'");
  await sales.end();
  const inventory = await mysql.createConnection({
    host: process.env.MYSQL_HOST, port: Number(process.env.MYSQL_TCP_PORT),
    user: process.env.MYSQL_USER, password: process.env.MYSQL_PWD, database: 'inventory',
  });
  const [levels] = await inventory.query('SELECT count(*) AS n FROM products WHERE reorder_level = 50');
  await inventory.end();
  console.log('reorder', candidates[0].n, 'web', channels[0].n, 'levels', levels[0].n);
  if (!process.env.JDBC_DATABASE_URL.startsWith('jdbc:mariadb://')) process.exit(3);
})().catch((error) => { console.error(error.message); process.exit(2); });
`;

/** The version of MariaDB these tests run against: the first of the test base images. */
const VERSION = testedVersion('mariadb', '10.11');

const t = useTestHost();
let image: string;

beforeAll(async () => {
  image = t.imageTag('warehouse');
  await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: atTestedVersion(await loadImageDefinition(WAREHOUSE)),
    tag: image,
  });
});

afterAll(() => t.cleanup());

describe(`MariaDB ${VERSION} data images and clones`, () => {
  it('builds an image of two databases that reference each other, labelled for the mariadb engine', async () => {
    const data = await readDataImage(t.host, image);
    expect(data).toMatchObject({ engine: 'mariadb', engineVersion: VERSION, primaryDatabase: 'sales' });
    expect(data.databases.map((db) => db.name)).toEqual(['inventory', 'sales']);
    // The official image's VOLUME holds nothing of the instance: clones get it as an empty tmpfs.
    expect(data.volumes).toEqual(['/var/lib/mysql']);
  });

  it('starts a clone that answers queries across its databases, with its own password', async () => {
    const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
    try {
      expect(clone.engine).toBe('mariadb');
      expect(clone.connection.host).toBe('127.0.0.1');
      expect(clone.connection.databases.map((db) => db.jdbcUrl)).toEqual([
        `jdbc:mariadb://127.0.0.1:${clone.connection.port}/inventory`,
        `jdbc:mariadb://127.0.0.1:${clone.connection.port}/sales`,
      ]);
      const [cross] = await query<{ sold: string; order_lines: number; masked: number }>(
        clone,
        'inventory',
        `SELECT (SELECT SUM(sold) FROM product_sales) AS sold,
                (SELECT count(*) FROM sales.order_values) AS order_lines,
                (SELECT count(*) FROM sales.orders WHERE customer_email LIKE '%@example.invalid') AS masked`,
      );
      expect(Number(cross?.sold)).toBeGreaterThan(1500);
      expect(cross).toMatchObject({ order_lines: 1500, masked: 1500 });
      // The login from outside takes the clone's password only.
      await expect(
        mysql.createConnection({
          host: '127.0.0.1',
          port: clone.connection.port,
          user: 'root',
          password: 'not-the-password',
        }),
      ).rejects.toThrow(/Access denied/);
      // The application user made by a setup script works too, with the rights an after script gave.
      const app = await mysql.createConnection({
        host: '127.0.0.1',
        port: clone.connection.port,
        user: 'warehouse_app',
        password: 'app-password-for-tests-only',
        database: 'sales',
      });
      const [rows] = await app.query('SELECT count(*) AS n FROM orders');
      await app.end();
      expect(rows).toEqual([{ n: 1500 }]);
    } finally {
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
    }
  });

  it('resets a clone to the image state with the same port and password, and a foreign key across databases holds', async () => {
    const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
    try {
      await query(clone, 'sales', 'DELETE FROM orders WHERE id <= 100');
      await expect(query(clone, 'inventory', 'DELETE FROM products')).rejects.toThrow(/foreign key/i);
      expect(await query(clone, 'sales', 'SELECT count(*) AS n FROM orders')).toEqual([{ n: 1400 }]);
      const { clone: reset } = await resetClone({ host: t.host, reporter: t.reporter, name: clone.name });
      expect(reset.connection.port).toBe(clone.connection.port);
      expect(reset.connection.password).toBe(clone.connection.password);
      expect(await query(reset, 'sales', 'SELECT count(*) AS n FROM orders')).toEqual([{ n: 1500 }]);
    } finally {
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
    }
  });

  it('provision, migrate in dependency order, test, reset and teardown, as for PostgreSQL', async () => {
    const job: Job = { host: t.host, reporter: t.reporter, owner: `${t.owner}-mariadb` };
    const log = path.join(await mkdtemp(path.join(os.tmpdir(), 'dataclone-flyway-')), 'calls.jsonl');
    process.env.DATACLONE_FLYWAY_STANDIN_LOG = log;
    try {
      const { clones } = await provision(job, { image });
      const clone = clones[0]!;
      const migrated = await migrate(job, { migrations: MIGRATIONS, flyway: { executable: FLYWAY } });
      expect(migrated.success).toBe(true);
      expect(migrated.databases.map((db) => [db.database, db.migrations.map((m) => m.version)])).toEqual([
        ['inventory', ['2']],
        ['sales', ['2']],
      ]);
      const calls = (await readFile(log, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { argv: string[]; env: string[] });
      // Flyway gets MariaDB's JDBC URL (no password in it) in dependency order.
      expect(calls.map((call) => call.argv.find((arg) => arg.startsWith('-url=')))).toEqual([
        `-url=jdbc:mariadb://127.0.0.1:${clone.connection.port}/inventory`,
        `-url=jdbc:mariadb://127.0.0.1:${clone.connection.port}/sales`,
      ]);
      for (const call of calls) {
        expect(call.argv.join(' ')).not.toContain(clone.connection.password);
        expect(call.env).toContain('FLYWAY_PASSWORD');
      }

      const tested = await runTests(job, { command: [process.execPath, '-e', CHECK_BOTH], cwd: ROOT });
      expect(tested).toMatchObject({ exitCode: 0, passed: true });

      await resetJob(job);
      await expect(query(clone, 'inventory', 'SELECT reorder_level FROM products LIMIT 1')).rejects.toThrow(
        /reorder_level/,
      );
      const removed = await teardown(job);
      expect(removed.removed).toEqual([clone.name]);
      expect(await t.host.findContainers({ 'dataclone.owner': job.owner })).toEqual([]);
    } finally {
      delete process.env.DATACLONE_FLYWAY_STANDIN_LOG;
      await rm(path.dirname(log), { recursive: true, force: true });
      await teardown(job);
    }
  });

  it("runs an afterMigrate callback with ${flyway:defaultSchema} as MariaDB's database", async () => {
    const job: Job = { host: t.host, reporter: t.reporter, owner: `${t.owner}-mariadb-callback` };
    const folder = await mkdtemp(path.join(os.tmpdir(), 'dataclone-mariadb-callbacks-'));
    await writeFile(
      path.join(folder, 'V2__add_flag.sql'),
      'ALTER TABLE orders ADD COLUMN flagged boolean;\n',
    );
    await writeFile(
      path.join(folder, 'afterMigrate__record.sql'),
      "CREATE TABLE ${flyway:defaultSchema}.after_migrate AS SELECT '${flyway:defaultSchema}' AS schema_name, '${flyway:database}' AS db;\n",
    );
    try {
      const [clone] = (await provision(job, { image })).clones;
      const migrated = await migrate(job, {
        migrations: { sales: [folder] },
        flyway: { executable: FLYWAY },
      });
      expect(migrated.success).toBe(true);
      expect(await query(clone!, 'sales', 'SELECT schema_name, db FROM after_migrate')).toEqual([
        { schema_name: 'sales', db: 'sales' },
      ]);
    } finally {
      await teardown(job);
      await rm(folder, { recursive: true, force: true });
    }
  });

  describe('bad input', () => {
    it('a dump that fails half way: the build names the step and the server error, and leaves nothing', async () => {
      const folder = await writeDefinitionFolder({
        'dataclone.yaml': `name: broken\nengine: mariadb\nversion: "${VERSION}"\ndatabases:\n  - name: a\n    source: a.sql\n  - name: b\n    source: b.sql\n    dependsOn: [a]\n`,
        'a.sql': 'CREATE TABLE t (id int PRIMARY KEY);\nINSERT INTO t VALUES (1);\n',
        'b.sql': 'CREATE VIEW v AS SELECT * FROM a.no_such_table;\n',
      });
      try {
        const before = await t.snapshot();
        const tag = t.imageTag('broken');
        const error = await buildImage({
          host: t.host,
          reporter: t.reporter,
          definition: await loadImageDefinition(folder.definition),
          tag,
        }).catch((e: unknown) => e as Error);
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).message).toContain('image build failed at step "restore database b"');
        expect((error as Error).message).toMatch(/no_such_table.*doesn't exist/);
        expect(await t.snapshot()).toEqual(before);
      } finally {
        await folder.remove();
      }
    });
  });
});
