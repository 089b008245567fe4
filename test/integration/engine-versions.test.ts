import { createHash } from 'node:crypto';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import mysql from 'mysql2/promise';
import pg from 'pg';
import tar from 'tar-fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clone } from '../../src/clones/clone.js';
import { containerNameFor } from '../../src/clones/clone.js';
import { createClone } from '../../src/clones/create-clone.js';
import { removeClone } from '../../src/clones/remove-clone.js';
import { resetClone } from '../../src/clones/reset-clone.js';
import { saveClone } from '../../src/clones/save-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { Labels } from '../../src/docker/labels.js';
import { buildImage } from '../../src/images/build-image.js';
import { loadDictionaries } from '../../src/masking/dictionaries.js';
import { readDataImage } from '../../src/images/data-image.js';
import type { Job } from '../../src/pipeline/job.js';
import { migrate } from '../../src/pipeline/migrate.js';
import { provision } from '../../src/pipeline/provision.js';
import { teardown } from '../../src/pipeline/teardown.js';
import { testBaseImages, type TestBaseImage } from '../support/base-images.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { query } from '../support/query.js';
import { useTestHost } from '../support/test-host.js';

/**
 * Every engine and version in DATACLONE_TEST_BASE_IMAGES, proved against its real server: an
 * image of two databases, a clone that answers with its own password, reset (plain and from a
 * standby), clone save, and what differs between versions.
 */
const t = useTestHost();
afterAll(() => t.cleanup());

const FLYWAY = path.resolve(import.meta.dirname, '../flyway-standin/flyway');

const POSTGRES_FILES = {
  'app.sql': `CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 100) g;
`,
  'audit.sql': `CREATE TABLE events (id serial PRIMARY KEY, customer_id int NOT NULL);
INSERT INTO events (customer_id) SELECT 1 + g % 100 FROM generate_series(1, 300) g;
`,
};

const MYSQL_FILES = {
  'app.sql': `CREATE TABLE customers (id int PRIMARY KEY, name varchar(40) NOT NULL);
INSERT INTO customers WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 100)
  SELECT n, CONCAT('customer ', n) FROM s;
`,
  'audit.sql': `CREATE TABLE events (id int AUTO_INCREMENT PRIMARY KEY, customer_id int NOT NULL);
INSERT INTO events (customer_id) WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 300)
  SELECT 1 + n % 100 FROM s;
CREATE VIEW customer_events AS SELECT c.name, e.id FROM app.customers c JOIN events e ON e.customer_id = c.id;
`,
};

function definitionFiles(base: TestBaseImage): Record<string, string> {
  return {
    'dataclone.yaml': `name: versions
engine: ${base.engine}
version: "${base.version}"
databases:
  - name: app
    source: app.sql
  - name: audit
    source: audit.sql
    dependsOn: [app]
mask:
  rules:
    app:
      customers:
        name: full-name
`,
    ...(base.engine === 'postgres' ? POSTGRES_FILES : MYSQL_FILES),
  };
}

const MASK_SECRET = 'versions';

/** full-name's fakes computed here, as the servers must: sha256(secret, 'full-name:', value) indexes the dictionaries. */
async function expectedFullNames(originals: string[]): Promise<string[]> {
  const { first_name: first, last_name: last } = await loadDictionaries();
  return originals.map((original) => {
    const hash = createHash('sha256').update(`${MASK_SECRET}full-name:${original}`).digest('hex');
    const at = (start: number) => parseInt(hash.slice(start, start + 8), 16);
    const name = (next: number) => `${first[(at(0) + next) % first.length]} ${last[at(8) % last.length]}`;
    return name(0) === original ? name(1) : name(0);
  });
}

async function count(clone: Clone, database: string, table: string): Promise<number> {
  const [row] = await query<{ n: string | number }>(clone, database, `SELECT count(*) AS n FROM ${table}`);
  return Number(row?.n);
}

/** The server's own version, as a client sees it. */
async function serverVersion(clone: Clone): Promise<string> {
  if (clone.engine === 'postgres') {
    const [row] = await query<{ server_version: string }>(clone, 'app', 'SHOW server_version');
    return row!.server_version;
  }
  const [row] = await query<{ v: string }>(clone, 'app', 'SELECT VERSION() AS v');
  return row!.v;
}

/**
 * Makes /tmp/backup in a running clone with the image's own tool: pg_basebackup over the socket
 * (a replication line added to the clone's pg_hba first), or mariabackup, prepared. Exits 3 when
 * the image has no mariabackup.
 */
function physicalBackupCommand(base: TestBaseImage): string[] {
  if (base.engine === 'postgres') {
    return [
      'sh',
      '-c',
      `for d in /usr/lib/postgresql/*/bin; do PATH="$d:$PATH"; done
       set -e
       echo "local replication all trust" >> /tmp/dataclone-clone-hba.conf
       psql -h /tmp -U postgres -d postgres -qAtc "SELECT pg_reload_conf()" >/dev/null
       pg_basebackup -h /tmp -U postgres -D /tmp/backup -Ft -X stream --checkpoint=fast --no-sync`,
    ];
  }
  return [
    'sh',
    '-c',
    `command -v mariabackup >/dev/null || exit 3
     mariabackup --backup --user=root --socket=/tmp/dataclone-mysqld.sock --target-dir=/tmp/backup 2>/tmp/backup.log &&
       mariabackup --prepare --target-dir=/tmp/backup 2>>/tmp/backup.log || { cat /tmp/backup.log >&2; exit 1; }`,
  ];
}

/** Prints "<user> <database>" with nothing on its command line but the variables' names. */
function clientCommand(base: TestBaseImage): string[] {
  if (base.engine === 'postgres') {
    return [
      'sh',
      '-c',
      `for d in /usr/lib/postgresql/*/bin; do PATH="$d:$PATH"; done; psql -tAc "SELECT current_user || ' ' || current_database()"`,
    ];
  }
  return [
    'sh',
    '-c',
    `"$(command -v mariadb || command -v mysql)" -N -u"$MYSQL_USER" -D"$MYSQL_DATABASE" -e "SELECT CONCAT(CURRENT_USER(), ' ', DATABASE())"`,
  ];
}

describe.each(testBaseImages())('$image', (base) => {
  let image: string;
  let remove: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const folder = await writeDefinitionFolder(definitionFiles(base));
    remove = folder.remove;
    image = t.imageTag(`versions-${base.engine}`);
    await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(folder.definition),
      tag: image,
      env: { DATACLONE_MASK_SECRET: MASK_SECRET },
    });
  });

  afterAll(async () => {
    await remove?.();
  });

  it('builds an image labelled with the engine and version, keeping nothing in the VOLUME of the base image', async () => {
    const data = await readDataImage(t.host, image);
    expect(data).toMatchObject({ engine: base.engine, engineVersion: base.version, primaryDatabase: 'app' });
    const baseVolumes = Object.keys((await t.docker.getImage(base.image).inspect()).Config.Volumes ?? {});
    expect(data.volumes).toEqual(baseVolumes);
    // PostgreSQL 18's official image moved its VOLUME up to /var/lib/postgresql.
    if (base.engine === 'postgres') {
      expect(baseVolumes).toEqual([
        Number(base.version) >= 18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data',
      ]);
    } else {
      expect(baseVolumes).toEqual(['/var/lib/mysql']);
    }
  });

  it('starts a clone of the real server that answers with its own password only', async () => {
    const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
    try {
      expect(await serverVersion(clone)).toMatch(new RegExp(`^${base.version.replace('.', '\\.')}[.\\-]`));
      expect(await count(clone, 'app', 'customers')).toBe(100);
      expect(await count(clone, 'audit', 'events')).toBe(300);
      const { host, port, user } = clone.connection;
      const wrong = { host, port, user, password: 'not-the-password' };
      if (base.engine === 'postgres') {
        const client = new pg.Client({ ...wrong, database: 'app' });
        client.on('error', () => {});
        await expect(client.connect()).rejects.toThrow(/password authentication failed/);
      } else {
        await expect(mysql.createConnection({ ...wrong, database: 'app' })).rejects.toThrow(/Access denied/);
      }
    } finally {
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
    }
  });

  it.each([false, true])('resets a clone to the image state (standby %s)', async (standby) => {
    const { clone } = await createClone({
      host: t.host,
      reporter: t.reporter,
      image,
      owner: t.owner,
      standby,
    });
    try {
      await query(clone, 'app', 'DELETE FROM customers WHERE id > 10');
      expect(await count(clone, 'app', 'customers')).toBe(10);
      const { clone: reset } = await resetClone({ host: t.host, reporter: t.reporter, name: clone.name });
      expect(reset.connection.password).toBe(clone.connection.password);
      expect(await count(reset, 'app', 'customers')).toBe(100);
    } finally {
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
    }
  });

  it('masks with the same fakes as every other engine and version: those the keyed hash picks from the dictionaries', async () => {
    const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
    try {
      const rows = await query<{ name: string }>(
        clone,
        'app',
        'SELECT name FROM customers WHERE id <= 3 ORDER BY id',
      );
      expect(rows.map((row) => row.name)).toEqual(
        await expectedFullNames(['customer 1', 'customer 2', 'customer 3']),
      );
    } finally {
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
    }
  });

  it('saves a clone as an image that clones start from', async () => {
    const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
    const stash = t.imageTag(`versions-${base.engine}-saved`);
    try {
      await query(clone, 'audit', 'DELETE FROM events WHERE id > 50');
      await saveClone({ host: t.host, reporter: t.reporter, name: clone.name, tag: stash });
      const { clone: fromStash } = await createClone({
        host: t.host,
        reporter: t.reporter,
        image: stash,
        owner: t.owner,
      });
      try {
        expect(await count(fromStash, 'audit', 'events')).toBe(50);
        expect(await count(fromStash, 'app', 'customers')).toBe(100);
      } finally {
        await removeClone({ host: t.host, reporter: t.reporter, name: fromStash.name });
      }
    } finally {
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
    }
  });

  it("migrates a clone with Flyway, given the JDBC URL and the clone's credentials", async () => {
    const job: Job = { host: t.host, reporter: t.reporter, owner: `${t.owner}-flyway-${base.engine}` };
    const folder = await writeDefinitionFolder({
      'V2__flag_customers.sql': 'ALTER TABLE customers ADD COLUMN flagged boolean;\n',
    });
    try {
      const [clone] = (await provision(job, { image })).clones;
      const migrated = await migrate(job, {
        migrations: { app: [folder.dir] },
        flyway: { executable: FLYWAY },
      });
      expect(migrated.success).toBe(true);
      expect(await count(clone!, 'app', 'customers WHERE flagged IS NULL')).toBe(100);
    } finally {
      await teardown(job);
      await folder.remove();
    }
  });

  it("serves a clone on the host's network, which the engine's own client reaches with the clone's client environment as given", async () => {
    const { clone } = await createClone({
      host: t.host,
      reporter: t.reporter,
      image,
      owner: t.owner,
      networking: 'host',
    });
    // The base image's own client, on the host's network, as a user's job would run it.
    const client = await t.host.createContainer({
      name: `${t.cloneName('client')}`,
      image: base.image,
      labels: { 'dataclone.owner': t.owner },
      entrypoint: ['tail', '-f', '/dev/null'],
      cmd: [],
      user: 'root',
      network: 'host',
      tmpfs: (await readDataImage(t.host, image)).volumes,
    });
    try {
      expect(clone.networking).toBe('host');
      await t.host.startContainer(client);
      const result = await t.host.exec(client, clientCommand(base), {
        env: clone.connection.clientEnvironment,
      });
      expect(result.stderr).not.toMatch(/error/i);
      expect(result.stdout.trim()).toBe(base.engine === 'postgres' ? 'postgres app' : 'root@% app');
    } finally {
      await t.host.removeContainer(client);
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
    }
  });

  it("builds a database from a live server of this version (a clone, by name on a private network), dumped by the base image's own client", async () => {
    const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
    const network = t.cloneName('live-net');
    const { user, password } = clone.connection;
    process.env.DATACLONE_TEST_CLONE_PASSWORD = password;
    const scheme = base.engine === 'postgres' ? 'postgresql' : 'mysql';
    const folder = await writeDefinitionFolder({
      'dataclone.yaml': `name: live\nengine: ${base.engine}\nversion: "${base.version}"\ndatabases:\n  - name: copy\n    source:\n      url: ${scheme}://${user}@${containerNameFor(clone.name)}/app\n      passwordEnv: DATACLONE_TEST_CLONE_PASSWORD\n`,
    });
    let copy: Clone | undefined;
    try {
      await t.host.createNetwork(network, { [Labels.owner]: t.owner });
      await t.docker.getNetwork(network).connect({ Container: clone.containerId });
      const live = t.imageTag(`versions-${base.engine}-live`);
      await buildImage({
        host: t.host,
        reporter: t.reporter,
        definition: await loadImageDefinition(folder.definition),
        tag: live,
        network,
      });
      copy = (await createClone({ host: t.host, reporter: t.reporter, image: live, owner: t.owner })).clone;
      expect(await count(copy, 'copy', 'customers')).toBe(100);
    } finally {
      if (copy) await removeClone({ host: t.host, reporter: t.reporter, name: copy.name });
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
      await t.host.removeNetwork(network);
      await folder.remove();
    }
  });

  if (base.engine !== 'mysql') {
    it('builds an image from a physical backup of a clone of this version (pg_basebackup -Ft; mariabackup)', async (context) => {
      const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
      const folder = await writeDefinitionFolder({
        'dataclone.yaml': `name: physical\nengine: ${base.engine}\nversion: "${base.version}"\ninstance:\n  backup: backup\n`,
      });
      let copy: Clone | undefined;
      try {
        const made = await t.host.exec(clone.containerId, physicalBackupCommand(base), {
          user: base.engine === 'postgres' ? 'postgres' : 'mysql',
        });
        if (made.exitCode === 3)
          context.skip(`${base.image} has no mariabackup (the mariadb-backup package)`);
        expect(made.exitCode, made.stderr).toBe(0);
        const archive = await t.docker.getContainer(clone.containerId).getArchive({ path: '/tmp/backup' });
        await pipeline(archive, tar.extract(folder.dir));
        const physical = t.imageTag(`versions-${base.engine}-physical`);
        const built = await buildImage({
          host: t.host,
          reporter: t.reporter,
          definition: await loadImageDefinition(folder.definition),
          tag: physical,
        });
        expect(built.databases).toEqual(['app', 'audit']);
        copy = (await createClone({ host: t.host, reporter: t.reporter, image: physical, owner: t.owner }))
          .clone;
        expect(await count(copy, 'app', 'customers')).toBe(100);
        expect(await count(copy, 'audit', 'events')).toBe(300);
      } finally {
        if (copy) await removeClone({ host: t.host, reporter: t.reporter, name: copy.name });
        await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
        await folder.remove();
      }
    });
  }

  if (base.engine === 'postgres' && Number(base.version) >= 18) {
    it('runs what is new in PostgreSQL 18 (uuidv7)', async () => {
      const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
      try {
        const [row] = await query<{ version: number }>(
          clone,
          'app',
          'SELECT uuid_extract_version(uuidv7()) AS version',
        );
        expect(row?.version).toBe(7);
      } finally {
        await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
      }
    });
  }

  if (base.engine === 'mysql') {
    it('logs in with caching_sha2_password over TCP, with TLS and without (RSA key), and hands Connector/J a URL it can use', async () => {
      const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
      try {
        const { host, port, user, password } = clone.connection;
        for (const ssl of [undefined, { rejectUnauthorized: false }]) {
          const connection = await mysql.createConnection({
            host,
            port,
            user,
            password,
            database: 'app',
            ssl,
          });
          try {
            const [rows] = await connection.query(
              "SELECT plugin, @@innodb_redo_log_capacity AS redo FROM mysql.user WHERE user = 'root' AND host = '%'",
            );
            expect(rows).toEqual([{ plugin: 'caching_sha2_password', redo: 8 * 1024 * 1024 }]);
          } finally {
            await connection.end();
          }
        }
        expect(clone.connection.databases[0]?.jdbcUrl).toBe(
          `jdbc:mysql://127.0.0.1:${port}/app?allowPublicKeyRetrieval=true`,
        );
      } finally {
        await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
      }
    });

    it("restores two dumps made by MySQL's own mysqldump, with GTID_PURGED, DEFINER= of an account it lacks, and /*!80000 */", async () => {
      const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
      let folder: Awaited<ReturnType<typeof writeDefinitionFolder>> | undefined;
      try {
        // The application's account defines a view and a trigger, as in production.
        await query(clone, 'app', "CREATE USER 'shop'@'%' IDENTIFIED BY 'shop-password-for-tests'");
        await query(clone, 'app', "GRANT ALL PRIVILEGES ON *.* TO 'shop'@'%'");
        await query(
          clone,
          'app',
          "CREATE DEFINER = 'shop'@'%' VIEW first_customers AS SELECT id, name FROM customers WHERE id <= 5",
        );
        await query(
          clone,
          'audit',
          "CREATE DEFINER = 'shop'@'%' TRIGGER stamp BEFORE INSERT ON events FOR EACH ROW SET NEW.customer_id = NEW.customer_id + 1000",
        );
        const dumps: Record<string, string> = {};
        for (const database of ['app', 'audit']) {
          const dumped = await t.host.exec(
            clone.containerId,
            [
              'mysqldump',
              '--no-defaults',
              '--socket=/tmp/dataclone-mysqld.sock',
              '-uroot',
              '--single-transaction',
              '--routines',
              '--triggers',
              database,
            ],
            { user: 'mysql' },
          );
          expect(dumped.exitCode, dumped.stderr).toBe(0);
          dumps[`${database}.sql`] = dumped.stdout;
        }
        expect(dumps['app.sql']).toContain("SET @@GLOBAL.GTID_PURGED=/*!80000 '+'*/");
        expect(dumps['audit.sql']).toContain("SET @@GLOBAL.GTID_PURGED=/*!80000 '+'*/");
        expect(dumps['app.sql']).toContain('DEFINER=`shop`@`%`');

        folder = await writeDefinitionFolder({
          'dataclone.yaml': `name: dumped\nengine: mysql\nversion: "${base.version}"\ndatabases:\n  - name: app\n    source: app.sql\n  - name: audit\n    source: audit.sql\n`,
          ...dumps,
        });
        const dumped = t.imageTag('versions-mysqldump');
        await buildImage({
          host: t.host,
          reporter: t.reporter,
          definition: await loadImageDefinition(folder.definition),
          tag: dumped,
        });
        const { clone: restored } = await createClone({
          host: t.host,
          reporter: t.reporter,
          image: dumped,
          owner: t.owner,
        });
        try {
          expect(await count(restored, 'app', 'first_customers')).toBe(5);
          await query(restored, 'audit', 'INSERT INTO events (customer_id) VALUES (1)');
          expect(await query(restored, 'audit', 'SELECT max(customer_id) AS m FROM events')).toEqual([
            { m: 1001 },
          ]);
          // The definer's account exists so its objects work, locked: no one logs in with it.
          await expect(
            mysql.createConnection({
              host: restored.connection.host,
              port: restored.connection.port,
              user: 'shop',
              password: 'shop-password-for-tests',
            }),
          ).rejects.toThrow(/locked|Access denied/);
        } finally {
          await removeClone({ host: t.host, reporter: t.reporter, name: restored.name });
        }
      } finally {
        await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
        await folder?.remove();
      }
    });
  }
});
