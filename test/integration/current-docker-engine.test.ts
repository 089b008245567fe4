import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clone } from '../../src/clones/clone.js';
import { createClone } from '../../src/clones/create-clone.js';
import { removeClone } from '../../src/clones/remove-clone.js';
import { resetClone } from '../../src/clones/reset-clone.js';
import { saveClone } from '../../src/clones/save-clone.js';
import { CLONE_LABELS } from '../../src/docker/labels.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { DockerHost } from '../../src/docker/docker-host.js';
import { buildImage } from '../../src/images/build-image.js';
import { readDataImage } from '../../src/images/data-image.js';
import { pullImage, pushImage } from '../../src/images/registry.js';
import {
  CURRENT_DOCKER_MISSING,
  currentDockerChroot,
  startCurrentDockerEngine,
  type CurrentDockerEngine,
} from '../support/current-docker-engine.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { query } from '../support/query.js';
import { RecordingReporter } from '../support/recording-reporter.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

/**
 * The core of the product on a current Docker Engine (Debian sid's docker.io, 28.x with
 * containerd 2) beside the host's: build, clone, reset (plain and standby), save, push and pull
 * through a registry, once on the classic image store and once on the containerd image store
 * (the default of Docker 29 installations and of Docker Desktop), which keeps images as
 * compressed blobs plus snapshots, names them by manifest digest and commits differently.
 */
const chroot = currentDockerChroot();

const DEFINITION = {
  'dataclone.yaml':
    'name: current\nengine: postgres\nversion: "15"\ndatabases:\n  - name: app\n    source: app.sql\n',
  'app.sql': `CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 100) g;
`,
};

async function count(clone: Clone): Promise<number> {
  const [row] = await query<{ n: number }>(clone, 'app', 'SELECT count(*)::int AS n FROM customers');
  return Number(row?.n);
}

if (!chroot) {
  console.warn(`current-docker-engine.test.ts is skipped: it ${CURRENT_DOCKER_MISSING}`);
  describe('a current Docker Engine', () => {
    it.skip(CURRENT_DOCKER_MISSING, () => {});
  });
} else {
  let registry: TestRegistry;
  const removeFolders: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    registry = await startRegistry();
  });

  afterAll(async () => {
    await registry?.stop();
    for (const remove of removeFolders) await remove();
  });

  describe.each([
    { store: 'classic', containerdSnapshotter: false },
    { store: 'containerd', containerdSnapshotter: true },
  ])(`Docker ${chroot}, $store image store`, ({ store, containerdSnapshotter }) => {
    let engine: CurrentDockerEngine;
    let host: DockerHost;
    const reporter = new RecordingReporter();
    const owner = `test-current-${store}`;
    const image = `dataclone-test/current-${store}:1`;
    const credentials = () => ({ user: registry.user, password: registry.password });

    beforeAll(async () => {
      engine = await startCurrentDockerEngine(['postgres:15'], { containerdSnapshotter });
      host = new DockerHost(engine.docker, `the Docker ${chroot} test engine`);
      const folder = await writeDefinitionFolder(DEFINITION);
      removeFolders.push(folder.remove);
      await buildImage({
        host,
        reporter,
        definition: await loadImageDefinition(folder.definition),
        tag: image,
      });
    }, 600_000);

    afterAll(async () => {
      await engine?.stop();
    }, 120_000);

    it('runs the store it was asked for', async () => {
      expect((await host.facts()).containerdImageStore === true).toBe(containerdSnapshotter);
    });

    it("builds a data image of one layer over the base image's, its size what its files take unpacked", async () => {
      const [data, base] = await Promise.all([readDataImage(host, image), host.inspectImage('postgres:15')]);
      const layers = async (reference: string) => (await host.readImageConfig(reference)).rootfs.diff_ids;
      expect((await layers(image)).length).toBe((await layers('postgres:15')).length + 1);
      // Not the compressed blobs plus the snapshots, which the containerd store counts in `Size`.
      expect(data.sizeBytes).toBeGreaterThan(base?.sizeBytes ?? 0);
      expect(data.sizeBytes).toBeLessThan((base?.sizeBytes ?? 0) * 1.5);
      expect((await host.listImages({})).find((listed) => listed.id === data.id)?.sizeBytes).toBe(
        data.sizeBytes,
      );
    });

    it.each([false, true])('clones and resets a clone to the image state (standby %s)', async (standby) => {
      const { clone } = await createClone({ host, reporter, image, owner, standby });
      try {
        await query(clone, 'app', 'DELETE FROM customers WHERE id > 10');
        const { clone: reset } = await resetClone({ host, reporter, name: clone.name });
        expect(reset.connection.password).toBe(clone.connection.password);
        expect(await count(reset)).toBe(100);
      } finally {
        await removeClone({ host, reporter, name: clone.name });
      }
    });

    it('saves a clone as an image that clones start from, with no value of the clone in it', async () => {
      const { clone } = await createClone({ host, reporter, image, owner });
      const stash = `dataclone-test/current-${store}-saved:1`;
      try {
        await query(clone, 'app', 'DELETE FROM customers WHERE id > 7');
        await saveClone({ host, reporter, name: clone.name, tag: stash });
        const inspected = await engine.docker.getImage(stash).inspect();
        expect(JSON.stringify(inspected)).not.toContain(clone.connection.password);
        const variables = (inspected.Config.Env ?? []).filter((variable) =>
          variable.startsWith('DATACLONE_'),
        );
        const labels = CLONE_LABELS.filter((key) => key in (inspected.Config.Labels ?? {}));
        if (containerdSnapshotter) {
          // That store cannot load a configuration without its layers' blobs, so the commit
          // itself empties what the clone set: the keys stay, with no value (README, host).
          expect(variables.every((variable) => variable.endsWith('='))).toBe(true);
          expect(labels.every((key) => inspected.Config.Labels?.[key] === '')).toBe(true);
        } else {
          expect(variables).toEqual([]);
          expect(labels).toEqual([]);
        }
        const { clone: fromStash } = await createClone({ host, reporter, image: stash, owner });
        try {
          expect(await count(fromStash)).toBe(7);
        } finally {
          await removeClone({ host, reporter, name: fromStash.name });
        }
      } finally {
        await removeClone({ host, reporter, name: clone.name });
      }
    });

    it('pushes to a registry and pulls back by tag and by digest, and a clone starts from the pulled image', async () => {
      const reference = `${registry.address}/dataclone-test/current-${store}:1`;
      await host.tagImage((await host.inspectImage(image))?.id ?? '', reference);
      const digest = await pushImage({ host, reporter, reference, credentials: credentials() });
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);

      await host.removeImage(reference);
      await host.removeImage(image);
      const pulled = await pullImage({ host, reporter, reference, credentials: credentials() });
      expect(pulled.flushMs).toBeGreaterThanOrEqual(0);
      const byDigest = `${registry.address}/dataclone-test/current-${store}@${digest}`;
      await pullImage({ host, reporter, reference: byDigest, credentials: credentials() });
      expect((await host.inspectImage(byDigest))?.id).toBe((await host.inspectImage(reference))?.id);
      // The containerd store names an image by its manifest's digest: the one the registry gave.
      if (containerdSnapshotter) expect((await host.inspectImage(reference))?.id).toBe(digest);

      const { clone } = await createClone({ host, reporter, image: reference, owner });
      try {
        expect(await count(clone)).toBe(100);
      } finally {
        await removeClone({ host, reporter, name: clone.name });
      }
    });
  });
}
