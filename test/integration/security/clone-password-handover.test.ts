import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClone } from '../../../src/clones/create-clone.js';
import { requireClone } from '../../../src/clones/read-clone.js';
import { resetClone } from '../../../src/clones/reset-clone.js';
import { loadImageDefinition } from '../../../src/definition/load-image-definition.js';
import { PASSWORD_HANDOVER_FILE } from '../../../src/engines/engine.js';
import { buildImage } from '../../../src/images/build-image.js';
import { writeDefinitionFolder } from '../../support/fixtures.js';
import { useTestHost } from '../../support/test-host.js';

/**
 * A clone's password reaches its server without staying anywhere a process of the container or
 * the container's configuration shows it: not in any process's environment (/proc/<pid>/environ,
 * readable by the server's uid), not in the container's Env (`docker inspect`), and the hand-over
 * file is gone once the server holds it. dataclone reads it back from a record only root can read.
 */
const DEFINITIONS = {
  postgres:
    'name: handover-pg\nengine: postgres\nversion: "15"\ndatabases:\n  - name: app\n    source: app.sql\n',
  mariadb:
    'name: handover-mariadb\nengine: mariadb\nversion: "10.11"\ndatabases:\n  - name: app\n    source: app.sql\n',
} as const;

const t = useTestHost();
const images: Record<string, string> = {};
const removeFolders: Array<() => Promise<void>> = [];

beforeAll(async () => {
  for (const [engine, definition] of Object.entries(DEFINITIONS)) {
    const folder = await writeDefinitionFolder({
      'dataclone.yaml': definition,
      'app.sql': 'CREATE TABLE t (id int);\n',
    });
    removeFolders.push(folder.remove);
    images[engine] = t.imageTag(`handover-${engine}`);
    await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(folder.definition),
      tag: images[engine],
    });
  }
});

afterAll(async () => {
  await t.cleanup();
  for (const remove of removeFolders) await remove();
});

/**
 * What the container shows of the password, as its processes and `docker inspect` see it. A
 * MariaDB start script removes the hand-over once the server answers on its socket, which may be
 * a few milliseconds after the clone answered dataclone: so the look is repeated for a while.
 */
async function wherePasswordShows(containerId: string, password: string) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const seen = await lookForPassword(containerId, password);
    if (!seen.handoverLeft || Date.now() > deadline) return seen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function lookForPassword(containerId: string, password: string) {
  const inspected = await t.docker.getContainer(containerId).inspect();
  const inside = await t.host.exec(
    containerId,
    [
      'sh',
      '-c',
      // Every process's environment, as the server's uid reads it; and whether the hand-over is left.
      'for p in /proc/[0-9]*; do cat "$p/environ" 2>/dev/null; echo; done; [ -e "$1" ] && echo HANDOVER-LEFT; cat /var/lib/dataclone-clone/password 2>/dev/null || echo RECORD-UNREADABLE',
      'sh',
      PASSWORD_HANDOVER_FILE,
    ],
    { user: inspected.Config.User },
  );
  return {
    inEnv: (inspected.Config.Env ?? []).some((entry) => entry.includes(password)),
    inProcessEnvironments: inside.stdout
      .split('\n')
      .some((line) => !line.startsWith('RECORD') && line.includes(password)),
    handoverLeft: inside.stdout.includes('HANDOVER-LEFT'),
    recordUnreadableByServer: inside.stdout.includes('RECORD-UNREADABLE'),
  };
}

describe.each(['postgres', 'mariadb'])('the password of a %s clone', (engine) => {
  it('is in no process environment, not in the container Env, and its hand-over is gone, after create and after reset', async () => {
    const name = t.cloneName('handover');
    const { clone } = await createClone({
      host: t.host,
      reporter: t.reporter,
      image: images[engine]!,
      name,
      owner: t.owner,
    });
    const password = clone.connection.password;
    const clean = {
      inEnv: false,
      inProcessEnvironments: false,
      handoverLeft: false,
      recordUnreadableByServer: true,
    };
    expect(await wherePasswordShows(clone.containerId, password)).toEqual(clean);
    // Read back by another process, and kept by a reset.
    expect((await requireClone(t.host, name)).connection.password).toBe(password);
    const { clone: reset } = await resetClone({ host: t.host, reporter: t.reporter, name });
    expect(reset.connection.password).toBe(password);
    expect(await wherePasswordShows(reset.containerId, password)).toEqual(clean);
  });
});
