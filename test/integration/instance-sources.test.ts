import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
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

describe('PostgreSQL physical backups made by pg_basebackup', () => {
  let server: SourceServer;
  let backups: string;

  beforeAll(async () => {
    server = await startSourceServer(t.host, {
      image: 'postgres:15',
      engine: 'postgres',
      owner: t.owner,
      name: t.cloneName('prod-pg-physical'),
    });
    await server.sql(`
      ALTER ROLE postgres PASSWORD 'production-postgres-password';
      CREATE ROLE app_owner LOGIN PASSWORD 'production-app-password';
      CREATE DATABASE shop OWNER app_owner;
    `);
    await server.sql(
      `CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL);
       INSERT INTO customers SELECT g, 'customer' || g || '@example.com' FROM generate_series(1, 5000) g;`,
      'shop',
    );
    // pg_basebackup connects for replication, which "local all" does not cover.
    await server.dump([
      'sh',
      '-c',
      'echo "local replication all trust" >> /var/lib/dataclone/pgdata/pg_hba.conf && pg_ctl -D /var/lib/dataclone/pgdata reload',
    ]);
    const basebackup = [
      'pg_basebackup',
      '-h',
      '/tmp',
      '-U',
      'postgres',
      '-X',
      'stream',
      '--checkpoint=fast',
      '--no-sync',
    ];
    await server.dump([...basebackup, '-D', '/tmp/backups/tar', '-Ft', '-z']);
    await server.dump([...basebackup, '-D', '/tmp/backups/plain', '-Fp']);
    // A server whose bootstrap superuser is not called postgres (as after initdb -U admin).
    await server.sql('CREATE ROLE admin SUPERUSER LOGIN;');
    await server.dump([
      'sh',
      '-c',
      'psql -h /tmp -U admin -d postgres -c "ALTER ROLE postgres RENAME TO boot" && pg_basebackup -h /tmp -U admin -D /tmp/backups/no-postgres -Fp -X stream --checkpoint=fast --no-sync',
    ]);
    const folder = await writeDefinitionFolder({});
    folders.push(folder.remove);
    backups = folder.dir;
    await server.copyOut(t.docker, '/tmp/backups', backups);
  });

  afterAll(async () => {
    await server?.[Symbol.asyncDispose]();
  });

  const definition = (name: string, backup: string) =>
    `name: ${name}\nengine: postgres\nversion: "15"\ninstance:\n  backup: ${backup}\n`;

  async function buildFrom(name: string, backup: string) {
    await writeFile(path.join(backups, 'dataclone.yaml'), definition(name, backup));
    const tag = t.imageTag(name);
    const built = await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(path.join(backups, 'dataclone.yaml')),
      tag,
    });
    return { tag, built };
  }

  it.each([
    ['a tar backup, gzip-compressed, with pg_wal.tar.gz beside it', 'pg-physical-tar', 'backups/tar'],
    [
      'a plain backup of a replica, whose standby.signal and primary_conninfo are ignored',
      'pg-physical-plain',
      'backups/plain',
    ],
  ])('builds an image from %s: databases found, no production password left', async (_case, name, backup) => {
    if (backup === 'backups/plain') {
      await writeFile(path.join(backups, 'backups/plain/standby.signal'), '');
      await writeFile(
        path.join(backups, 'backups/plain/postgresql.auto.conf'),
        "primary_conninfo = 'host=prod-primary.invalid port=5432 user=replicator'\n",
      );
    }
    const { tag, built } = await buildFrom(name, backup);
    expect(built.databases).toEqual(['shop']);
    await withClone(tag, async (clone) => {
      expect(
        await query(
          clone,
          'shop',
          'SELECT count(*)::int AS n, pg_is_in_recovery() AS standby FROM customers',
        ),
      ).toEqual([{ n: 5000, standby: false }]);
      expect(await query(clone, 'shop', "SELECT current_setting('primary_conninfo') AS primary")).toEqual([
        { primary: '' },
      ]);
      expect(await postgresAccepts(clone, 'postgres', 'production-postgres-password')).toBe(false);
      expect(await postgresAccepts(clone, 'app_owner', 'production-app-password')).toBe(false);
      expect(await postgresAccepts(clone, 'postgres', clone.connection.password)).toBe(true);
    });
  });

  it('refuses a backup of another major version, naming both, and tags nothing', async () => {
    await cp(path.join(backups, 'backups/plain'), path.join(backups, 'backups/v18'), { recursive: true });
    await writeFile(path.join(backups, 'backups/v18/PG_VERSION'), '18\n');
    await expect(buildFrom('pg-physical-v18', 'backups/v18')).rejects.toThrow(
      /the physical backup is of PostgreSQL 18, and the image's server is PostgreSQL 15/,
    );
    expect(await t.docker.listImages({ filters: { reference: ['dataclone-test/pg-physical-v18'] } })).toEqual(
      [],
    );
  });

  it('refuses a backup of a server without a postgres superuser, saying how to add one', async () => {
    await expect(buildFrom('pg-physical-no-postgres', 'backups/no-postgres')).rejects.toMatchObject({
      message: expect.stringMatching(/the physical backup has no superuser role postgres/),
      hint: expect.stringMatching(/CREATE ROLE postgres SUPERUSER LOGIN/),
    });
  });

  it('fails on a truncated base.tar.gz in one error naming the file, leaving no build container', async () => {
    await mkdir(path.join(backups, 'backups/truncated'));
    const whole = await readFile(path.join(backups, 'backups/tar/base.tar.gz'));
    await writeFile(path.join(backups, 'backups/truncated/base.tar.gz'), whole.subarray(0, whole.length / 2));
    await cp(
      path.join(backups, 'backups/tar/pg_wal.tar.gz'),
      path.join(backups, 'backups/truncated/pg_wal.tar.gz'),
    );
    await expect(buildFrom('pg-physical-truncated', 'backups/truncated')).rejects.toThrow(
      /unpack the base backup": could not read .*base\.tar\.gz/,
    );
    const containers = await t.docker.listContainers({ all: true });
    expect(containers.flatMap((c) => c.Names).filter((n) => n.includes('pg-physical-truncated'))).toEqual([]);
  });

  it('refuses a tar backup without its WAL in one error saying how to make one', async () => {
    await mkdir(path.join(backups, 'backups/no-wal'));
    await cp(path.join(backups, 'backups/tar/base.tar.gz'), path.join(backups, 'backups/no-wal/base.tar.gz'));
    await expect(buildFrom('pg-physical-no-wal', 'backups/no-wal')).rejects.toMatchObject({
      message: expect.stringMatching(/the base backup's WAL is missing or incomplete/),
      hint: expect.stringMatching(/-X stream/),
    });
    const containers = await t.docker.listContainers({ all: true });
    expect(containers.flatMap((c) => c.Names).filter((n) => n.includes('pg-physical-no-wal'))).toEqual([]);
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
