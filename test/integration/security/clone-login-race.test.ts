import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloneNetworking } from '../../../src/clones/clone-networking.js';
import { createClone } from '../../../src/clones/create-clone.js';
import { removeClone } from '../../../src/clones/remove-clone.js';
import { resetClone } from '../../../src/clones/reset-clone.js';
import { saveClone } from '../../../src/clones/save-clone.js';
import { loadImageDefinition } from '../../../src/definition/load-image-definition.js';
import { buildImage } from '../../../src/images/build-image.js';
import { writeDefinitionFolder } from '../../support/fixtures.js';
import { freePort } from '../../support/free-port.js';
import { startLoginRacer, type RacerLogin } from '../../support/login-racer.js';
import { useTestHost } from '../../support/test-host.js';

/**
 * A local process that logs in to a clone's port in a tight loop while the clone starts, resets or
 * hands over to its standby must never get in: not without a password (MariaDB's root@127.0.0.1
 * from mariadb-install-db, PostgreSQL's trusted loopback), not as an anonymous user, and not with
 * a stale password (an earlier clone's, or the one a saved image's data still holds).
 */
const RESETS = 12;

const ENGINES = {
  postgres: {
    definition: `name: race-pg
engine: postgres
version: "15"
databases:
  - name: app
    source: app.sql
`,
    sql: 'CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1);\n',
    superuser: 'postgres',
  },
  mariadb: {
    definition: `name: race-mariadb
engine: mariadb
version: "10.11"
databases:
  - name: app
    source: app.sql
`,
    sql: 'CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1);\n',
    superuser: 'root',
  },
} as const;
type EngineName = keyof typeof ENGINES;

const t = useTestHost();
const images: Partial<Record<EngineName, string>> = {};
const removeFolders: Array<() => Promise<void>> = [];

beforeAll(async () => {
  for (const engine of Object.keys(ENGINES) as EngineName[]) {
    const folder = await writeDefinitionFolder({
      'dataclone.yaml': ENGINES[engine].definition,
      'app.sql': ENGINES[engine].sql,
    });
    removeFolders.push(folder.remove);
    const tag = t.imageTag(`race-${engine}`);
    await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(folder.definition),
      tag,
    });
    images[engine] = tag;
  }
});

afterAll(async () => {
  await t.cleanup();
  for (const remove of removeFolders) await remove();
});

/** Logins that must fail at every moment: none, anonymous, and the stale passwords given. */
function forbiddenLogins(engine: EngineName, stalePasswords: string[]): RacerLogin[] {
  const superuser = ENGINES[engine].superuser;
  return [
    { user: superuser, password: '', what: `${superuser} without a password` },
    ...(engine === 'mariadb' ? [{ user: '', password: '', what: 'an anonymous user' }] : []),
    ...stalePasswords.map((password) => ({
      user: superuser,
      password,
      what: `${superuser} with a stale password`,
    })),
  ];
}

/** Creates a clone on `port` and resets it RESETS times while a racer tries `logins` on that port. */
async function raceCreateAndResets(options: {
  engine: EngineName;
  image: string;
  networking?: CloneNetworking;
  standby?: boolean;
  logins: RacerLogin[];
}) {
  const port = await freePort();
  const name = t.cloneName('race');
  const racer = startLoginRacer({ engine: options.engine, port, logins: options.logins, database: 'app' });
  try {
    const { clone } = await createClone({
      host: t.host,
      reporter: t.reporter,
      image: options.image,
      name,
      owner: t.owner,
      port,
      networking: options.networking,
      standby: options.standby,
    });
    for (let i = 0; i < RESETS; i++) await resetClone({ host: t.host, reporter: t.reporter, name });
    const outcome = await racer.stop();
    return { clone, outcome };
  } finally {
    await racer.stop();
    await removeClone({ host: t.host, reporter: t.reporter, name }).catch(() => {});
  }
}

describe.each(['postgres', 'mariadb'] as const)('a %s clone, raced by a local login loop', (engine) => {
  it.each(['host', 'bridge'] as const)(
    `lets in no login without the clone's password while it is created and reset ${RESETS} times (%s networking)`,
    async (networking) => {
      const image = images[engine]!;
      // A password a clone of the same image had: a stale one.
      const { clone: earlier } = await createClone({
        host: t.host,
        reporter: t.reporter,
        image,
        owner: t.owner,
        networking,
      });
      await removeClone({ host: t.host, reporter: t.reporter, name: earlier.name });
      const { outcome } = await raceCreateAndResets({
        engine,
        image,
        networking,
        logins: forbiddenLogins(engine, [earlier.connection.password]),
      });
      expect(outcome.wins).toEqual({});
      // The racer reached the server, so it did race.
      expect(outcome.answered).toBeGreaterThan(0);
    },
  );

  it.each(['host', 'bridge'] as const)(
    `lets in no login with the saved clone's password to a clone of its saved image, created and reset ${RESETS} times (%s networking)`,
    async (networking) => {
      const { clone: saved } = await createClone({
        host: t.host,
        reporter: t.reporter,
        image: images[engine]!,
        owner: t.owner,
        networking,
      });
      const stash = t.imageTag(`race-${engine}-stash`);
      await saveClone({ host: t.host, reporter: t.reporter, name: saved.name, tag: stash });
      await removeClone({ host: t.host, reporter: t.reporter, name: saved.name });
      const { outcome } = await raceCreateAndResets({
        engine,
        image: stash,
        networking,
        logins: forbiddenLogins(engine, [saved.connection.password]),
      });
      expect(outcome.wins).toEqual({});
      expect(outcome.answered).toBeGreaterThan(0);
    },
  );

  it(`lets in no login without the clone's password while a clone with a standby is created and handed over ${RESETS} times`, async () => {
    const image = images[engine]!;
    const { clone: earlier } = await createClone({
      host: t.host,
      reporter: t.reporter,
      image,
      owner: t.owner,
    });
    await removeClone({ host: t.host, reporter: t.reporter, name: earlier.name });
    const { outcome } = await raceCreateAndResets({
      engine,
      image,
      standby: true,
      logins: forbiddenLogins(engine, [earlier.connection.password]),
    });
    expect(outcome.wins).toEqual({});
    expect(outcome.answered).toBeGreaterThan(0);
  });
});
