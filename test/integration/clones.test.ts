import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_RECORD_DIRECTORY } from '../../src/clones/clone-password.js';
import { createClone } from '../../src/clones/create-clone.js';
import { listClones, requireClone } from '../../src/clones/read-clone.js';
import { removeClone } from '../../src/clones/remove-clone.js';
import { resetClone } from '../../src/clones/reset-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { DockerHost } from '../../src/docker/docker-host.js';
import Docker from 'dockerode';
import { buildImage } from '../../src/images/build-image.js';
import { testedVersion } from '../support/base-images.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { holdPort } from '../support/free-port.js';
import { query } from '../support/query.js';
import { useTestHost } from '../support/test-host.js';

/** The version of PostgreSQL these tests run against: the first of the test base images. */
const VERSION = testedVersion('postgres', '15');

const DEFINITION = `name: clone-test
engine: postgres
version: "${VERSION}"
databases:
  - name: app
    source: app.sql
  - name: audit
    source: audit.sql.gz
  - name: reports
    source: reports/
    dependsOn: [app, audit]
`;

const APP_SQL = `CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 500) g;
`;
const AUDIT_SQL = `CREATE TABLE events (id serial PRIMARY KEY, customer_id int NOT NULL, kind text NOT NULL);
INSERT INTO events (customer_id, kind) SELECT 1 + g % 500, 'login' FROM generate_series(1, 2000) g;
`;
const REPORTS_1 = `CREATE EXTENSION postgres_fdw;
CREATE SERVER app FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', port '5432', dbname 'app');
CREATE USER MAPPING FOR postgres SERVER app OPTIONS (user 'postgres');
CREATE SERVER audit FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', port '5432', dbname 'audit');
CREATE USER MAPPING FOR postgres SERVER audit OPTIONS (user 'postgres');
`;
const REPORTS_2 = `CREATE FOREIGN TABLE customers (id int, name text) SERVER app OPTIONS (table_name 'customers');
CREATE FOREIGN TABLE events (id int, customer_id int, kind text) SERVER audit OPTIONS (table_name 'events');
CREATE VIEW logins_per_customer AS
  SELECT c.name, count(*) AS logins FROM customers c JOIN events e ON e.customer_id = c.id GROUP BY c.name;
`;

describe(`clones of a PostgreSQL ${VERSION} data image`, () => {
  const t = useTestHost();
  let image: string;
  let remove: () => Promise<void>;

  beforeAll(async () => {
    const folder = await writeDefinitionFolder({
      'dataclone.yaml': DEFINITION,
      'app.sql': APP_SQL,
      'audit.sql.gz': gzipSync(AUDIT_SQL),
      'reports/1_servers.sql': REPORTS_1,
      'reports/2_views.sql': REPORTS_2,
    });
    remove = folder.remove;
    image = t.imageTag('clones');
    await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(folder.definition),
      tag: image,
    });
  });

  afterAll(async () => {
    await t.cleanup();
    await remove?.();
  });

  it('starts a clone that answers a query crossing its databases, with its own password', async () => {
    const name = t.cloneName();
    const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, name, owner: t.owner });
    expect(clone.connection.host).toBe('127.0.0.1');
    expect(clone.connection.password).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(t.reporter.secrets).toContain(clone.connection.password);
    expect(clone.connection.databases.map((db) => db.name)).toEqual(['app', 'audit', 'reports']);
    expect(clone.connection.databases[0]?.jdbcUrl).toBe(
      `jdbc:postgresql://127.0.0.1:${clone.connection.port}/app`,
    );
    const rows = await query<{ logins: string }>(
      clone,
      'reports',
      'SELECT sum(logins) AS logins FROM logins_per_customer',
    );
    expect(Number(rows[0]?.logins)).toBe(2000);
  });

  it('gives every clone a different password and port, and refuses a stale password', async () => {
    const a = await createClone({
      host: t.host,
      reporter: t.reporter,
      image,
      name: t.cloneName(),
      owner: t.owner,
    });
    const b = await createClone({
      host: t.host,
      reporter: t.reporter,
      image,
      name: t.cloneName(),
      owner: t.owner,
    });
    expect(a.clone.connection.password).not.toBe(b.clone.connection.password);
    expect(a.clone.connection.port).not.toBe(b.clone.connection.port);
    const withWrongPassword = {
      ...a.clone,
      connection: {
        ...a.clone.connection,
        databases: a.clone.connection.databases.map((db) => ({
          ...db,
          url: db.url.replace(a.clone.connection.password, b.clone.connection.password),
        })),
      },
    };
    await expect(query(withWrongPassword, 'app', 'SELECT 1')).rejects.toThrow(
      /password authentication failed/,
    );
  });

  it('keeps the data in the image layers: a clone has no volume but its password record, and writes stay in the clone', async () => {
    const { clone } = await createClone({
      host: t.host,
      reporter: t.reporter,
      image,
      name: t.cloneName(),
      owner: t.owner,
    });
    const other = await createClone({
      host: t.host,
      reporter: t.reporter,
      image,
      name: t.cloneName(),
      owner: t.owner,
    });
    const info = await t.docker.getContainer(clone.containerId).inspect();
    expect(info.Mounts.filter((mount) => mount.Type === 'volume').map((mount) => mount.Destination)).toEqual([
      PASSWORD_RECORD_DIRECTORY,
    ]);
    await query(clone, 'app', "UPDATE customers SET name = 'changed' WHERE id = 1");
    expect((await query(clone, 'app', 'SELECT name FROM customers WHERE id = 1'))[0]?.name).toBe('changed');
    expect((await query(other.clone, 'app', 'SELECT name FROM customers WHERE id = 1'))[0]?.name).toBe(
      'customer 1',
    );
  });

  it('resets a clone to the image state with the same name, port and password', async () => {
    const name = t.cloneName();
    const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, name, owner: t.owner });
    await query(clone, 'app', 'DELETE FROM customers');
    await query(clone, 'audit', "INSERT INTO events (customer_id, kind) VALUES (1, 'logout')");
    const reset = await resetClone({ host: t.host, reporter: t.reporter, name });
    expect(reset.clone.connection.port).toBe(clone.connection.port);
    expect(reset.clone.connection.password).toBe(clone.connection.password);
    expect(reset.clone.created).toBe(clone.created);
    // The connection string handed out before the reset still works.
    expect((await query(clone, 'app', 'SELECT count(*)::int AS n FROM customers'))[0]?.n).toBe(500);
    expect((await query(clone, 'audit', 'SELECT count(*)::int AS n FROM events'))[0]?.n).toBe(2000);
    const leftovers = await t.docker.listContainers({ all: true, filters: { name: [`dataclone-${name}`] } });
    expect(leftovers).toHaveLength(1);
  });

  it('lists clones by owner with their labels, and removes one for good', async () => {
    const name = t.cloneName();
    const { clone } = await createClone({
      host: t.host,
      reporter: t.reporter,
      image,
      name,
      owner: t.owner,
      lifetime: '2h',
    });
    const listed = (await listClones(t.host, t.owner)).find((candidate) => candidate.name === name);
    expect(listed).toMatchObject({ name, owner: t.owner, image, engine: 'postgres', status: 'running' });
    expect(Date.parse(listed?.expires ?? '') - Date.parse(listed?.created ?? '')).toBeGreaterThan(7_100_000);
    expect((await requireClone(t.host, name)).connection.password).toBe(clone.connection.password);
    await removeClone({ host: t.host, reporter: t.reporter, name });
    expect(await t.docker.listContainers({ all: true, filters: { name: [`dataclone-${name}`] } })).toEqual(
      [],
    );
  });

  describe('refuses bad requests with a clear error and leaves nothing behind', () => {
    it('an image that does not exist', async () => {
      const before = await t.snapshot();
      await expect(
        createClone({
          host: t.host,
          reporter: t.reporter,
          image: 'dataclone-test/missing:nope',
          owner: t.owner,
        }),
      ).rejects.toThrow(/data image 'dataclone-test\/missing:nope' was not found/);
      expect(await t.snapshot()).toEqual(before);
    });

    it('an image that is not a data image', async () => {
      await expect(
        createClone({ host: t.host, reporter: t.reporter, image: 'postgres:15', owner: t.owner }),
      ).rejects.toThrow(/is not a data image/);
    });

    it('a clone name that already exists', async () => {
      const name = t.cloneName();
      await createClone({ host: t.host, reporter: t.reporter, image, name, owner: t.owner });
      const before = await t.snapshot();
      await expect(
        createClone({ host: t.host, reporter: t.reporter, image, name, owner: t.owner }),
      ).rejects.toThrow(`a clone named ${name} already exists`);
      expect(await t.snapshot()).toEqual(before);
    });

    it('a port that is already taken', async () => {
      const { port, release } = await holdPort();
      try {
        const before = await t.snapshot();
        await expect(
          createClone({
            host: t.host,
            reporter: t.reporter,
            image,
            name: t.cloneName(),
            port,
            owner: t.owner,
          }),
        ).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
        expect(await t.snapshot()).toEqual(before);
      } finally {
        await release();
      }
    });

    it('a Docker Engine that does not answer', async () => {
      const host = new DockerHost(
        new Docker({ socketPath: '/nonexistent/docker.sock' }),
        'unix:///nonexistent/docker.sock',
      );
      await expect(createClone({ host, reporter: t.reporter, image })).rejects.toThrow(
        /cannot reach unix:\/\/\/nonexistent\/docker.sock/,
      );
    });

    it('a clone that does not exist, for reset and remove', async () => {
      await expect(resetClone({ host: t.host, reporter: t.reporter, name: 'no-such-clone' })).rejects.toThrow(
        "no clone named 'no-such-clone'",
      );
      await expect(
        removeClone({ host: t.host, reporter: t.reporter, name: 'no-such-clone' }),
      ).rejects.toThrow("no clone named 'no-such-clone'");
    });

    it.each([['Bad Name'], ['-leading-dash'], ['x'.repeat(64)]])(
      'an invalid clone name: %s',
      async (name) => {
        await expect(createClone({ host: t.host, reporter: t.reporter, image, name })).rejects.toThrow(
          'is not a valid clone name',
        );
      },
    );
  });
});
