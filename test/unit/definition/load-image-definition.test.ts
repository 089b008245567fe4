import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadImageDefinition } from '../../../src/definition/load-image-definition.js';
import { definitionWith, useDefinitionFolder } from './definition-folder.js';

const folder = useDefinitionFolder();

const FULL = `# yaml-language-server: $schema=../../schema/dataclone.schema.json
name: shop
engine: postgres
version: "16"
primary: orders
setup:
  - setup/roles.sql
  - script: setup/roles.sql
    database: customers
databases:
  - name: reporting
    source: reporting/
    dependsOn: [orders, customers]
  - name: orders
    source: data/orders.sql.gz
    dependsOn: [customers]
  - name: customers
    source: data/customers.dump
    migrations: migrations/customers
    checks:
      exclusiveLock: { longerThan: 1.5s, rows: 100000 }
      rewrite: { largerThan: 100MB }
  - name: archive
    source: data/archive
  - name: plain
    source: data/plain.sql
    format: sql
  - name: scratch
after:
  - script: after/mask.sql
    database: customers
labels:
  team: payments
  tier: 2
  nightly: true
`;

describe('loadImageDefinition', () => {
  it('resolves a full definition: every kind of source, absolute paths, databases in restore order', async () => {
    await folder.writeSources();
    const definition = await folder.load(FULL);
    const at = folder.at;
    expect(definition).toEqual({
      file: at('dataclone.yaml'),
      directory: folder.dir,
      name: 'shop',
      engine: 'postgres',
      version: '16',
      baseImage: 'postgres:16',
      primaryDatabase: 'orders',
      databases: [
        {
          name: 'customers',
          source: { kind: 'pg-custom', path: at('data/customers.dump') },
          dependsOn: [],
          migrations: at('migrations/customers'),
          checks: { exclusiveLock: { longerThanMs: 1500, rows: 100_000 }, rewriteBytes: 100 * 1024 * 1024 },
        },
        {
          name: 'orders',
          source: { kind: 'sql-gz', path: at('data/orders.sql.gz') },
          dependsOn: ['customers'],
        },
        {
          name: 'reporting',
          source: {
            kind: 'scripts',
            path: at('reporting'),
            files: [
              at('reporting/1_servers.sql.gz'),
              at('reporting/2_tables.sql'),
              at('reporting/10_views.sql'),
            ],
          },
          dependsOn: ['orders', 'customers'],
        },
        { name: 'archive', source: { kind: 'pg-directory', path: at('data/archive') }, dependsOn: [] },
        { name: 'plain', source: { kind: 'sql', path: at('data/plain.sql') }, dependsOn: [] },
        { name: 'scratch', source: { kind: 'empty' }, dependsOn: [] },
      ],
      setup: [{ path: at('setup/roles.sql') }, { path: at('setup/roles.sql'), database: 'customers' }],
      after: [{ path: at('after/mask.sql'), database: 'customers' }],
      labels: { team: 'payments', tier: '2', nightly: 'true' },
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
  });

  it('fills in the defaults: the official base image, the first database listed as primary, no scripts or labels', async () => {
    const definition = await folder.load(
      definitionWith(
        'databases:\n  - name: b\n    dependsOn: [a]\n  - name: a\n',
        'name: x\nengine: postgres\nversion: 15\n',
      ),
    );
    expect(definition).toMatchObject({
      version: '15',
      baseImage: 'postgres:15',
      primaryDatabase: 'b',
      setup: [],
      after: [],
      labels: {},
    });
    expect(definition.databases.map((db) => db.name)).toEqual(['a', 'b']);
  });

  it.each([
    ['mysql', '"8.4"', '8.4', 'mysql:8.4'],
    ['mysql', '8.0', '8.0', 'mysql:8.0'],
    ['mariadb', '10.11', '10.11', 'mariadb:10.11'],
    ['postgres', '18', '18', 'postgres:18'],
  ])(
    'keeps %s version %s as written (%s) and defaults the base image to %s',
    async (engine, written, version, image) => {
      const definition = await folder.load(
        `name: x\nengine: ${engine}\nversion: ${written}\ndatabases:\n  - name: a\n`,
      );
      expect(definition).toMatchObject({ version, baseImage: image });
    },
  );

  it('uses the base image it is given', async () => {
    const definition = await folder.load(
      definitionWith('baseImage: registry.local/postgis:16\ndatabases:\n  - name: a\n'),
    );
    expect(definition.baseImage).toBe('registry.local/postgis:16');
  });

  it('keeps label numbers as written, and turns booleans into strings', async () => {
    const definition = await folder.load(
      definitionWith('databases:\n  - name: a\nlabels:\n  ratio: 1.50\n  nightly: false\n  team: data\n'),
    );
    expect(definition.labels).toEqual({ ratio: '1.50', nightly: 'false', team: 'data' });
  });

  it('accepts absolute paths, and resolves relative ones against the folder of the definition', async () => {
    await folder.writeSources();
    const definition = await folder.load(
      definitionWith(
        `databases:\n  - name: a\n    source: ${folder.at('data/plain.sql')}\n  - name: b\n    source: ./data/../data/orders.sql.gz\n`,
      ),
    );
    expect(definition.databases.map((db) => db.source)).toEqual([
      { kind: 'sql', path: folder.at('data/plain.sql') },
      { kind: 'sql-gz', path: folder.at('data/orders.sql.gz') },
    ]);
  });

  it('names the definition file in errors as it was given', async () => {
    await folder.write('dataclone.yaml', definitionWith('databases:\n  - name: a\n    source: nope.sql\n'));
    const given = path.relative(process.cwd(), folder.at('dataclone.yaml'));
    await expect(loadImageDefinition(given)).rejects.toThrow(
      `${given}:6:13: databases[0].source: file "nope.sql"`,
    );
  });
});
