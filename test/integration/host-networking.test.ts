import net from 'node:net';
import path from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostNetworkingWorks } from '../../src/clones/clone-networking.js';
import { sharesDockerNetwork } from '../../src/docker/shares-docker-network.js';
import { createClone, type CreateCloneOptions } from '../../src/clones/create-clone.js';
import { requireClone } from '../../src/clones/read-clone.js';
import { removeClone } from '../../src/clones/remove-clone.js';
import { resetClone } from '../../src/clones/reset-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { Labels } from '../../src/docker/labels.js';
import { buildImage } from '../../src/images/build-image.js';
import { readDataImage } from '../../src/images/data-image.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { holdPort } from '../support/free-port.js';
import { query } from '../support/query.js';
import { useTestHost } from '../support/test-host.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WAREHOUSE = path.join(ROOT, 'examples/warehouse/dataclone.yaml');

const PLAIN = `name: plain
engine: postgres
version: "15"
databases:
  - name: app
    source: app.sql
`;
const FDW = `name: fdw
engine: postgres
version: "15"
databases:
  - name: app
    source: app.sql
  - name: reports
    source: reports.sql
    dependsOn: [app]
`;
const APP_SQL = `CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 100) g;
`;
const REPORTS_SQL = `CREATE EXTENSION postgres_fdw;
CREATE SERVER app FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', port '5432', dbname 'app');
CREATE USER MAPPING FOR postgres SERVER app OPTIONS (user 'postgres');
CREATE FOREIGN TABLE customers (id int, name text) SERVER app OPTIONS (table_name 'customers');
`;

const t = useTestHost();
let plain: string;
let fdw: string;
let warehouse: string;
const removeFolders: Array<() => Promise<void>> = [];

beforeAll(async () => {
  const build = async (definition: string, files: Record<string, string>, tag: string) => {
    const folder = await writeDefinitionFolder({ 'dataclone.yaml': definition, ...files });
    removeFolders.push(folder.remove);
    await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(folder.definition),
      tag,
    });
  };
  plain = t.imageTag('plain');
  fdw = t.imageTag('fdw');
  warehouse = t.imageTag('warehouse');
  await build(PLAIN, { 'app.sql': APP_SQL }, plain);
  await build(FDW, { 'app.sql': APP_SQL, 'reports.sql': REPORTS_SQL }, fdw);
  await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(WAREHOUSE),
    tag: warehouse,
  });
});

/** A clone of `image` owned by this file's run, with host networking unless the options say otherwise. */
function cloneOf(image: string, options: Partial<CreateCloneOptions> = {}) {
  return createClone({
    host: t.host,
    reporter: t.reporter,
    image,
    name: t.cloneName('host'),
    owner: t.owner,
    networking: 'host',
    ...options,
  });
}

afterAll(async () => {
  await t.cleanup();
  for (const remove of removeFolders) await remove();
});

describe('the build records whether the databases connect to their own server', () => {
  it('labels an image with postgres_fdw servers as connecting to itself, and one without as not', async () => {
    expect((await readDataImage(t.host, fdw)).connectsToItself).toBe(true);
    expect((await readDataImage(t.host, plain)).connectsToItself).toBe(false);
    expect((await readDataImage(t.host, warehouse)).connectsToItself).toBe(false);
  });
});

describe('a clone with host networking', () => {
  it('listens on a free port of 127.0.0.1 itself, with no port published by Docker', async () => {
    const name = t.cloneName('host');
    const { clone } = await cloneOf(plain, { name });
    expect(clone.networking).toBe('host');
    expect(clone.connection.host).toBe('127.0.0.1');
    const info = await t.docker.getContainer(clone.containerId).inspect();
    expect(info.HostConfig.NetworkMode).toBe('host');
    expect(info.Config.Labels?.[Labels.networking]).toBe('host');
    expect((await query(clone, 'app', 'SELECT count(*)::int AS n FROM customers'))[0]?.n).toBe(100);
    // Listed and read back later by another process with the same details.
    expect((await requireClone(t.host, name)).connection).toEqual(clone.connection);
    await removeClone({ host: t.host, reporter: t.reporter, name });
    expect(await isListening(clone.connection.port)).toBe(false);
  });

  it('refuses a login without the clone password over TCP, as a bridge clone does', async () => {
    const { clone } = await cloneOf(plain);
    const client = new pg.Client({
      host: '127.0.0.1',
      port: clone.connection.port,
      user: clone.connection.user,
      password: 'not-the-password',
      database: 'app',
    });
    await expect(client.connect()).rejects.toThrow(/password authentication failed/);
    await client.end().catch(() => {});
  });

  it('resets to the image state on the same port with the same password', async () => {
    const name = t.cloneName('host');
    const { clone } = await cloneOf(plain, { name });
    await query(clone, 'app', 'DELETE FROM customers');
    const reset = await resetClone({ host: t.host, reporter: t.reporter, name });
    expect(reset.clone.networking).toBe('host');
    expect(reset.clone.connection.port).toBe(clone.connection.port);
    expect(reset.clone.connection.password).toBe(clone.connection.password);
    expect((await query(clone, 'app', 'SELECT count(*)::int AS n FROM customers'))[0]?.n).toBe(100);
    const containers = await t.docker.listContainers({ all: true, filters: { name: [`dataclone-${name}`] } });
    expect(containers).toHaveLength(1);
  });

  it('refuses a port that another process holds, and leaves nothing behind', async () => {
    const { port, release } = await holdPort();
    try {
      const before = await t.snapshot();
      await expect(cloneOf(plain, { port })).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
      expect(await t.snapshot()).toEqual(before);
    } finally {
      await release();
    }
  });

  it('serves a MariaDB instance the same way, refusing a wrong password over TCP', async () => {
    const { clone } = await cloneOf(warehouse);
    expect(clone.networking).toBe('host');
    const rows = await query<{ n: number }>(clone, 'inventory', 'SELECT count(*) AS n FROM products');
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
    for (const password of ['', 'not-the-password']) {
      await expect(
        mysql.createConnection({
          host: '127.0.0.1',
          port: clone.connection.port,
          user: clone.connection.user,
          password,
        }),
      ).rejects.toThrow(/Access denied/);
    }
  });

  it('warns when asked for an image whose databases connect to their own server', async () => {
    const { clone } = await cloneOf(fdw);
    expect(clone.networking).toBe('host');
    expect(t.reporter.lines.join('\n')).toContain('may connect to the server itself');
  });
});

describe('networking: auto', () => {
  it('takes host networking where it works the same, and bridge for an image that connects to itself', async () => {
    const expected = hostNetworkingWorks(
      await t.host.facts(),
      process.env.DOCKER_HOST,
      process.platform,
      sharesDockerNetwork,
    )
      ? 'host'
      : 'bridge';
    const a = await cloneOf(plain, { name: t.cloneName('auto'), networking: 'auto' });
    expect(a.clone.networking).toBe(expected);
    const b = await cloneOf(fdw, { name: t.cloneName('auto'), networking: 'auto' });
    expect(b.clone.networking).toBe('bridge');
    // The foreign tables reach the server at localhost:5432 inside the clone's own network.
    expect((await query(b.clone, 'reports', 'SELECT count(*)::int AS n FROM customers'))[0]?.n).toBe(100);
  });

  it('stays with bridge networking unless asked', async () => {
    const { clone } = await cloneOf(plain, { name: t.cloneName('default'), networking: undefined });
    expect(clone.networking).toBe('bridge');
    const info = await t.docker.getContainer(clone.containerId).inspect();
    expect(info.HostConfig.PortBindings).toBeTruthy();
  });
});

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
