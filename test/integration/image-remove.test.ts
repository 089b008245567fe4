import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClone } from '../../src/clones/create-clone.js';
import { findClone } from '../../src/clones/read-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { Labels } from '../../src/docker/labels.js';
import { buildImage } from '../../src/images/build-image.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { runCliFromSources } from '../support/run-cli.js';
import { useTestHost } from '../support/test-host.js';

const t = useTestHost();
let built: string;
let removeFolder: () => Promise<void>;

beforeAll(async () => {
  const folder = await writeDefinitionFolder({
    'dataclone.yaml':
      'name: remove-test\nengine: postgres\nversion: "15"\ndatabases:\n  - name: shop\n    source: shop.sql\n',
    'shop.sql': 'CREATE TABLE items (id int);\n',
  });
  removeFolder = folder.remove;
  built = t.imageTag('remove-base');
  await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(folder.definition),
    tag: built,
  });
});

afterAll(async () => {
  await t.cleanup();
  await removeFolder?.();
});

/** A data image of its own (a new ID, the built one plus a label), tagged with `count` new tags. */
async function dataImage(count = 1): Promise<{ id: string; tags: string[] }> {
  const container = await t.docker.createContainer({ Image: built, Entrypoint: ['true'], Cmd: [] });
  try {
    const committed = (await container.commit({ changes: [`LABEL test.variant=${Math.random()}`] })) as {
      Id: string;
    };
    const tags = Array.from({ length: count }, () => t.imageTag('remove'));
    for (const tag of tags) await t.host.tagImage(committed.Id, tag);
    return { id: committed.Id, tags };
  } finally {
    await container.remove({ force: true, v: true });
  }
}

async function cloneOf(image: string, standby = false) {
  const { clone } = await createClone({
    host: t.host,
    reporter: t.reporter,
    image,
    name: t.cloneName('remove'),
    owner: t.owner,
    standby,
  });
  return clone;
}

describe('image remove', () => {
  it('removes a data image no clone uses', async () => {
    const { tags } = await dataImage();
    const run = await runCliFromSources(['image', 'remove', tags[0]!, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      images: [{ reference: tags[0], imageRemoved: true }],
      clones: [],
    });
    expect(await t.host.inspectImage(tags[0]!)).toBeUndefined();
  });

  it('refuses while clones use the image, naming them, and removes nothing', async () => {
    const { tags } = await dataImage();
    const clone = await cloneOf(tags[0]!);
    const run = await runCliFromSources(['image', 'remove', tags[0]!]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`image ${tags[0]} is used by 1 clone(s): ${clone.name}`);
    expect(run.stderr).toContain('--force');
    expect(await t.host.inspectImage(tags[0]!)).toBeDefined();
    expect((await findClone(t.host, clone.name))?.status).toBe('running');
  });

  it('with --force, removes those clones (a warm standby with its servers too), then the image', async () => {
    const { tags } = await dataImage();
    const plain = await cloneOf(tags[0]!);
    const standby = await cloneOf(tags[0]!, true);
    const run = await runCliFromSources(['image', 'remove', tags[0]!, '--force', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).clones.sort()).toEqual([plain.name, standby.name].sort());
    expect(await findClone(t.host, plain.name)).toBeUndefined();
    expect(await findClone(t.host, standby.name)).toBeUndefined();
    expect(await t.host.findContainers({ [Labels.standbyOf]: standby.name })).toEqual([]);
    expect(await t.host.inspectImage(tags[0]!)).toBeUndefined();
  });

  it('removes only the tag when the image keeps another one, leaving its clones alone', async () => {
    const { id, tags } = await dataImage(2);
    const clone = await cloneOf(tags[0]!);
    const run = await runCliFromSources(['image', 'remove', tags[0]!]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Removed tag ${tags[0]}; the image keeps ${tags[1]}`);
    expect((await t.host.inspectImage(tags[1]!))?.id).toBe(id);
    expect((await findClone(t.host, clone.name))?.status).toBe('running');
  });

  it('says so for a tag that is not a data image, or no image at all, and then removes nothing', async () => {
    const { tags } = await dataImage();
    const notData = t.imageTag('not-data');
    await t.host.tagImage('postgres:15', notData);
    const refused = await runCliFromSources(['image', 'remove', tags[0]!, notData]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`'${notData}' is not a data image`);
    expect(refused.stderr).toContain(`docker rmi ${notData}`);
    expect(await t.host.inspectImage(notData)).toBeDefined();
    expect(await t.host.inspectImage(tags[0]!)).toBeDefined();

    const missing = await runCliFromSources(['image', 'remove', `${tags[0]}-no-such`]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`there is no image '${tags[0]}-no-such'`);
  });

  it('needs at least one image', async () => {
    const run = await runCliFromSources(['image', 'remove']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing <image:tag>/);
  });
});
