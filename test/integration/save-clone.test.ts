import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClone } from '../../src/clones/create-clone.js';
import { removeClone } from '../../src/clones/remove-clone.js';
import { resetClone } from '../../src/clones/reset-clone.js';
import { saveClone } from '../../src/clones/save-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import { readDataImage } from '../../src/images/data-image.js';
import { SAMPLE_DEFINITION } from '../support/fixtures.js';
import { query } from '../support/query.js';
import { useTestHost } from '../support/test-host.js';

const t = useTestHost();
let image: string;

beforeAll(async () => {
  image = t.imageTag('save');
  await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(SAMPLE_DEFINITION),
    tag: image,
  });
});

afterAll(() => t.cleanup());

describe('clone save', () => {
  it.each([false, true])(
    'commits the current state as a new image, keeps the clone running, and clones start from it (standby %s)',
    async (standby) => {
      const { clone } = await createClone({
        host: t.host,
        reporter: t.reporter,
        image,
        owner: t.owner,
        standby,
      });
      const stash = t.imageTag('stash');
      try {
        await query(clone, 'orders', 'DELETE FROM orders WHERE id > 7');
        const saved = await saveClone({ host: t.host, reporter: t.reporter, name: clone.name, tag: stash });
        // The clone carries on, with its state, port and password.
        expect(await query(clone, 'orders', 'SELECT count(*)::int AS n FROM orders')).toEqual([{ n: 7 }]);

        const data = await readDataImage(t.host, stash);
        expect(data).toMatchObject({ id: saved.imageId, engine: 'postgres', primaryDatabase: 'customers' });
        const inspected = await t.docker.getImage(stash).inspect();
        expect(inspected.Config.Env).not.toEqual(
          expect.arrayContaining([`DATACLONE_PASSWORD=${clone.connection.password}`]),
        );
        expect(inspected.Config.Labels).not.toHaveProperty('dataclone.clone');
        expect(inspected.Config.Labels).not.toHaveProperty('dataclone.owner');

        const { clone: fromStash } = await createClone({
          host: t.host,
          reporter: t.reporter,
          image: stash,
          owner: t.owner,
        });
        expect(fromStash.standby).toBeUndefined();
        expect(await query(fromStash, 'orders', 'SELECT count(*)::int AS n FROM orders')).toEqual([{ n: 7 }]);
        await query(fromStash, 'orders', 'DELETE FROM orders');
        await resetClone({ host: t.host, reporter: t.reporter, name: fromStash.name });
        expect(await query(fromStash, 'orders', 'SELECT count(*)::int AS n FROM orders')).toEqual([{ n: 7 }]);
        await removeClone({ host: t.host, reporter: t.reporter, name: fromStash.name });
      } finally {
        await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
      }
    },
  );

  it('a tag that is not an image reference, and a clone that does not exist', async () => {
    await expect(
      saveClone({ host: t.host, reporter: t.reporter, name: 'x', tag: 'Not A Tag' }),
    ).rejects.toThrow(/--tag/);
    await expect(
      saveClone({ host: t.host, reporter: t.reporter, name: 'no-such-clone', tag: t.imageTag('never') }),
    ).rejects.toThrow("no clone named 'no-such-clone'");
  });
});
