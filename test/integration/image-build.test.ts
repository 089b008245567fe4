import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BUILD_CONTAINER_PREFIX } from '../../src/images/build-image.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import { readDataImage } from '../../src/images/data-image.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { runCliFromSources } from '../support/run-cli.js';
import { useTestHost } from '../support/test-host.js';

const GOOD = `name: build-test
engine: postgres
version: "15"
setup:
  - roles.sql
databases:
  - name: app
    source: app.sql
  - name: ledger
    source: ledger.sql.gz
    dependsOn: [app]
after:
  - script: mask.sql
    database: app
labels:
  team: payments
`;

const FILES = {
  'roles.sql': 'CREATE ROLE app_owner;\n',
  'app.sql':
    "CREATE TABLE users (id int PRIMARY KEY, email text);\nALTER TABLE users OWNER TO app_owner;\nINSERT INTO users VALUES (1, 'ann@example.com');\n",
  'ledger.sql.gz': gzipSync(
    'CREATE TABLE entries (id int, amount numeric);\nINSERT INTO entries VALUES (1, 9.99);\n',
  ),
  'mask.sql': "UPDATE users SET email = 'user' || id || '@masked.invalid';\n",
};

describe('image build', () => {
  const t = useTestHost();
  const folders: (() => Promise<void>)[] = [];

  async function definitionWith(files: Record<string, string | Buffer>) {
    const folder = await writeDefinitionFolder(files);
    folders.push(folder.remove);
    return loadImageDefinition(folder.definition);
  }

  afterEach(async () => {
    await Promise.all(folders.splice(0).map((remove) => remove()));
  });
  afterAll(() => t.cleanup());

  it('restores every database in order, runs the scripts and labels the image', async () => {
    const tag = t.imageTag('good');
    const definition = await definitionWith({ 'dataclone.yaml': GOOD, ...FILES });
    const built = await buildImage({ host: t.host, reporter: t.reporter, definition, tag });
    const image = await readDataImage(t.host, tag);
    expect(image).toMatchObject({
      id: built.imageId,
      engine: 'postgres',
      engineVersion: '15',
      definitionName: 'build-test',
      definitionDigest: definition.digest,
      primaryDatabase: 'app',
      databases: [
        { name: 'app', dependsOn: [] },
        { name: 'ledger', dependsOn: ['app'] },
      ],
    });
    expect(Date.parse(image.built)).toBeGreaterThan(Date.now() - 600_000);
    expect((await t.host.inspectImage(tag))?.labels.team).toBe('payments');
    expect(built.steps.map((step) => step.step)).toEqual(
      expect.arrayContaining(['initialise', 'restore app', 'restore ledger', 'finalise', 'commit']),
    );
    expect(t.reporter.progressUpdates.some((update) => update.task === 'restore database ledger')).toBe(true);
  });

  describe('a build that fails leaves no container and no image, and moves no tag', () => {
    it.each([
      [
        'a script that fails half way',
        { 'mask.sql': 'UPDATE users SET email = NULL;\nSELECT no_such_function();\n' },
        /after script 1.*no_such_function/s,
      ],
      [
        'a truncated .sql.gz',
        { 'ledger.sql.gz': gzipSync('CREATE TABLE entries (id int);\n'.repeat(50)).subarray(0, 30) },
        /not a valid gzip archive|could not read/,
      ],
      [
        'a dump that does not load',
        { 'app.sql': 'CREATE TABLE users (id int PRIMARY KEY;\n' },
        /restore database app.*syntax error/s,
      ],
    ])('%s', async (_case, override, message) => {
      const tag = t.imageTag('kept');
      const good = await buildImage({
        host: t.host,
        reporter: t.reporter,
        definition: await definitionWith({ 'dataclone.yaml': GOOD, ...FILES }),
        tag,
      });
      const before = await t.snapshot();
      const definition = await definitionWith({ 'dataclone.yaml': GOOD, ...FILES, ...override });
      await expect(buildImage({ host: t.host, reporter: t.reporter, definition, tag })).rejects.toThrow(
        message,
      );
      expect(await t.snapshot()).toEqual(before);
      expect((await t.host.inspectImage(tag))?.id).toBe(good.imageId);
    });

    it('a restore that fails early in an input larger than the pipe buffers: the CLI exits at once', async () => {
      // 19 statements, the last of them failing, then 8 MB that psql never reads.
      const row = `INSERT INTO big VALUES (1, '${'y'.repeat(200)}');\n`;
      const sql = [
        'CREATE TABLE big (id int, payload text);\n',
        ...Array.from({ length: 17 }, (_, i) => `INSERT INTO big VALUES (${i}, 'x');\n`),
        'INSERT INTO no_such_table VALUES (1);\n',
        row.repeat(Math.ceil((8 * 1024 * 1024) / row.length)),
      ].join('');
      const name = `early-failure-${process.pid}`;
      const folder = await writeDefinitionFolder({
        'dataclone.yaml': `name: ${name}\nengine: postgres\nversion: "15"\ndatabases:\n  - name: big\n    source: big.sql\n`,
        'big.sql': sql,
      });
      folders.push(folder.remove);

      const build = await runCliFromSources([
        'image',
        'build',
        '-f',
        folder.definition,
        '--tag',
        t.imageTag('early'),
      ]);
      expect(build.code).toBe(1);
      expect(build.stderr).toMatch(
        /restore database big.*psql:\/.*\/big\.sql:19: ERROR: {2}relation "no_such_table"/s,
      );
      // It exited as soon as it had said why (it used to take two minutes more).
      expect(build.exitedMs - build.errorPrintedMs).toBeLessThan(3000);
      const containers = await t.docker.listContainers({ all: true });
      expect(containers.flatMap((c) => c.Names)).not.toContainEqual(
        expect.stringContaining(`${BUILD_CONTAINER_PREFIX}${name}-`),
      );
    });

    it('a base image that cannot be found or pulled', async () => {
      const before = await t.snapshot();
      const definition = await definitionWith({
        'dataclone.yaml': GOOD.replace(
          'version: "15"',
          'version: "15"\nbaseImage: dataclone-test/no-such-base:1',
        ),
        ...FILES,
      });
      await expect(
        buildImage({ host: t.host, reporter: t.reporter, definition, tag: t.imageTag('nobase') }),
      ).rejects.toThrow(
        /baseImage: image dataclone-test\/no-such-base:1 is not on .* and could not be pulled/,
      );
      expect(await t.snapshot()).toEqual(before);
    });

    it('a build that is cancelled', async () => {
      const before = await t.snapshot();
      const definition = await definitionWith({ 'dataclone.yaml': GOOD, ...FILES });
      const controller = new AbortController();
      const building = buildImage({
        host: t.host,
        reporter: t.reporter,
        definition,
        tag: t.imageTag('cancelled'),
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 1500);
      await expect(building).rejects.toThrow(/cancelled/);
      expect(await t.snapshot()).toEqual(before);
    });
  });
});
