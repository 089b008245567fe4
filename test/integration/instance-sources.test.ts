import { gzipSync } from 'node:zlib';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clone } from '../../src/clones/clone.js';
import { createClone } from '../../src/clones/create-clone.js';
import { removeClone } from '../../src/clones/remove-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import { readDataImage } from '../../src/images/data-image.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { query } from '../support/query.js';
import { startSourceServer, type SourceServer } from '../support/source-server.js';
import { useTestHost } from '../support/test-host.js';

const t = useTestHost();
const folders: (() => Promise<void>)[] = [];

afterAll(async () => {
  await Promise.all(folders.splice(0).map((remove) => remove()));
  await t.cleanup();
});

async function build(name: string, files: Record<string, string | Buffer>) {
  const folder = await writeDefinitionFolder(files);
  folders.push(folder.remove);
  const definition = await loadImageDefinition(folder.definition);
  const tag = t.imageTag(name);
  const built = await buildImage({ host: t.host, reporter: t.reporter, definition, tag });
  return { tag, built, definition };
}

async function withClone<T>(image: string, use: (clone: Clone) => Promise<T>): Promise<T> {
  const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
  try {
    return await use(clone);
  } finally {
    await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
  }
}

/** Whether a login with this user and password gets into the clone from outside. */
async function postgresAccepts(clone: Clone, user: string, password: string): Promise<boolean> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port: clone.connection.port,
    user,
    password,
    database: 'postgres',
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

describe('PostgreSQL sources made by pg_dump --create and pg_dumpall', () => {
  let server: SourceServer;
  const dumps: Record<string, string> = {};

  beforeAll(async () => {
    server = await startSourceServer(t.host, {
      image: 'postgres:15',
      engine: 'postgres',
      owner: t.owner,
      name: t.cloneName('prod-pg'),
    });
    await server.sql(`
      ALTER ROLE postgres PASSWORD 'production-postgres-password';
      CREATE ROLE app_owner LOGIN PASSWORD 'production-app-password';
      CREATE ROLE admin SUPERUSER LOGIN PASSWORD 'production-admin-password';
      CREATE ROLE readers NOLOGIN;
      GRANT readers TO app_owner;
      CREATE DATABASE shop OWNER app_owner;
      CREATE DATABASE ledger;
    `);
    await server.sql(
      `SET ROLE app_owner;
       CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL);
       INSERT INTO customers SELECT g, 'customer' || g || '@example.com' FROM generate_series(1, 250) g;
       GRANT SELECT ON customers TO readers;`,
      'shop',
    );
    await server.sql(
      `CREATE TABLE entries (id int PRIMARY KEY, amount numeric NOT NULL);
       INSERT INTO entries SELECT g, g * 1.5 FROM generate_series(1, 40) g;`,
      'ledger',
    );
    const pgDump = ['pg_dump', '-h', '/tmp', '-U', 'postgres'];
    dumps.create = await server.dump([...pgDump, '--create', '--clean', '--if-exists', 'shop']);
    dumps.all = await server.dump(['pg_dumpall', '-h', '/tmp', '-U', 'postgres']);
    dumps.allByAdmin = await server.dump([
      'pg_dumpall',
      '-h',
      '/tmp',
      '-U',
      'admin',
      '-l',
      'postgres',
      '--clean',
      '--if-exists',
    ]);
  });

  afterAll(async () => {
    await server?.[Symbol.asyncDispose]();
  });

  it('restores a pg_dump --create --clean dump as the database it creates, run from the maintenance database', async () => {
    expect(dumps.create).toMatch(/^DROP DATABASE IF EXISTS shop;$/m);
    const { tag } = await build('pg-create', {
      'dataclone.yaml':
        'name: pg-create\nengine: postgres\nversion: "15"\nsetup: [roles.sql]\ndatabases:\n  - name: shop\n    source: shop.sql.gz\n',
      'roles.sql': 'CREATE ROLE app_owner;\nCREATE ROLE readers;\n',
      'shop.sql.gz': gzipSync(dumps.create ?? ''),
    });
    expect((await readDataImage(t.host, tag)).databases).toEqual([{ name: 'shop', dependsOn: [] }]);
    await withClone(tag, async (clone) => {
      expect(await query(clone, 'shop', 'SELECT count(*)::int AS n FROM customers')).toEqual([{ n: 250 }]);
      expect(
        await query(
          clone,
          'shop',
          'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()',
        ),
      ).toEqual([{ owner: 'app_owner' }]);
    });
  });

  it('names the file, the line and the role a dump needs, and the setup script that would create it', async () => {
    const failed = build('pg-create-no-role', {
      'dataclone.yaml':
        'name: pg-create-no-role\nengine: postgres\nversion: "15"\ndatabases:\n  - name: shop\n    source: shop.sql\n',
      'shop.sql': dumps.create ?? '',
    });
    await expect(failed).rejects.toThrow(
      /psql:\/.*\/shop\.sql:\d+: ERROR: {2}role "app_owner" does not exist/,
    );
    await expect(failed).rejects.toMatchObject({
      hint: expect.stringMatching(/create it in a setup script \(CREATE ROLE app_owner;\)/),
    });
  });

  it('restores a pg_dumpall dump as the instance: its databases found, listed entries kept, its roles there without their passwords', async () => {
    const { tag, built } = await build('pg-dumpall', {
      'dataclone.yaml': `name: pg-dumpall
engine: postgres
version: "15"
instance:
  source: backups/prod.dumpall.sql
databases:
  - name: shop
after:
  - script: mask.sql
    database: shop
`,
      'backups/prod.dumpall.sql': dumps.all ?? '',
      'mask.sql': "UPDATE customers SET email = 'customer' || id || '@masked.invalid';\n",
    });
    const image = await readDataImage(t.host, tag);
    expect(image.databases).toEqual([
      { name: 'ledger', dependsOn: [] },
      { name: 'shop', dependsOn: [] },
    ]);
    expect(image.primaryDatabase).toBe('shop');
    expect(built.databases).toEqual(['ledger', 'shop']);
    expect(t.reporter.lines.join('\n')).toMatch(
      /brought 2 database\(s\): ledger, shop; 3 login\(s\) it brought now have no password/,
    );
    await withClone(tag, async (clone) => {
      expect(
        await query(
          clone,
          'shop',
          "SELECT count(*)::int AS n FROM customers WHERE email LIKE '%@masked.invalid'",
        ),
      ).toEqual([{ n: 250 }]);
      expect(await query(clone, 'ledger', 'SELECT sum(amount)::text AS total FROM entries')).toEqual([
        { total: '1230.0' },
      ]);
      expect(
        await query(
          clone,
          'shop',
          "SELECT rolname FROM pg_roles WHERE rolname IN ('admin', 'app_owner', 'readers') ORDER BY 1",
        ),
      ).toEqual([{ rolname: 'admin' }, { rolname: 'app_owner' }, { rolname: 'readers' }]);
      expect(
        await query(clone, 'shop', 'SELECT count(*)::int AS n FROM pg_authid WHERE rolpassword IS NOT NULL'),
      ).toEqual([{ n: 1 }]);
      expect(await postgresAccepts(clone, 'postgres', 'production-postgres-password')).toBe(false);
      expect(await postgresAccepts(clone, 'app_owner', 'production-app-password')).toBe(false);
      expect(await postgresAccepts(clone, 'admin', 'production-admin-password')).toBe(false);
      expect(await postgresAccepts(clone, 'postgres', clone.connection.password)).toBe(true);
    });
  });

  it('restores a pg_dumpall --clean dump taken by another superuser, which creates and drops postgres too', async () => {
    // pg_dumpall counts on CREATE ROLE failing harmlessly for roles that exist; here it would stop the restore.
    expect(dumps.all).toMatch(/^CREATE ROLE postgres;$/m);
    expect(dumps.allByAdmin).toMatch(/^DROP ROLE IF EXISTS postgres;$/m);
    const { tag } = await build('pg-dumpall-admin', {
      'dataclone.yaml':
        'name: pg-dumpall-admin\nengine: postgres\nversion: "15"\ninstance:\n  source: all.sql.gz\n',
      'all.sql.gz': gzipSync(dumps.allByAdmin ?? ''),
    });
    await withClone(tag, async (clone) => {
      expect(clone.connection.primaryDatabase).toBe('ledger');
      expect(await query(clone, 'shop', "SELECT rolsuper FROM pg_roles WHERE rolname = 'admin'")).toEqual([
        { rolsuper: true },
      ]);
      expect(await query(clone, 'shop', 'SELECT count(*)::int AS n FROM customers')).toEqual([{ n: 250 }]);
    });
  });

  it('fails, naming the entry, when an entry without source names a database the instance source did not bring', async () => {
    await expect(
      build('pg-dumpall-missing', {
        'dataclone.yaml':
          'name: pg-dumpall-missing\nengine: postgres\nversion: "15"\ninstance:\n  source: all.sql\ndatabases:\n  - name: shopp\n',
        'all.sql': dumps.all ?? '',
      }),
    ).rejects.toThrow(
      /databases: 'shopp' has no source and is not among the databases all\.sql brought \(ledger, shop\); did you mean 'shop'\?/,
    );
    // Other test files may run on the same Docker Engine: look for this build's own leftovers.
    const containers = await t.docker.listContainers({ all: true });
    expect(containers.flatMap((c) => c.Names).filter((name) => name.includes('pg-dumpall-missing'))).toEqual(
      [],
    );
    expect(
      await t.docker.listImages({ filters: { reference: ['dataclone-test/pg-dumpall-missing'] } }),
    ).toEqual([]);
  });
});

describe('MariaDB sources made by mysqldump --databases and --all-databases', () => {
  let server: SourceServer;
  const dumps: Record<string, string> = {};

  beforeAll(async () => {
    server = await startSourceServer(t.host, {
      image: 'mariadb:10.11',
      engine: 'mariadb',
      owner: t.owner,
      name: t.cloneName('prod-maria'),
    });
    await server.sql(`
      CREATE DATABASE sales;
      CREATE DATABASE inventory;
      CREATE TABLE inventory.products (id int PRIMARY KEY, name varchar(40) NOT NULL);
      INSERT INTO inventory.products VALUES (1, 'lamp'), (2, 'desk'), (3, 'chair');
      CREATE TABLE sales.orders (id int PRIMARY KEY, product int NOT NULL, FOREIGN KEY (product) REFERENCES inventory.products (id));
      INSERT INTO sales.orders VALUES (10, 1), (11, 1), (12, 3);
      CREATE USER 'sales_app'@'%' IDENTIFIED BY 'production-app-password';
      GRANT SELECT ON sales.* TO 'sales_app'@'%';
      ALTER USER 'root'@'localhost' IDENTIFIED BY 'production-root-password';
    `);
    const mysqldump = [
      'sh',
      '-c',
      '"$(command -v mariadb-dump || command -v mysqldump)" --no-defaults --socket=/tmp/dataclone-mysqld.sock -uroot -pproduction-root-password "$@"',
      'sh',
    ];
    dumps.sales = await server.dump([...mysqldump, '--add-drop-database', '--databases', 'sales']);
    dumps.all = await server.dump([...mysqldump, '--all-databases']);
  });

  afterAll(async () => {
    await server?.[Symbol.asyncDispose]();
  });

  it('restores mysqldump --databases --add-drop-database as the database it creates', async () => {
    const { tag, definition } = await build('maria-databases', {
      'dataclone.yaml':
        'name: maria-databases\nengine: mariadb\nversion: "10.11"\ndatabases:\n  - name: inventory\n    source: inventory.sql\n  - name: sales\n    source: sales.sql\n    dependsOn: [inventory]\n',
      'inventory.sql':
        "CREATE TABLE products (id int PRIMARY KEY, name varchar(40) NOT NULL);\nINSERT INTO products VALUES (1, 'lamp'), (2, 'desk'), (3, 'chair');\n",
      'sales.sql': dumps.sales ?? '',
    });
    expect(definition.databases[1]?.source).toMatchObject({ kind: 'sql', createsDatabase: true });
    await withClone(tag, async (clone) => {
      expect(await query(clone, 'sales', 'SELECT count(*) AS n FROM orders')).toEqual([{ n: 3 }]);
    });
  });

  it('restores mysqldump --all-databases as the instance: its databases found, its accounts locked, root reached with the clone password', async () => {
    const { tag } = await build('maria-all', {
      'dataclone.yaml':
        'name: maria-all\nengine: mariadb\nversion: "10.11"\ninstance:\n  source: all.sql\nprimary: sales\n',
      'all.sql': dumps.all ?? '',
    });
    const image = await readDataImage(t.host, tag);
    expect(image.databases.map((db) => db.name)).toEqual(['inventory', 'sales']);
    expect(image.primaryDatabase).toBe('sales');
    await withClone(tag, async (clone) => {
      expect(
        await query(
          clone,
          'sales',
          'SELECT count(*) AS n FROM orders JOIN inventory.products p ON p.id = orders.product',
        ),
      ).toEqual([{ n: 3 }]);
      await expect(
        mysql.createConnection({
          host: '127.0.0.1',
          port: clone.connection.port,
          user: 'sales_app',
          password: 'production-app-password',
        }),
      ).rejects.toThrow(/locked|Access denied/i);
      await expect(
        mysql.createConnection({
          host: '127.0.0.1',
          port: clone.connection.port,
          user: 'root',
          password: 'production-root-password',
        }),
      ).rejects.toThrow(/Access denied/);
      expect(
        await query(clone, 'sales', "SELECT count(*) AS n FROM mysql.user WHERE User = 'sales_app'"),
      ).toEqual([{ n: 1 }]);
    });
  });
});
