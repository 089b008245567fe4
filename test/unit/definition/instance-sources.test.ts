import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DatacloneError } from '../../../src/core/errors.js';
import { definitionWith, useDefinitionFolder } from './definition-folder.js';

const folder = useDefinitionFolder();

const PG_CREATE =
  "SET client_encoding = 'UTF8';\nCREATE DATABASE shop WITH TEMPLATE = template0;\n\\connect shop\nCREATE TABLE t (id int);\n";
const PG_DUMPALL =
  '--\n-- PostgreSQL database cluster dump\n--\n\nSET default_transaction_read_only = off;\nCREATE ROLE postgres;\n';
const MYSQL_DATABASES =
  'CREATE DATABASE /*!32312 IF NOT EXISTS*/ `sales`;\nUSE `sales`;\nCREATE TABLE t (id int);\n';
const MARIADB = 'name: shop\nengine: mariadb\nversion: "10.11"\n';

async function loadError(yaml: string): Promise<DatacloneError> {
  const error: unknown = await folder.load(yaml).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DatacloneError);
  return error as DatacloneError;
}

describe('a database source that creates its own database', () => {
  it.each([
    ['a pg_dump --create script', 'shop.sql', PG_CREATE, undefined],
    ['a gzip-compressed pg_dump --create script', 'shop.sql.gz', gzipSync(PG_CREATE), undefined],
    ['a mysqldump --databases script', 'shop.sql', MYSQL_DATABASES.replaceAll('sales', 'shop'), MARIADB],
  ])('is recognised from its statements: %s', async (_case, name, content, head) => {
    await folder.write(name, content);
    const definition = await folder.load(
      definitionWith(`databases:\n  - name: shop\n    source: ${name}\n`, head),
    );
    expect(definition.databases[0]?.source).toMatchObject({ createsDatabase: true });
  });

  it('is a plain script to run inside the database when createsDatabase: false says so', async () => {
    await folder.write('shop.sql', PG_CREATE);
    const definition = await folder.load(
      definitionWith('databases:\n  - name: shop\n    source: shop.sql\n    createsDatabase: false\n'),
    );
    expect(definition.databases[0]?.source).toEqual({ kind: 'sql', path: folder.at('shop.sql') });
  });

  it('can be declared with createsDatabase: true when its head does not show it', async () => {
    await folder.write('shop.sql', 'CREATE TABLE before_anything (id int);\nCREATE DATABASE shop;\n');
    const definition = await folder.load(
      definitionWith('databases:\n  - name: shop\n    source: shop.sql\n    createsDatabase: true\n'),
    );
    expect(definition.databases[0]?.source).toMatchObject({ createsDatabase: true });
  });

  it('must create the database its entry names: the error names the file, the field and both names', async () => {
    await folder.write('dumps/orders.sql', PG_CREATE);
    const error = await loadError(
      definitionWith('databases:\n  - name: orders\n    source: dumps/orders.sql\n'),
    );
    expect(error.message).toMatch(
      /dataclone\.yaml:6:13: databases\[0\]\.source: "dumps\/orders\.sql" creates database 'shop' \(CREATE DATABASE at its head\), but this entry is 'orders'/,
    );
    expect(error.hint).toMatch(/Name the entry 'shop'/);
  });

  it('is refused when it switches to another database without creating one', async () => {
    await folder.write('x.sql', MYSQL_DATABASES.replace(/^CREATE DATABASE.*\n/, ''));
    const error = await loadError(definitionWith('databases:\n  - name: shop\n    source: x.sql\n', MARIADB));
    expect(error.message).toMatch(
      /switches to database 'sales' at its head \(USE sales\), so it would not restore into 'shop'/,
    );
  });

  it('is pointed at instance when it is pg_dumpall output', async () => {
    await folder.write('all.sql', PG_DUMPALL);
    const error = await loadError(definitionWith('databases:\n  - name: shop\n    source: all.sql\n'));
    expect(error.message).toMatch(/"all\.sql" is a pg_dumpall dump of a whole server/);
    expect(error.hint).toMatch(/instance: \{ source: all\.sql \}/);
  });

  it('is pointed at instance when it creates several databases', async () => {
    await folder.write('two.sql', 'CREATE DATABASE a;\nCREATE DATABASE b;\n\\c a\n');
    const error = await loadError(definitionWith('databases:\n  - name: a\n    source: two.sql\n'));
    expect(error.message).toMatch(/creates several databases \(a, b\)/);
  });

  it('cannot be named by a setup script, which runs before the database exists', async () => {
    await folder.write('shop.sql', PG_CREATE);
    await folder.write('roles.sql', 'CREATE ROLE app;\n');
    const error = await loadError(
      definitionWith(
        'setup:\n  - script: roles.sql\n    database: shop\ndatabases:\n  - name: shop\n    source: shop.sql\n',
      ),
    );
    expect(error.message).toMatch(
      /setup\[0\]\.database: setup scripts run before any restore, and database 'shop' does not exist until its source creates it/,
    );
  });
});

describe('an instance source', () => {
  it('needs no databases list, and marks listed entries without source as its own', async () => {
    await folder.write('backups/prod.dumpall.sql.gz', gzipSync(PG_DUMPALL));
    await folder.write('extra.sql', 'CREATE TABLE t (id int);\n');
    const definition = await folder.load(
      definitionWith(
        'instance:\n  source: backups/prod.dumpall.sql.gz\ndatabases:\n  - name: shop\n  - name: extra\n    source: extra.sql\n    dependsOn: [shop]\n',
      ),
    );
    expect(definition.instance).toEqual({
      source: { kind: 'sql-gz', path: folder.at('backups/prod.dumpall.sql.gz'), createsDatabase: true },
    });
    expect(definition.databases.map((db) => [db.name, db.source.kind])).toEqual([
      ['shop', 'instance'],
      ['extra', 'sql'],
    ]);
    const alone = await folder.load(definitionWith('instance:\n  source: backups/prod.dumpall.sql.gz\n'));
    expect(alone.databases).toEqual([]);
    expect(alone.primaryDatabase).toBe('');
  });

  it('accepts mysqldump --all-databases or --databases output for mariadb', async () => {
    await folder.write('all.sql', MYSQL_DATABASES);
    const definition = await folder.load(
      definitionWith('instance:\n  source: all.sql\nprimary: sales\n', MARIADB),
    );
    expect(definition.instance?.source?.kind).toBe('sql');
    expect(definition.primaryDatabase).toBe('sales');
  });

  it('is refused when it is a dump of one database', async () => {
    await folder.write('one.sql', 'SET x = 1;\nCREATE TABLE t (id int);\n');
    const error = await loadError(definitionWith('instance:\n  source: one.sql\n'));
    expect(error.message).toMatch(
      /dataclone\.yaml:5:11: instance\.source: "one\.sql" does not look like a dump of a whole server/,
    );
    expect(error.hint).toMatch(/pg_dumpall/);
  });

  it('is refused when it is a pg_dump archive', async () => {
    await folder.write('one.dump', Buffer.from('PGDMP\u0001\u000e\u0000'));
    const error = await loadError(definitionWith('instance:\n  source: one.dump\n'));
    expect(error.message).toMatch(
      /"one\.dump" is a pg_dump archive of one database, not a dump of a whole server/,
    );
  });

  it('is a misspelt field with a suggestion, and without it databases are required', async () => {
    expect((await loadError(definitionWith('instance:\n  sorce: x.sql\n'))).message).toMatch(/sorce/);
    expect((await loadError(definitionWith(''))).message).toMatch(/databases/);
  });

  it('cannot be the database of a setup script', async () => {
    await folder.write('all.sql', PG_DUMPALL);
    await folder.write('roles.sql', 'CREATE ROLE app;\n');
    const error = await loadError(
      definitionWith(
        'instance:\n  source: all.sql\nsetup:\n  - script: roles.sql\n    database: shop\ndatabases:\n  - name: shop\n',
      ),
    );
    expect(error.message).toMatch(/does not exist until the instance source is restored/);
  });
});
