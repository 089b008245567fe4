import path from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClone } from '../../src/clones/create-clone.js';
import { listClones, requireClone } from '../../src/clones/read-clone.js';
import { removeClone } from '../../src/clones/remove-clone.js';
import { resetClone } from '../../src/clones/reset-clone.js';
import { startStoppedClone } from '../../src/clones/start-stopped-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import type { Job } from '../../src/pipeline/job.js';
import { provision } from '../../src/pipeline/provision.js';
import { resetJob } from '../../src/pipeline/reset.js';
import { teardown } from '../../src/pipeline/teardown.js';
import { SAMPLE_DEFINITION } from '../support/fixtures.js';
import { query } from '../support/query.js';
import { useTestHost } from '../support/test-host.js';

const WAREHOUSE = path.resolve(import.meta.dirname, '../../examples/warehouse/dataclone.yaml');

const t = useTestHost();
let shop: string;
let warehouse: string;

beforeAll(async () => {
  shop = t.imageTag('standby-shop');
  warehouse = t.imageTag('standby-warehouse');
  await Promise.all([
    buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(SAMPLE_DEFINITION),
      tag: shop,
    }),
    buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(WAREHOUSE),
      tag: warehouse,
    }),
  ]);
});

afterAll(() => t.cleanup());

async function serversOf(name: string): Promise<string[]> {
  return t.host.findContainers({ 'dataclone.standby-of': name });
}

describe('clones with a warm standby', () => {
  it('starts again with the data it had and its proxy pointing where it did, once its containers stopped (an engine restart)', async () => {
    const { clone } = await createClone({
      host: t.host,
      reporter: t.reporter,
      image: shop,
      owner: t.owner,
      standby: true,
    });
    try {
      // After a reset the state lives in slot b: the proxy must come back pointing at it.
      await resetClone({ host: t.host, reporter: t.reporter, name: clone.name });
      await query(clone, 'orders', 'DELETE FROM orders WHERE id > 10');
      for (const id of [clone.containerId, ...(await serversOf(clone.name))])
        await t.docker.getContainer(id).stop({ t: 10 });
      expect((await requireClone(t.host, clone.name)).status).toBe('exited');

      const { clone: started } = await startStoppedClone({
        host: t.host,
        reporter: t.reporter,
        name: clone.name,
      });
      expect(started.connection.port).toBe(clone.connection.port);
      expect(started.connection.password).toBe(clone.connection.password);
      expect(await query(started, 'orders', 'SELECT count(*)::int AS n FROM orders')).toEqual([{ n: 10 }]);
    } finally {
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
    }
  });

  it('resets by handing over to the standby: same port and password, image state, a new standby behind it', async () => {
    const before = await t.snapshot();
    const { clone } = await createClone({
      host: t.host,
      reporter: t.reporter,
      image: shop,
      owner: t.owner,
      standby: true,
    });
    try {
      expect(clone.standby).toBe(true);
      // The proxy is the clone; its two servers are not clones of their own.
      expect((await listClones(t.host, t.owner)).map((c) => c.name)).toEqual([clone.name]);
      expect(await serversOf(clone.name)).toHaveLength(2);
      expect(await query(clone, 'orders', 'SELECT count(*)::int AS n FROM orders')).toEqual([{ n: 2000 }]);

      for (let round = 1; round <= 3; round++) {
        await query(clone, 'orders', 'DELETE FROM orders');
        const reset = await resetClone({ host: t.host, reporter: t.reporter, name: clone.name });
        expect(reset.clone.connection.port).toBe(clone.connection.port);
        expect(reset.clone.connection.password).toBe(clone.connection.password);
        expect(await query(clone, 'orders', 'SELECT count(*)::int AS n FROM orders')).toEqual([{ n: 2000 }]);
        expect(await serversOf(clone.name)).toHaveLength(2);
        expect(t.reporter.lines.at(-1)).toMatch(/handed over to its standby in \d+ ms/);
      }
    } finally {
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
    }
    // The proxy, both servers and the clone's network are gone.
    expect(await t.snapshot()).toEqual(before);
  });

  it('works for MariaDB, and ends the sessions of the state it throws away', async () => {
    const { clone } = await createClone({
      host: t.host,
      reporter: t.reporter,
      image: warehouse,
      owner: t.owner,
      standby: true,
    });
    try {
      const session = await mysql.createConnection(clone.connection.databases[1]?.url ?? '');
      session.on('error', () => {});
      await session.query('DELETE FROM orders');
      await resetClone({ host: t.host, reporter: t.reporter, name: clone.name });
      expect(await query(clone, 'sales', 'SELECT count(*) AS n FROM orders')).toEqual([{ n: 1500 }]);
      await expect(session.query('SELECT count(*) FROM orders')).rejects.toThrow();
      session.destroy();
    } finally {
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
    }
  });

  it('in a job: provision with a standby, reset the job, and teardown removes the proxy, both servers and the network', async () => {
    const job: Job = { host: t.host, reporter: t.reporter, owner: `${t.owner}-standby` };
    try {
      const { clones } = await provision(job, { image: shop, standby: true });
      const reset = await resetJob(job);
      expect(reset.clones.map((c) => c.name)).toEqual(clones.map((c) => c.name));
      const removed = await teardown(job);
      expect(removed.removed).toEqual(clones.map((c) => c.name));
      expect(await t.host.findContainers({ 'dataclone.owner': job.owner })).toEqual([]);
      expect(await t.host.findNetworks({ 'dataclone.owner': job.owner })).toEqual([]);
    } finally {
      await teardown(job);
    }
  });

  it('when its standby was removed by hand, a reset starts one and still works', async () => {
    const { clone } = await createClone({
      host: t.host,
      reporter: t.reporter,
      image: shop,
      owner: t.owner,
      standby: true,
    });
    try {
      const servers = await serversOf(clone.name);
      const infos = await Promise.all(servers.map((id) => t.host.inspectContainer(id)));
      const standby = infos.sort((a, b) => (a?.created ?? '').localeCompare(b?.created ?? '')).at(-1);
      await t.host.removeContainer(standby?.id ?? '');
      await query(clone, 'orders', 'DELETE FROM orders');
      await resetClone({ host: t.host, reporter: t.reporter, name: clone.name });
      expect(await query(clone, 'orders', 'SELECT count(*)::int AS n FROM orders')).toEqual([{ n: 2000 }]);
      expect(await serversOf(clone.name)).toHaveLength(2);
    } finally {
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
    }
  });
});
