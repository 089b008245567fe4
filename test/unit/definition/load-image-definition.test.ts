import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadImageDefinition } from '../../../src/definition/load-image-definition.js';
import { imageDefinitionSchema } from '../../../src/definition/schema.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-definition-'));
  await write('data/customers.dump', Buffer.concat([Buffer.from('PGDMP'), Buffer.alloc(20)]));
  await write('data/dir-dump/toc.dat', 'x');
  await write('data/plain.sql', 'CREATE TABLE t (id int);\n');
  await write('data/orders.sql.gz', gzipSync('CREATE TABLE o (id int);\n'));
  await write('scripts/10_last.sql', 'SELECT 10;\n');
  await write('scripts/2_second.sql', 'SELECT 2;\n');
  await write('scripts/1_first.sql.gz', gzipSync('SELECT 1;\n'));
  await write('scripts/notes.txt', 'not a script');
  await write('setup/roles.sql', 'CREATE ROLE r;\n');
  await write('after/mask.sql', 'UPDATE x SET y = 1;\n');
  await mkdir(path.join(dir, 'migrations/customers'), { recursive: true });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
  await writeFile(path.join(dir, name), content);
}

async function load(yaml: string) {
  await write('dataclone.yaml', yaml);
  return loadImageDefinition(path.join(dir, 'dataclone.yaml'));
}

const FULL = `name: shop
engine: postgres
version: "16"
primary: orders
setup:
  - setup/roles.sql
databases:
  - name: reporting
    source: scripts/
    dependsOn: [orders, customers]
  - name: orders
    source: data/orders.sql.gz
    dependsOn: [customers]
  - name: customers
    source: data/customers.dump
    migrations: migrations/customers
  - name: archive
    source: data/dir-dump
  - name: plain
    source: data/plain.sql
  - name: empty
after:
  - script: after/mask.sql
    database: customers
labels:
  team: payments
  tier: 2
`;

describe('loadImageDefinition', () => {
  it('resolves a full definition: every source kind, paths made absolute, databases in dependency order', async () => {
    const definition = await load(FULL);
    expect(definition).toMatchObject({
      name: 'shop',
      engine: 'postgres',
      version: '16',
      baseImage: 'postgres:16',
      primaryDatabase: 'orders',
      directory: dir,
      labels: { team: 'payments', tier: '2' },
      setup: [{ path: path.join(dir, 'setup/roles.sql') }],
      after: [{ path: path.join(dir, 'after/mask.sql'), database: 'customers' }],
    });
    expect(definition.databases.map((db) => db.name)).toEqual([
      'customers',
      'orders',
      'reporting',
      'archive',
      'plain',
      'empty',
    ]);
    const byName = Object.fromEntries(definition.databases.map((db) => [db.name, db]));
    expect(byName.customers?.source).toEqual({
      kind: 'pg-custom',
      path: path.join(dir, 'data/customers.dump'),
    });
    expect(byName.customers?.migrations).toBe(path.join(dir, 'migrations/customers'));
    expect(byName.orders?.source).toEqual({ kind: 'sql-gz', path: path.join(dir, 'data/orders.sql.gz') });
    expect(byName.archive?.source).toEqual({ kind: 'pg-directory', path: path.join(dir, 'data/dir-dump') });
    expect(byName.plain?.source).toEqual({ kind: 'sql', path: path.join(dir, 'data/plain.sql') });
    expect(byName.empty?.source).toEqual({ kind: 'empty' });
    expect(byName.reporting?.source).toEqual({
      kind: 'scripts',
      path: path.join(dir, 'scripts'),
      files: ['1_first.sql.gz', '2_second.sql', '10_last.sql'].map((name) => path.join(dir, 'scripts', name)),
    });
    expect(definition.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('fills in defaults: the official base image, the first database as primary', async () => {
    const definition = await load(
      'name: x\nengine: postgres\nversion: 15\ndatabases:\n  - name: a\n  - name: b\n',
    );
    expect(definition).toMatchObject({
      version: '15',
      baseImage: 'postgres:15',
      primaryDatabase: 'a',
      setup: [],
      after: [],
      labels: {},
    });
  });

  it('changes the digest when a source file changes, and only then', async () => {
    const first = (await load(FULL)).digest;
    expect((await load(FULL)).digest).toBe(first);
    await write('scripts/2_second.sql', 'SELECT 22;\n');
    expect((await load(FULL)).digest).not.toBe(first);
  });

  it.each([
    ['malformed YAML', 'name: x\nengine: [postgres\n', /dataclone\.yaml:\d+:\d+: this is not valid YAML/],
    ['an empty file', '', /the definition is empty/],
    [
      'a missing required field',
      'name: x\nengine: postgres\ndatabases:\n  - name: a\n',
      /dataclone\.yaml:1:1: missing required field 'version'/,
    ],
    [
      'an unknown engine',
      'name: x\nengine: oracle\nversion: "19"\ndatabases:\n  - name: a\n',
      /dataclone\.yaml:2:9: engine: must be one of 'postgres', 'mysql', 'mariadb'/,
    ],
    [
      'an unknown version',
      'name: x\nengine: postgres\nversion: "9"\ndatabases:\n  - name: a\n',
      /dataclone\.yaml:3:10: version: postgres version '9' is not known/,
    ],
    [
      'a misspelt field, with a suggestion',
      'name: x\nengine: postgres\nversion: "15"\ndatabases:\n  - name: a\n    sorce: data/plain.sql\n',
      /dataclone\.yaml:6:5: databases\[0\]: unknown field 'sorce'; did you mean 'source'\?/,
    ],
    [
      'a bad database name',
      'name: x\nengine: postgres\nversion: "15"\ndatabases:\n  - name: 1abc\n',
      /dataclone\.yaml:5:11: databases\[0\]\.name: a database name is letters/,
    ],
    [
      'no databases',
      'name: x\nengine: postgres\nversion: "15"\ndatabases: []\n',
      /databases: must list at least one entry/,
    ],
    [
      'a database listed twice',
      'name: x\nengine: postgres\nversion: "15"\ndatabases:\n  - name: a\n  - name: a\n',
      /dataclone\.yaml:6:11: databases\[1\]\.name: database 'a' is listed twice/,
    ],
    [
      'a missing source file',
      'name: x\nengine: postgres\nversion: "15"\ndatabases:\n  - name: a\n    source: data/nope.sql\n',
      /dataclone\.yaml:6:13: databases\[0\]\.source: "data\/nope\.sql" does not exist \(looked for .*data\/nope\.sql\)/,
    ],
    [
      'a .dump that is not a pg_dump archive',
      'name: x\nengine: postgres\nversion: "15"\ndatabases:\n  - name: a\n    source: data/plain.sql\n    format: custom\n',
      /not a pg_dump custom-format archive \(no PGDMP header\)/,
    ],
    [
      'a .sql.gz that is not gzip',
      'name: x\nengine: postgres\nversion: "15"\ndatabases:\n  - name: a\n    source: data/fake.sql.gz\n',
      /"data\/fake\.sql\.gz" is not a gzip file/,
    ],
    [
      'an empty scripts folder',
      'name: x\nengine: postgres\nversion: "15"\ndatabases:\n  - name: a\n    source: migrations/customers\n',
      /has no \.sql or \.sql\.gz scripts/,
    ],
    [
      'an unknown dependency',
      'name: x\nengine: postgres\nversion: "15"\ndatabases:\n  - name: a\n    dependsOn: [b]\n',
      /dataclone\.yaml:6:17: databases\[0\]\.dependsOn\[0\]: 'b' is not one of the databases/,
    ],
    [
      'a database depending on itself',
      'name: x\nengine: postgres\nversion: "15"\ndatabases:\n  - name: a\n    dependsOn: [a]\n',
      /cannot depend on itself/,
    ],
    [
      'a dependency cycle',
      'name: x\nengine: postgres\nversion: "15"\ndatabases:\n  - name: a\n    dependsOn: [c]\n  - name: b\n    dependsOn: [a]\n  - name: c\n    dependsOn: [b]\n',
      /in a cycle: a -> c -> b -> a/,
    ],
    [
      'a primary that is not a database',
      'name: x\nengine: postgres\nversion: "15"\nprimary: z\ndatabases:\n  - name: a\n',
      /dataclone\.yaml:4:10: primary: 'z' is not one of the databases/,
    ],
    [
      'a script in an unknown database',
      'name: x\nengine: postgres\nversion: "15"\ndatabases:\n  - name: a\nafter:\n  - script: after/mask.sql\n    database: b\n',
      /after\[0\]\.database: 'b' is not one of the databases/,
    ],
    [
      'a missing script',
      'name: x\nengine: postgres\nversion: "15"\ndatabases:\n  - name: a\nsetup:\n  - setup/nope.sql\n',
      /dataclone\.yaml:7:5: setup\[0\]: script "setup\/nope\.sql" does not exist/,
    ],
    [
      'a reserved label',
      'name: x\nengine: postgres\nversion: "15"\ndatabases:\n  - name: a\nlabels:\n  dataclone.engine: x\n',
      /must not start with 'dataclone\.'/,
    ],
    [
      'a pg_dump archive for mysql',
      'name: x\nengine: mariadb\nversion: "11.4"\ndatabases:\n  - name: a\n    source: data/customers.dump\n',
      /is a pg_dump archive, which mariadb cannot restore/,
    ],
    [
      'a migrations path that is not a folder',
      'name: x\nengine: postgres\nversion: "15"\ndatabases:\n  - name: a\n    migrations: data/plain.sql\n',
      /databases\[0\]\.migrations: "data\/plain\.sql" is not a folder/,
    ],
  ])('rejects %s, naming the file, line and field', async (_case, yaml, message) => {
    await write('data/fake.sql.gz', 'plain text');
    await expect(load(yaml)).rejects.toThrow(message);
  });

  it('lists every schema problem at once, each with its line', async () => {
    await expect(
      load('name: Bad Name\nengine: postgres\nversion: "15"\ndatabases:\n  - nam: a\n'),
    ).rejects.toThrow(
      /3 problems:\n.*dataclone\.yaml:1:7: name: .*\n.*dataclone\.yaml:5:5: databases\[0\]: missing required field 'name'\n.*dataclone\.yaml:5:5: databases\[0\]: unknown field 'nam'; did you mean 'name'\?/s,
    );
  });

  it('says so when the definition file itself is missing', async () => {
    await expect(loadImageDefinition(path.join(dir, 'nope.yaml'))).rejects.toThrow(
      /image definition .*nope\.yaml does not exist/,
    );
  });
});

describe('the JSON Schema shipped for editors', () => {
  it('is the schema the loader validates with (npm run build writes it)', async () => {
    const shipped = JSON.parse(
      await readFile(path.resolve(import.meta.dirname, '../../../schema/dataclone.schema.json'), 'utf8'),
    );
    expect(shipped).toEqual(imageDefinitionSchema);
  });
});
