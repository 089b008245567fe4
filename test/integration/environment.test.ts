import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clone } from '../../src/clones/clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { environmentMigrations } from '../../src/environments/environment-migrations.js';
import { loadEnvironment } from '../../src/environments/load-environment.js';
import { buildImage } from '../../src/images/build-image.js';
import type { Job } from '../../src/pipeline/job.js';
import { migrate } from '../../src/pipeline/migrate.js';
import { provision } from '../../src/pipeline/provision.js';
import { resetJob } from '../../src/pipeline/reset.js';
import { runTests } from '../../src/pipeline/run-tests.js';
import { teardown } from '../../src/pipeline/teardown.js';
import { SAMPLE_DEFINITION } from '../support/fixtures.js';
import { query } from '../support/query.js';
import { RecordingReporter } from '../support/recording-reporter.js';
import { useTestHost } from '../support/test-host.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WAREHOUSE_DEFINITION = path.join(ROOT, 'examples/warehouse/dataclone.yaml');
const FLYWAY = path.join(ROOT, 'test/flyway-standin/flyway');

/** A test that reaches both instances through the variables the test step hands over. */
const CHECK_BOTH = `
const pg = require('pg');
const mysql = require('mysql2/promise');
(async () => {
  const shop = new pg.Client({ connectionString: process.env.DATACLONE_SHOP_DATABASE_URL });
  await shop.connect();
  const customers = (await shop.query('SELECT count(*)::int AS n FROM customers')).rows[0].n;
  await shop.end();
  const warehouse = await mysql.createConnection(process.env.DATACLONE_WAREHOUSE_DATABASE_URL);
  const [[orders]] = await warehouse.query('SELECT count(*) AS n FROM orders');
  await warehouse.end();
  console.log(JSON.stringify({ customers, orders: orders.n, primary: process.env.DATABASE_URL.split(':')[0] }));
})().catch((error) => { console.error(error.message); process.exit(2); });
`;

const t = useTestHost();
let shopImage: string;
let warehouseImage: string;
let folder: string;

async function writeEnvironment(name: string, text: string): Promise<string> {
  const file = path.join(folder, `${name}.yaml`);
  await writeFile(file, text);
  return file;
}

function job(suffix: string): Job {
  return { host: t.host, reporter: t.reporter, owner: `${t.owner}-${suffix}` };
}

/** What one instance sees of another by its name on the environment's network. */
async function reach(from: Clone, name: string, port: number): Promise<string> {
  const result = await t.host.exec(from.containerId, [
    'bash',
    '-c',
    `exec 3<>/dev/tcp/${name}/${port} && timeout 2 head -c 64 <&3 | tr -c '[:print:]' ' '`,
  ]);
  return `${result.exitCode} ${result.stdout}`;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'dataclone-environment-'));
  shopImage = t.imageTag('env-shop');
  warehouseImage = t.imageTag('env-warehouse');
  await Promise.all([
    buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(SAMPLE_DEFINITION),
      tag: shopImage,
    }),
    buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(WAREHOUSE_DEFINITION),
      tag: warehouseImage,
    }),
  ]);
});

afterAll(async () => {
  await t.cleanup();
  await rm(folder, { recursive: true, force: true });
});

describe('environments: a PostgreSQL and a MariaDB instance as one unit', () => {
  it('provisions both on a network of their own, hands both to the tests, migrates, resets both and tears down all', async () => {
    const file = await writeEnvironment(
      'shop-and-warehouse',
      `name: shop-and-warehouse
instances:
  - name: shop
    image: ${shopImage}
    definition: ${SAMPLE_DEFINITION}
  - name: warehouse
    image: ${warehouseImage}
    definition: ${WAREHOUSE_DEFINITION}
`,
    );
    const environment = await loadEnvironment(file);
    const j = job('env');
    try {
      const { clones } = await provision(j, { environment });
      expect(clones.map((clone) => [clone.instance, clone.engine])).toEqual([
        ['shop', 'postgres'],
        ['warehouse', 'mariadb'],
      ]);
      const [shop, warehouse] = clones as [Clone, Clone];
      // Each instance reaches the other by its name, as a linked server would.
      expect(await reach(shop, 'warehouse', 3306)).toMatch(/^0 .*MariaDB/);
      expect((await reach(warehouse, 'shop', 5432)).startsWith('0')).toBe(true);

      const tested = await runTests(j, { command: [process.execPath, '-e', CHECK_BOTH], cwd: ROOT });
      expect(tested.exitCode).toBe(0);

      const migrated = await migrate(j, {
        migrations: environmentMigrations(environment),
        flyway: { executable: FLYWAY },
      });
      expect(migrated.databases.map((db) => db.database)).toEqual([
        'customers',
        'orders',
        'inventory',
        'sales',
      ]);
      expect(migrated.success).toBe(true);

      await query(shop, 'orders', 'DELETE FROM orders');
      await query(warehouse, 'sales', 'DELETE FROM orders');
      const reset = await resetJob(j);
      expect(reset.clones.map((clone) => [clone.name, clone.connection.port])).toEqual(
        clones.map((clone) => [clone.name, clone.connection.port]),
      );
      const [orders] = await query<{ n: string }>(shop, 'orders', 'SELECT count(*) AS n FROM orders');
      const [sales] = await query<{ n: number }>(warehouse, 'sales', 'SELECT count(*) AS n FROM orders');
      expect([Number(orders?.n), sales?.n]).toEqual([2000, 1500]);
      await expect(query(warehouse, 'inventory', 'SELECT reorder_level FROM products')).rejects.toThrow(
        /reorder_level/,
      );
      // The reset instances are back on the network under their names.
      const [resetShop] = reset.clones as [Clone, Clone];
      expect(await reach(resetShop, 'warehouse', 3306)).toMatch(/^0 .*MariaDB/);

      const removed = await teardown(j);
      expect(removed.removed).toEqual(clones.map((clone) => clone.name).sort());
      expect(await t.host.findContainers({ 'dataclone.owner': j.owner })).toEqual([]);
      expect(await t.host.findNetworks({ 'dataclone.owner': j.owner })).toEqual([]);
    } finally {
      await teardown(j);
    }
  });

  it('hands every instance to the test command', async () => {
    const file = await writeEnvironment(
      'two',
      `name: two\ninstances:\n  - name: shop\n    image: ${shopImage}\n  - name: warehouse\n    image: ${warehouseImage}\n`,
    );
    const j = job('env-vars');
    const output = path.join(folder, 'vars.json');
    try {
      await provision(j, { environment: await loadEnvironment(file) });
      const tested = await runTests(j, {
        command: [
          process.execPath,
          '-e',
          `require('fs').writeFileSync(${JSON.stringify(output)}, JSON.stringify(process.env))`,
        ],
      });
      expect(tested.exitCode).toBe(0);
      const env = JSON.parse(await readFile(output, 'utf8')) as Record<string, string>;
      expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/.*\/customers$/);
      expect(env.DATACLONE_SHOP_JDBC_DATABASE_URL).toMatch(
        /^jdbc:postgresql:\/\/127\.0\.0\.1:\d+\/customers$/,
      );
      expect(env.DATACLONE_WAREHOUSE_JDBC_DATABASE_URL).toMatch(/^jdbc:mariadb:\/\/127\.0\.0\.1:\d+\/sales$/);
      expect(env.DATACLONE_WAREHOUSE_PASSWORD).toHaveLength(env.DATACLONE_SHOP_PASSWORD?.length ?? 0);
      expect(env.DATACLONE_WAREHOUSE_PASSWORD).not.toBe(env.DATACLONE_SHOP_PASSWORD);
      expect(env.DATACLONE_INVENTORY_URL).toMatch(/^mysql:\/\//);
      expect(env.DATACLONE_REPORTING_URL).toMatch(/^postgresql:\/\//);
    } finally {
      await teardown(j);
    }
  });

  it('gives two instances with the same databases a variable each, and no short one, with one warning per name', async () => {
    const file = await writeEnvironment(
      'twins',
      `name: twins\ninstances:\n  - name: shop\n    image: ${shopImage}\n  - name: shop-copy\n    image: ${shopImage}\n`,
    );
    const reporter = new RecordingReporter();
    const j = { ...job('env-twins'), reporter };
    const output = path.join(folder, 'twins.json');
    try {
      const { clones } = await provision(j, { environment: await loadEnvironment(file) });
      const [shop, copy] = clones as [Clone, Clone];
      const tested = await runTests(j, {
        command: [
          process.execPath,
          '-e',
          `require('fs').writeFileSync(${JSON.stringify(output)}, JSON.stringify(process.env))`,
        ],
      });
      expect(tested.exitCode).toBe(0);
      const env = JSON.parse(await readFile(output, 'utf8')) as Record<string, string>;
      expect(env.DATACLONE_SHOP_ORDERS_URL).toContain(`:${shop.connection.port}/orders`);
      expect(env.DATACLONE_SHOP_COPY_ORDERS_URL).toContain(`:${copy.connection.port}/orders`);
      expect(env.DATACLONE_SHOP_COPY_CUSTOMERS_JDBC_URL).toBe(
        `jdbc:postgresql://127.0.0.1:${copy.connection.port}/customers`,
      );
      expect(
        Object.keys(env).filter((name) => /^DATACLONE_(CUSTOMERS|ORDERS|REPORTING)_/.test(name)),
      ).toEqual([]);
      const warnings = reporter.lines.filter((line) => line.startsWith('warning: DATACLONE_'));
      expect(warnings).toHaveLength(shop.connection.databases.length);
      expect(warnings.find((line) => line.includes('DATACLONE_ORDERS_URL'))).toBe(
        "warning: DATACLONE_ORDERS_URL and DATACLONE_ORDERS_JDBC_URL are not set: database 'orders' of instance 'shop' and database 'orders' of instance 'shop-copy' would all be named so. Use DATACLONE_SHOP_ORDERS_URL and DATACLONE_SHOP_COPY_ORDERS_URL (and their _JDBC_URL).",
      );
    } finally {
      await teardown(j);
    }
  });

  describe('bad input', () => {
    it('an instance whose image does not exist: the unit does not start, and nothing is left', async () => {
      const file = await writeEnvironment(
        'broken',
        `name: broken\ninstances:\n  - name: shop\n    image: ${shopImage}\n  - name: ledger\n    image: dataclone-test/no-such-image:1\n`,
      );
      const j = job('env-broken');
      const before = await t.snapshot();
      await expect(provision(j, { environment: await loadEnvironment(file) })).rejects.toThrow(
        /environment broken: instance ledger did not start: .*no-such-image:1.*not found/,
      );
      expect(await t.snapshot()).toEqual(before);
    });
  });
});
