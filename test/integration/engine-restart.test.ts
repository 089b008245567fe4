import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClone, requireClone } from '../../src/clones/read-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { DockerHost } from '../../src/docker/docker-host.js';
import { buildImage } from '../../src/images/build-image.js';
import type { Job } from '../../src/pipeline/job.js';
import { provision } from '../../src/pipeline/provision.js';
import { teardown } from '../../src/pipeline/teardown.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { query } from '../support/query.js';
import { RecordingReporter } from '../support/recording-reporter.js';
import {
  startRestartableDockerEngine,
  type RestartableDockerEngine,
} from '../support/restartable-docker-engine.js';

/**
 * A per-PR clone kept across runs holds the state of the pull request: a restart of the Docker
 * Engine (a host reboot, an engine upgrade) must not lose it. Runs on a second dockerd of its
 * own, which it restarts; never the main one. (Clones with a standby are started again in
 * standby.test.ts: their proxy reaches its servers by name, and this engine, without iptables
 * rules of its own, has no name service on its networks.)
 */
const CASES = [
  {
    engine: 'postgres',
    networking: 'bridge',
    definition:
      'name: restart-pg\nengine: postgres\nversion: "15"\ndatabases:\n  - name: app\n    source: app.sql\n',
    sql: 'CREATE TABLE items (id int PRIMARY KEY);\nINSERT INTO items SELECT generate_series(1, 100);\n',
    count: 'SELECT count(*)::int AS n FROM items',
  },
  {
    engine: 'mariadb',
    networking: 'host',
    definition:
      'name: restart-mariadb\nengine: mariadb\nversion: "10.11"\ndatabases:\n  - name: app\n    source: app.sql\n',
    sql: 'CREATE TABLE items (id int PRIMARY KEY);\nINSERT INTO items SELECT seq FROM seq_1_to_100;\n',
    count: 'SELECT count(*) AS n FROM items',
  },
] as const;

let engine: RestartableDockerEngine;
let host: DockerHost;
const reporter = new RecordingReporter();
const removeFolders: Array<() => Promise<void>> = [];

beforeAll(async () => {
  engine = await startRestartableDockerEngine(['postgres:15', 'mariadb:10.11']);
  host = new DockerHost(engine.docker, 'the test engine');
}, 600_000);

afterAll(async () => {
  await engine?.stop();
  for (const remove of removeFolders) await remove();
}, 120_000);

/** Polls until a query with the clone's own password works again (the engine starts it by itself). */
async function countWhenBack(job: Job, name: string, sql: string): Promise<number> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const clone = await requireClone(job.host, name);
      const rows = await query<{ n: number }>(clone, 'app', sql);
      return Number(rows[0]?.n);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

describe('a kept per-PR clone and a Docker Engine restart', () => {
  it.each(CASES)(
    'comes back by itself with its data, port and password, and a later `provision --reuse keep` starts it again when it is exited ($engine, $networking networking)',
    async ({ definition, sql, count, networking }) => {
      const folder = await writeDefinitionFolder({ 'dataclone.yaml': definition, 'app.sql': sql });
      removeFolders.push(folder.remove);
      const kind = networking;
      const image = `dataclone-test/restart-${kind}:1`;
      await buildImage({
        host,
        reporter,
        definition: await loadImageDefinition(folder.definition),
        tag: image,
      });
      const job: Job = { host, reporter, owner: `test-restart-${kind}` };
      const name = `pr-8-${kind}`;
      try {
        const provisioned = { image, name, reuse: 'keep', lifetime: '1d', networking } as const;
        const first = (await provision(job, provisioned)).clones[0]!;
        await query(first, 'app', 'DELETE FROM items WHERE id > 10');

        await engine.restart();
        expect(await countWhenBack(job, name, count)).toBe(10);
        const back = await requireClone(host, name);
        expect(back.containerId).toBe(first.containerId);
        expect(back.connection.port).toBe(first.connection.port);
        expect(back.connection.password).toBe(first.connection.password);

        // Stopped (as after an engine restart that did not start it): still listed with its
        // last port, and the next run starts it again instead of replacing it.
        await engine.docker.getContainer(first.containerId).stop({ t: 10 });
        const exited = await findClone(host, name);
        expect(exited?.status).toBe('exited');
        expect(exited?.connection.port).toBe(first.connection.port);
        expect(exited?.connection.password).toBe(first.connection.password);

        const kept = (await provision(job, { ...provisioned, networking: undefined })).clones[0]!;
        expect(kept.containerId).toBe(first.containerId);
        expect(kept.status).toBe('running');
        expect(kept.connection.port).toBe(first.connection.port);
        expect(Number((await query<{ n: number }>(kept, 'app', count))[0]?.n)).toBe(10);
        expect(reporter.lines.join('\n')).not.toContain(`Replacing clone ${name}`);
      } finally {
        await teardown(job);
      }
    },
  );
});
