import { afterAll, describe, expect, it } from 'vitest';
import { createClone } from '../../src/clones/create-clone.js';
import { findCloneContainer } from '../../src/clones/read-clone.js';
import { resetClone } from '../../src/clones/reset-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { PASSWORD_RECORD_FILE } from '../../src/engines/engine.js';
import { buildImage } from '../../src/images/build-image.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { useTestHost } from '../support/test-host.js';

/**
 * A reset stops the old server while it reads the clone's password: when the password turns out
 * to be lost, the clone is left as it was found, running under its name with its data.
 */
const t = useTestHost();
const folders: (() => Promise<void>)[] = [];
afterAll(async () => {
  await t.cleanup();
  for (const remove of folders) await remove();
});

describe('a reset of a clone whose password record is gone', () => {
  it('fails saying so, and leaves the clone running under its name', async () => {
    const folder = await writeDefinitionFolder({
      'dataclone.yaml':
        'name: lost-record\nengine: postgres\nversion: "15"\ndatabases:\n  - name: app\n    source: app.sql\n',
      'app.sql': 'CREATE TABLE t (id int);\n',
    });
    folders.push(folder.remove);
    const image = t.imageTag('lost-record');
    await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(folder.definition),
      tag: image,
    });
    const name = t.cloneName('lost');
    const { clone } = await createClone({ host: t.host, reporter: t.reporter, image, name, owner: t.owner });
    const removed = await t.host.exec(clone.containerId, ['rm', PASSWORD_RECORD_FILE], { user: 'root' });
    expect(removed.exitCode).toBe(0);

    await expect(resetClone({ host: t.host, reporter: t.reporter, name })).rejects.toThrow(
      `clone ${name}: its password cannot be found, so a reset could not keep it`,
    );
    const after = await findCloneContainer(t.host, name);
    expect(after).toMatchObject({ id: clone.containerId, running: true });
  });
});
