import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clone } from '../../src/clones/clone.js';
import { createClone } from '../../src/clones/create-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import { startProxy, stopProxy, switchProxy } from '../../src/proxy/local-proxy.js';
import { SAMPLE_DEFINITION } from '../support/fixtures.js';
import { query } from '../support/query.js';
import { useTestHost } from '../support/test-host.js';
import { freePort } from '../support/free-port.js';

const t = useTestHost();
let a: Clone;
let b: Clone;
let port: number;

beforeAll(async () => {
  const image = t.imageTag('proxy');
  await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(SAMPLE_DEFINITION),
    tag: image,
  });
  const clones = await Promise.all(
    ['a', 'b'].map(async (branch) => {
      const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner });
      await query(clone, 'customers', `CREATE TABLE branch AS SELECT '${branch}'::text AS name`);
      return clone;
    }),
  );
  [a, b] = clones as [Clone, Clone];
  port = await freePort();
});

afterAll(() => t.cleanup());

/** Which clone answers on the proxy's port, with that clone's credentials. */
async function branchBehind(clone: Clone): Promise<string> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: clone.connection.user,
    password: clone.connection.password,
    database: 'customers',
  });
  await client.connect();
  try {
    return (await client.query<{ name: string }>('SELECT name FROM branch')).rows[0]?.name ?? '';
  } finally {
    await client.end();
  }
}

describe('dataclone proxy', () => {
  it('a stable port follows the clone it is switched to, and the switch ends the old sessions', async () => {
    await startProxy({ host: t.host, reporter: t.reporter, port, to: a.name, owner: t.owner });
    expect(await branchBehind(a)).toBe('a');

    const session = new pg.Client({
      host: '127.0.0.1',
      port,
      user: a.connection.user,
      password: a.connection.password,
      database: 'customers',
    });
    session.on('error', () => {});
    await session.connect();

    const switched = await switchProxy({ host: t.host, reporter: t.reporter, port, to: b.name });
    expect(await branchBehind(b)).toBe('b');
    await expect(session.query('SELECT 1')).rejects.toThrow();
    t.reporter.info(`proxy switch took ${switched.durationMs} ms`);

    await switchProxy({ host: t.host, reporter: t.reporter, port, to: a.name });
    expect(await branchBehind(a)).toBe('a');
  });

  it('a clone that is not there, and a port with no proxy: clear errors, the proxy keeps its target', async () => {
    await expect(
      switchProxy({ host: t.host, reporter: t.reporter, port, to: 'no-such-clone' }),
    ).rejects.toThrow("no clone named 'no-such-clone'");
    expect(await branchBehind(a)).toBe('a');
    await expect(
      switchProxy({ host: t.host, reporter: t.reporter, port: port + 1, to: a.name }),
    ).rejects.toThrow(`no dataclone proxy runs on port ${port + 1}`);
    await expect(
      startProxy({ host: t.host, reporter: t.reporter, port, to: b.name, owner: t.owner }),
    ).rejects.toThrow(`a dataclone proxy already listens on port ${port}`);
  });

  it('a target removed under the proxy: connections fail until it is switched, and stop frees the port', async () => {
    await t.host.removeContainer(a.containerId);
    await expect(branchBehind(a)).rejects.toThrow();
    await expect(switchProxy({ host: t.host, reporter: t.reporter, port, to: a.name })).rejects.toThrow(
      `no clone named '${a.name}'`,
    );
    await switchProxy({ host: t.host, reporter: t.reporter, port, to: b.name });
    expect(await branchBehind(b)).toBe('b');
    await stopProxy(t.host, t.reporter, port);
    await expect(branchBehind(b)).rejects.toThrow(/ECONNREFUSED/);
  });
});
