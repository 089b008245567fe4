import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clone } from '../../src/clones/clone.js';
import { createClone } from '../../src/clones/create-clone.js';
import { removeClone } from '../../src/clones/remove-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { Labels } from '../../src/docker/labels.js';
import { buildImage } from '../../src/images/build-image.js';
import { readDataImage } from '../../src/images/data-image.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { query } from '../support/query.js';
import { RecordingReporter } from '../support/recording-reporter.js';
import { startSourceServer, type SourceServer } from '../support/source-server.js';
import { useTestHost } from '../support/test-host.js';

/**
 * Live sources against real servers: a second container of the base image stands in for a
 * production replica on a private Docker network, which the build container joins and reaches
 * by the server's container name. This process only ever talks to the Docker Engine and to
 * clones on 127.0.0.1.
 */
const t = useTestHost();
const folders: (() => Promise<void>)[] = [];
let network = '';

// Quotes, a backslash, # and ; : what a shell, an option file or a URL would get wrong.
const PG_PASSWORD = `pg-live-"pa\\ss#;'word`;
const MARIADB_PASSWORD = `maria-live-"pa\\ss#;'word`;
process.env.DATACLONE_TEST_LIVE_USER = 'reader';
process.env.DATACLONE_TEST_PG_PASSWORD = PG_PASSWORD;
process.env.DATACLONE_TEST_MARIADB_PASSWORD = MARIADB_PASSWORD;
process.env.DATACLONE_TEST_WRONG_PASSWORD = 'not-the-live-password';

beforeAll(async () => {
  network = t.cloneName('live-net');
  await t.host.createNetwork(network, { [Labels.owner]: t.owner });
});

afterAll(async () => {
  await Promise.all(folders.splice(0).map((remove) => remove()));
  await t.cleanup();
});

async function build(name: string, yaml: string, reporter = t.reporter) {
  const folder = await writeDefinitionFolder({ 'dataclone.yaml': yaml });
  folders.push(folder.remove);
  const tag = t.imageTag(name);
  const built = await buildImage({
    host: t.host,
    reporter,
    definition: await loadImageDefinition(folder.definition),
    tag,
    network,
  });
  return { tag, built };
}

async function withClone<T>(image: string, use: (clone: Clone) => Promise<T>): Promise<T> {
  const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
  try {
    return await use(clone);
  } finally {
    await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
  }
}

/** A failed build left no container of its own, no image under its name and no volume. */
async function expectNothingLeftBy(name: string) {
  const containers = await t.docker.listContainers({ all: true });
  expect(containers.flatMap((c) => c.Names).filter((n) => n.includes(`dataclone-build-${name}-`))).toEqual(
    [],
  );
  expect(await t.docker.listImages({ filters: { reference: [`dataclone-test/${name}`] } })).toEqual([]);
  const { Volumes } = await t.docker.listVolumes({ filters: { dangling: ['true'] } });
  const own = await Promise.all(
    (Volumes ?? []).map(async (volume) => (await t.docker.getVolume(volume.Name).inspect()).Labels ?? {}),
  );
  expect(own.filter((labels) => labels[Labels.owner] === t.owner)).toEqual([]);
}

/** Everything a build told its reporter, and the error it failed with. */
function everythingSaid(reporter: RecordingReporter, error: unknown): string {
  const { message, hint } = error as { message: string; hint?: string };
  return [...reporter.lines, ...reporter.progressUpdates.map((u) => u.task), message, hint ?? ''].join('\n');
}

describe('PostgreSQL live sources', () => {
  let server: SourceServer;
  let host = '';

  beforeAll(async () => {
    host = t.cloneName('pg-replica');
    server = await startSourceServer(t.host, {
      image: 'postgres:15',
      engine: 'postgres',
      owner: t.owner,
      name: host,
      network,
    });
    await server.sql(
      `CREATE ROLE reader LOGIN SUPERUSER PASSWORD ${pgLiteral(PG_PASSWORD)};
       CREATE ROLE app_owner LOGIN PASSWORD 'production-app-password';
       CREATE DATABASE orders OWNER app_owner;
       CREATE DATABASE ledger;`,
    );
    await server.sql(
      `SET ROLE app_owner;
       CREATE TABLE orders (id int PRIMARY KEY, total numeric NOT NULL);
       INSERT INTO orders SELECT g, g * 2.5 FROM generate_series(1, 20000) g;`,
      'orders',
    );
    await server.sql(
      'CREATE TABLE entries (id int PRIMARY KEY); INSERT INTO entries VALUES (1), (2);',
      'ledger',
    );
  });

  afterAll(async () => {
    await server?.[Symbol.asyncDispose]();
  });

  it('builds a database from a live server, with the credentials from the environment, reporting the bytes it streamed', async () => {
    const reporter = new RecordingReporter();
    const { tag, built } = await build(
      'live-pg',
      `name: live-pg
engine: postgres
version: "15"
databases:
  - name: shop
    source:
      url: postgresql://${host}:5432/orders
      userEnv: DATACLONE_TEST_LIVE_USER
      passwordEnv: DATACLONE_TEST_PG_PASSWORD
`,
      reporter,
    );
    expect(built.databases).toEqual(['shop']);
    expect(reporter.secrets).toContain(PG_PASSWORD);
    const streamed = reporter.progressUpdates.filter((u) => u.task === 'restore database shop');
    expect(streamed.at(-1)).toMatchObject({ unit: 'bytes', done: expect.any(Number) });
    expect(streamed.at(-1)!.done).toBeGreaterThan(200_000);
    expect(reporter.lines.join('\n')).toMatch(
      new RegExp(`Dumped [\\d.]+ KB from postgresql://${host}:5432/orders`),
    );
    expect(everythingSaid(reporter, {})).not.toContain(PG_PASSWORD);
    await withClone(tag, async (clone) => {
      expect(
        await query(clone, 'shop', 'SELECT count(*)::int AS n, sum(total)::text AS s FROM orders'),
      ).toEqual([{ n: 20000, s: '500025000.0' }]);
      // --no-owner: the dump restores without the source's roles, owned by postgres.
      expect(
        await query(clone, 'shop', "SELECT tableowner FROM pg_tables WHERE tablename = 'orders'"),
      ).toEqual([{ tableowner: 'postgres' }]);
    });
  });

  it('builds the instance from a whole live server: its databases found, its roles there without passwords', async () => {
    const { tag, built } = await build(
      'live-pg-instance',
      `name: live-pg-instance
engine: postgres
version: "15"
instance:
  source:
    url: postgresql://${host}:5432
    userEnv: DATACLONE_TEST_LIVE_USER
    passwordEnv: DATACLONE_TEST_PG_PASSWORD
primary: orders
`,
    );
    expect(built.databases).toEqual(['ledger', 'orders']);
    expect((await readDataImage(t.host, tag)).primaryDatabase).toBe('orders');
    await withClone(tag, async (clone) => {
      expect(await query(clone, 'orders', 'SELECT count(*)::int AS n FROM orders')).toEqual([{ n: 20000 }]);
      expect(await query(clone, 'ledger', 'SELECT count(*)::int AS n FROM entries')).toEqual([{ n: 2 }]);
      expect(
        await query(
          clone,
          'orders',
          "SELECT rolname, rolpassword IS NULL AS no_password FROM pg_authid WHERE rolname IN ('reader', 'app_owner') ORDER BY 1",
        ),
      ).toEqual([
        { rolname: 'app_owner', no_password: true },
        { rolname: 'reader', no_password: true },
      ]);
      expect(
        await query(clone, 'orders', "SELECT tableowner FROM pg_tables WHERE tablename = 'orders'"),
      ).toEqual([{ tableowner: 'app_owner' }]);
    });
  });

  it('fails in one error naming the host and port, never the password, when the server refuses the credentials', async () => {
    const reporter = new RecordingReporter();
    const failed = await build(
      'live-pg-refused',
      `name: live-pg-refused
engine: postgres
version: "15"
databases:
  - name: shop
    source:
      url: postgresql://reader@${host}:5432/orders
      passwordEnv: DATACLONE_TEST_WRONG_PASSWORD
`,
      reporter,
    ).catch((error: unknown) => error);
    expect(failed).toMatchObject({
      message: expect.stringMatching(
        new RegExp(
          `databases\\[0\\]\\.source: could not dump postgresql://reader@${host}:5432/orders \\(host ${host}, port 5432\\) as user 'reader':\\n.*password authentication failed for user "reader"`,
        ),
      ),
      hint: expect.stringMatching(/the password in DATACLONE_TEST_WRONG_PASSWORD/),
    });
    expect(everythingSaid(reporter, failed)).not.toContain('not-the-live-password');
    await expectNothingLeftBy('live-pg-refused');
  });

  it('fails before it starts any container when the variable holding the password is not set', async () => {
    const reporter = new RecordingReporter();
    await expect(
      build(
        'live-pg-unset',
        `name: live-pg-unset\nengine: postgres\nversion: "15"\ndatabases:\n  - name: shop\n    source:\n      url: postgresql://reader@${host}/orders\n      passwordEnv: DATACLONE_TEST_NOT_SET\n`,
        reporter,
      ),
    ).rejects.toThrow(
      /databases\[0\]\.source\.passwordEnv: the environment variable DATACLONE_TEST_NOT_SET is not set/,
    );
    // The build's log group opens once its container runs.
    expect(reporter.groups).toEqual([]);
    await expectNothingLeftBy('live-pg-unset');
  });

  it('fails in one error naming the host and port when the server cannot be reached', async () => {
    const failed = await build(
      'live-pg-unreachable',
      `name: live-pg-unreachable
engine: postgres
version: "15"
databases:
  - name: shop
    source:
      url: postgresql://reader@${host}-gone:5439/orders
      passwordEnv: DATACLONE_TEST_PG_PASSWORD
`,
    ).catch((error: unknown) => error);
    expect(failed).toMatchObject({
      message: expect.stringMatching(new RegExp(`could not dump .* \\(host ${host}-gone, port 5439\\)`)),
    });
    expect(everythingSaid(t.reporter, failed)).not.toContain(PG_PASSWORD);
    await expectNothingLeftBy('live-pg-unreachable');
  });
});

describe('MariaDB live sources', () => {
  let server: SourceServer;
  let host = '';

  beforeAll(async () => {
    host = t.cloneName('maria-replica');
    server = await startSourceServer(t.host, {
      image: 'mariadb:10.11',
      engine: 'mariadb',
      owner: t.owner,
      name: host,
      network,
    });
    await server.sql(`
      CREATE DATABASE sales;
      CREATE TABLE sales.orders (id int PRIMARY KEY, note varchar(40) NOT NULL);
      INSERT INTO sales.orders SELECT seq, CONCAT('order ', seq) FROM sales.seq_1_to_5000;
      CREATE VIEW sales.first_orders AS SELECT id FROM sales.orders WHERE id <= 10;
      CREATE DATABASE stock;
      CREATE TABLE stock.items (id int PRIMARY KEY);
      INSERT INTO stock.items VALUES (1), (2), (3);
      CREATE USER 'reader'@'%' IDENTIFIED BY ${sqlLiteral(MARIADB_PASSWORD)};
      GRANT SELECT, SHOW VIEW, TRIGGER, EVENT, LOCK TABLES, RELOAD ON *.* TO 'reader'@'%';
      GRANT SELECT ON mysql.* TO 'reader'@'%';
    `);
  });

  afterAll(async () => {
    await server?.[Symbol.asyncDispose]();
  });

  it('builds a database from a live server with mariadb-dump, the password in a defaults file of the dump', async () => {
    const reporter = new RecordingReporter();
    const { tag } = await build(
      'live-maria',
      `name: live-maria
engine: mariadb
version: "10.11"
databases:
  - name: sales
    source:
      url: mysql://reader@${host}:3306
      passwordEnv: DATACLONE_TEST_MARIADB_PASSWORD
`,
      reporter,
    );
    expect(everythingSaid(reporter, {})).not.toContain(MARIADB_PASSWORD);
    expect(reporter.progressUpdates.at(-1)).toMatchObject({ task: 'restore database sales', unit: 'bytes' });
    await withClone(tag, async (clone) => {
      expect(await query(clone, 'sales', 'SELECT count(*) AS n FROM orders')).toEqual([{ n: 5000 }]);
      expect(await query(clone, 'sales', 'SELECT count(*) AS n FROM first_orders')).toEqual([{ n: 10 }]);
    });
  });

  it('builds the instance from a whole live server (mysqldump --all-databases), its accounts locked', async () => {
    const { tag, built } = await build(
      'live-maria-instance',
      `name: live-maria-instance
engine: mariadb
version: "10.11"
instance:
  source:
    url: mysql://${host}
    userEnv: DATACLONE_TEST_LIVE_USER
    passwordEnv: DATACLONE_TEST_MARIADB_PASSWORD
`,
    );
    expect(built.databases).toEqual(['sales', 'stock']);
    await withClone(tag, async (clone) => {
      expect(await query(clone, 'stock', 'SELECT count(*) AS n FROM items')).toEqual([{ n: 3 }]);
      await expect(
        mysql.createConnection({
          host: '127.0.0.1',
          port: clone.connection.port,
          user: 'reader',
          password: MARIADB_PASSWORD,
        }),
      ).rejects.toThrow(/locked|Access denied/i);
    });
  });

  it('fails in one error naming the host and port, never the password, when the server refuses the credentials', async () => {
    const reporter = new RecordingReporter();
    const failed = await build(
      'live-maria-refused',
      `name: live-maria-refused
engine: mariadb
version: "10.11"
databases:
  - name: sales
    source:
      url: mysql://reader@${host}:3306/sales
      passwordEnv: DATACLONE_TEST_WRONG_PASSWORD
`,
      reporter,
    ).catch((error: unknown) => error);
    expect(failed).toMatchObject({
      message: expect.stringMatching(
        new RegExp(
          `could not dump mysql://reader@${host}:3306/sales \\(host ${host}, port 3306\\)[^]*Access denied`,
        ),
      ),
    });
    expect(everythingSaid(reporter, failed)).not.toContain('not-the-live-password');
    await expectNothingLeftBy('live-maria-refused');
  });
});

function pgLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function sqlLiteral(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}
