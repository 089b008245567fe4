import { afterAll, describe, expect, it } from 'vitest';
import { createClone } from '../../src/clones/create-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { Labels } from '../../src/docker/labels.js';
import { BUILD_CONTAINER_PREFIX, buildImage } from '../../src/images/build-image.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { useTestHost } from '../support/test-host.js';

/**
 * A data directory starts only under the major version that made it, and what differs between
 * versions is chosen from the image's version label: so the label, the definition's version and
 * the server the image runs must agree, or nothing starts.
 */
const t = useTestHost();
const folders: (() => Promise<void>)[] = [];
afterAll(async () => {
  await t.cleanup();
  for (const remove of folders) await remove();
});

async function definition(name: string, head: string) {
  const folder = await writeDefinitionFolder({
    'dataclone.yaml': `name: ${name}\n${head}databases:\n  - name: app\n    source: app.sql\n`,
    'app.sql': 'CREATE TABLE t (id int);\n',
  });
  folders.push(folder.remove);
  return loadImageDefinition(folder.definition);
}

describe('the server version of a data image', () => {
  it('refuses a build on a base image of another major version than the definition names, leaving nothing behind', async (context) => {
    if (!(await t.host.inspectImage('postgres:17'))) context.skip();
    const name = `other-major-${process.pid}`;
    const tag = t.imageTag('other-major');
    await expect(
      buildImage({
        host: t.host,
        reporter: t.reporter,
        definition: await definition(name, 'engine: postgres\nversion: "15"\nbaseImage: postgres:17\n'),
        tag,
      }),
    ).rejects.toThrow(
      /dataclone\.yaml: version names PostgreSQL 15, and baseImage postgres:17 runs PostgreSQL 17\.\d+/,
    );
    expect(await t.host.inspectImage(tag)).toBeUndefined();
    const containers = await t.docker.listContainers({ all: true });
    expect(containers.flatMap((c) => c.Names)).not.toContainEqual(
      expect.stringContaining(`${BUILD_CONTAINER_PREFIX}${name}-`),
    );
  });

  it('refuses to start a clone of an image labelled for another major version than the server it runs', async () => {
    const built = await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await definition('labelled-15', 'engine: postgres\nversion: "15"\n'),
      tag: t.imageTag('labelled-15'),
    });
    // The same layers, relabelled as if the data had been made by PostgreSQL 17.
    const container = await t.host.createContainer({
      name: `dataclone-test-relabel-${process.pid}`,
      image: built.imageId,
      labels: { [Labels.owner]: t.owner },
      entrypoint: ['true'],
      cmd: [],
    });
    const relabelled = t.imageTag('relabelled-17');
    try {
      const id = await t.host.commitContainer(container, [`LABEL ${Labels.engineVersion}=17`]);
      await t.host.tagImage(id, relabelled);
    } finally {
      await t.host.removeContainer(container);
    }
    const name = t.cloneName('other-major');
    await expect(
      createClone({ host: t.host, reporter: t.reporter, image: relabelled, name, owner: t.owner }),
    ).rejects.toThrow(
      `image ${relabelled}: its data was made by PostgreSQL 17 (label dataclone.engine.version), and the image runs PostgreSQL 15`,
    );
    expect(await t.host.inspectContainer(`dataclone-${name}`)).toBeUndefined();
  });
});
