import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DatacloneError } from '../../../src/core/errors.js';
import { loadImageDefinition } from '../../../src/definition/load-image-definition.js';
import { definitionWith, useDefinitionFolder } from './definition-folder.js';

const folder = useDefinitionFolder();

beforeEach(async () => {
  await folder.writeSources();
  await folder.write('data/fake.dump', 'CREATE TABLE t (id int);\n');
  await folder.write('data/fake.sql.gz', 'CREATE TABLE t (id int);\n');
  await folder.write('data/table.csv', 'id,name\n1,x\n');
  await folder.write('setup/roles.txt', 'CREATE ROLE app;\n');
  await folder.write('setup/broken.sql.gz', 'CREATE ROLE app;\n');
  await mkdir(folder.at('empty'));
});

/** The error loading `yaml` throws; every error users see is a DatacloneError with a hint. */
async function loadError(yaml: string): Promise<DatacloneError> {
  const error: unknown = await folder.load(yaml).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DatacloneError);
  expect((error as DatacloneError).hint).toBeTruthy();
  return error as DatacloneError;
}

const db = (lines: string) => definitionWith(`databases:\n  - name: a\n${lines}`);
const mysql = (lines: string) =>
  definitionWith(`databases:\n  - name: a\n${lines}`, 'name: shop\nengine: mysql\nversion: "8.4"\n');

describe('an image definition that does not match the schema', () => {
  it.each([
    [
      'a missing required field, at the mapping that lacks it',
      'name: x\nengine: postgres\ndatabases:\n  - name: a\n',
      "1:1: missing required field 'version'",
    ],
    [
      'a database without a name',
      definitionWith('databases:\n  - source: data/plain.sql\n'),
      "5:5: databases[0]: missing required field 'name'",
    ],
    [
      'an unknown engine',
      'name: x\nengine: oracle\nversion: "19"\ndatabases:\n  - name: a\n',
      "2:9: engine: 'oracle' is not one of 'postgres', 'mysql', 'mariadb'",
    ],
    [
      'a misspelt engine, with a suggestion',
      'name: x\nengine: postgress\nversion: "16"\ndatabases:\n  - name: a\n',
      "2:9: engine: 'postgress' is not one of 'postgres', 'mysql', 'mariadb'; did you mean 'postgres'?",
    ],
    [
      'a misspelt field, with a suggestion',
      db('    sorce: data/plain.sql\n'),
      "6:5: databases[0]: unknown field 'sorce'; did you mean 'source'?",
    ],
    [
      'a misspelt field of a script',
      db('after:\n  - script: after/mask.sql\n    databse: a\n'),
      "8:5: after[0]: unknown field 'databse'; did you mean 'database'?",
    ],
    ['an unknown top-level field', db('colour: blue\n'), "6:1: unknown field 'colour'"],
    [
      'an image name with capitals',
      'name: Shop\nengine: postgres\nversion: "16"\ndatabases:\n  - name: a\n',
      "1:7: name: an image name is lowercase letters, digits, '.', '_' and '-', starting with a letter or digit",
    ],
    [
      'a database name starting with a digit',
      definitionWith('databases:\n  - name: 1abc\n'),
      "5:11: databases[0].name: a database name is letters, digits and '_', not starting with a digit",
    ],
    [
      'a database name longer than 63 characters',
      definitionWith(`databases:\n  - name: ${'a'.repeat(64)}\n`),
      '5:11: databases[0].name: is longer than 63 characters',
    ],
    [
      'an empty list of databases',
      definitionWith('databases: []\n'),
      '4:12: databases: must list at least one entry',
    ],
    [
      'databases given as a mapping',
      definitionWith('databases:\n  name: a\n'),
      '5:3: databases: expected a list, found a mapping',
    ],
    [
      'an unknown format',
      db('    source: data/plain.sql\n    format: csv\n'),
      "7:13: databases[0].format: 'csv' is not one of 'custom', 'directory', 'sql', 'sql.gz', 'scripts'",
    ],
    [
      'a pg_dump format for mysql',
      mysql('    source: data/customers.dump\n    format: custom\n'),
      "7:13: databases[0].format: mysql and mariadb restore 'sql', 'sql.gz' or 'scripts' ('custom' and 'directory' are pg_dump formats)",
    ],
    [
      'the same dependency twice',
      definitionWith('databases:\n  - name: a\n    dependsOn: [b, b]\n  - name: b\n'),
      "6:16: databases[0].dependsOn: lists 'b' twice",
    ],
    [
      'a label name in the reserved dataclone. namespace',
      db('labels:\n  dataclone.engine: x\n'),
      "7:3: labels: 'dataclone.engine': a label name is lowercase letters, digits, '.', '_' and '-', and must not start with 'dataclone.' (reserved)",
    ],
    [
      'a label name with capitals',
      db('labels:\n  Team: x\n'),
      "7:3: labels: 'Team': a label name is lowercase letters, digits, '.', '_' and '-', and must not start with 'dataclone.' (reserved)",
    ],
    [
      'a label value that is a list',
      db('labels:\n  team: [a, b]\n'),
      '7:9: labels.team: expected a string, a number or a boolean, found a list',
    ],
    [
      'a lock threshold that is not a duration',
      db('    checks:\n      exclusiveLock:\n        longerThan: 2 seconds\n'),
      '8:21: databases[0].checks.exclusiveLock.longerThan: a duration is a number and ms, s or m (500ms, 2s, 1m)',
    ],
    [
      'a rewrite threshold without its size',
      db('    checks:\n      rewrite: {}\n'),
      "7:16: databases[0].checks.rewrite: missing required field 'largerThan'",
    ],
    [
      'a misspelt threshold',
      db('    checks:\n      exclusiveLocks:\n        longerThan: 2s\n'),
      "7:7: databases[0].checks: unknown field 'exclusiveLocks'; did you mean 'exclusiveLock'?",
    ],
    [
      'a script that is a number',
      db('setup:\n  - 42\n'),
      '7:5: setup[0]: expected a string or a mapping, found number 42',
    ],
  ])('rejects %s', async (_case, yaml, message) => {
    const error = await loadError(yaml);
    expect(error.message).toBe(`${folder.at('dataclone.yaml')}:${message}`);
  });

  it('lists every problem at once, one per line, in the order of the file', async () => {
    const error = await loadError(
      'name: Shop\nengine: postgres\nversion: "16"\ndatabases:\n  - nam: a\n    source: data/plain.sql\nlabls: {}\n',
    );
    const file = folder.at('dataclone.yaml');
    expect(error.message).toBe(
      [
        `${file}: 4 problems:`,
        `  ${file}:1:7: name: an image name is lowercase letters, digits, '.', '_' and '-', starting with a letter or digit`,
        `  ${file}:5:5: databases[0]: missing required field 'name'`,
        `  ${file}:5:5: databases[0]: unknown field 'nam'; did you mean 'name'?`,
        `  ${file}:7:1: unknown field 'labls'; did you mean 'labels'?`,
      ].join('\n'),
    );
  });
});

describe('the hint of a schema error', () => {
  it('is the description of the field from the schema, as editors show it on hover', async () => {
    const error = await loadError('name: x\nengine: postgres\ndatabases:\n  - name: a\n');
    expect(error.hint).toMatch(/^version: Major version of the server/);
  });

  it('lists the fields that are allowed, for an unknown one', async () => {
    const error = await loadError(db('    sorce: data/plain.sql\n'));
    expect(error.hint).toBe(
      'The fields here are: name, source, format, createsDatabase, dependsOn, migrations, checks.',
    );
  });
});

describe('an image definition that is not valid YAML', () => {
  it.each([
    [
      'an unclosed flow sequence',
      'name: x\nengine: [postgres\nversion: "16"\n',
      /dataclone\.yaml:3:\d+: this is not valid YAML: /,
    ],
    [
      'a bad indentation',
      'name: x\n  engine: postgres\n',
      /dataclone\.yaml:1:7: this is not valid YAML: Nested mappings are not allowed/,
    ],
    [
      'a field given twice',
      'name: x\nname: y\n',
      /dataclone\.yaml:2:1: this is not valid YAML: Map keys must be unique/,
    ],
  ])('rejects %s, with the parser’s line and column', async (_case, yaml, message) => {
    expect((await loadError(yaml)).message).toMatch(message);
  });

  it('rejects an empty file', async () => {
    expect((await loadError('# nothing yet\n')).message).toBe(
      `${folder.at('dataclone.yaml')}: the image definition is empty`,
    );
  });

  it('says so when the definition file does not exist', async () => {
    await expect(loadImageDefinition(folder.at('nope.yaml'))).rejects.toThrow(
      `image definition ${folder.at('nope.yaml')} does not exist`,
    );
  });
});

describe('an image definition that does not match the disk or itself', () => {
  it.each([
    [
      'an unknown postgres version',
      definitionWith('databases:\n  - name: a\n', 'name: x\nengine: postgres\nversion: "9.6"\n'),
      "3:10: version: postgres version '9.6' is not one dataclone knows",
      /"12", "13", "14", "15", "16", "17", "18"/,
    ],
    [
      'a mysql version that YAML read as a number',
      definitionWith('databases:\n  - name: a\n', 'name: x\nengine: mysql\nversion: 8\n'),
      "3:10: version: mysql version '8' is not one dataclone knows",
      /"8.0", "8.4", "9"/,
    ],
    [
      'a database listed twice',
      definitionWith('databases:\n  - name: a\n  - name: a\n'),
      "6:11: databases[1].name: database 'a' is listed twice",
      /own name/,
    ],
    [
      'a source file that does not exist',
      definitionWith('databases:\n  - name: a\n  - name: orders\n    source: data/nope.sql.gz\n'),
      `7:13: databases[1].source: file "data/nope.sql.gz" does not exist (looked for ${path.join('<dir>', 'data/nope.sql.gz')})`,
      /relative path/,
    ],
    [
      'a source folder that does not exist',
      db('    source: reports/\n'),
      `6:13: databases[0].source: folder "reports/" does not exist (looked for ${path.join('<dir>', 'reports')})`,
      /relative path/,
    ],
    [
      'a .dump that is not a pg_dump archive',
      db('    source: data/fake.dump\n'),
      '6:13: databases[0].source: "data/fake.dump" is not a pg_dump custom-format archive (no PGDMP header)',
      /pg_dump -Fc/,
    ],
    [
      'format custom on a plain SQL file',
      db('    source: data/plain.sql\n    format: custom\n'),
      '6:13: databases[0].source: "data/plain.sql" is not a pg_dump custom-format archive (no PGDMP header)',
      /format: sql/,
    ],
    [
      'a .sql.gz that is not gzip',
      db('    source: data/fake.sql.gz\n'),
      `6:13: databases[0].source: "data/fake.sql.gz" is not gzip (it does not start with gzip's 1f 8b): it is corrupt or not compressed`,
      /gzip/,
    ],
    [
      'format sql on a gzip file',
      db('    source: data/orders.sql.gz\n    format: sql\n'),
      '6:13: databases[0].source: "data/orders.sql.gz" is gzip-compressed, not plain SQL',
      /format: sql\.gz/,
    ],
    [
      'format directory on a folder without toc.dat',
      db('    source: reporting\n    format: directory\n'),
      '6:13: databases[0].source: "reporting" is not a pg_dump directory-format dump (it has no toc.dat)',
      /pg_dump -Fd/,
    ],
    [
      'format sql on a folder',
      db('    source: reporting\n    format: sql\n'),
      '6:13: databases[0].source: "reporting" is a folder, but format sql is a file',
      /change format/,
    ],
    [
      'a folder with no scripts',
      db('    source: empty\n'),
      '6:13: databases[0].source: the folder "empty" has no .sql or .sql.gz scripts',
      /leave source out/,
    ],
    [
      'a file of no known kind',
      db('    source: data/table.csv\n'),
      '6:13: databases[0].source: cannot tell what "data/table.csv" holds: it is not a pg_dump archive or gzip, and its name does not end in .sql',
      /format: sql/,
    ],
    [
      'a format without a source',
      db('    format: sql\n'),
      '6:13: databases[0].format: format is given but there is no source',
      /remove format/,
    ],
    [
      'a pg_dump archive for mysql',
      mysql('    source: data/customers.dump\n'),
      '6:13: databases[0].source: "data/customers.dump" is a pg_dump custom-format archive, which mysql cannot restore',
      /mysqldump/,
    ],
    [
      'a pg_dump directory for mariadb',
      definitionWith(
        'databases:\n  - name: a\n    source: data/archive\n',
        'name: x\nengine: mariadb\nversion: "11.4"\n',
      ),
      '6:13: databases[0].source: "data/archive" is a pg_dump directory-format dump, which mariadb cannot restore',
      /mysqldump/,
    ],
    [
      'migrations that do not exist',
      db('    migrations: migrations/nope\n'),
      `6:17: databases[0].migrations: folder "migrations/nope" does not exist (looked for ${path.join('<dir>', 'migrations/nope')})`,
      /relative path/,
    ],
    [
      'migrations that are a file',
      db('    migrations: data/plain.sql\n'),
      `6:17: databases[0].migrations: "data/plain.sql" is a file, not a folder (${path.join('<dir>', 'data/plain.sql')})`,
      /Flyway/,
    ],
    [
      'a dependency that is not a database, with a suggestion',
      definitionWith('databases:\n  - name: orders\n    dependsOn: [custmers]\n  - name: customers\n'),
      "6:17: databases[0].dependsOn[0]: 'custmers' is not one of the databases; did you mean 'customers'?",
      /customers/,
    ],
    [
      'a database that depends on itself',
      db('    dependsOn: [a]\n'),
      "6:17: databases[0].dependsOn[0]: database 'a' cannot depend on itself",
      /Remove it/,
    ],
    [
      'databases that depend on each other',
      definitionWith(
        'databases:\n  - name: customers\n    dependsOn: [orders]\n  - name: orders\n    dependsOn: [customers]\n',
      ),
      '6:17: databases[0].dependsOn[0]: these databases depend on each other in a cycle: customers -> orders -> customers',
      /must go/,
    ],
    [
      'a primary that is not a database',
      definitionWith('primary: orders\ndatabases:\n  - name: a\n'),
      "4:10: primary: 'orders' is not one of the databases",
      /are: a\./,
    ],
    [
      'a script in a database that does not exist',
      db('after:\n  - script: after/mask.sql\n    database: b\n'),
      "8:15: after[0].database: 'b' is not one of the databases",
      /are: a\./,
    ],
    [
      'a setup script that does not exist',
      db('setup:\n  - setup/nope.sql\n'),
      `7:5: setup[0]: file "setup/nope.sql" does not exist (looked for ${path.join('<dir>', 'setup/nope.sql')})`,
      /relative path/,
    ],
    [
      'an after script that does not exist',
      db('after:\n  - script: after/nope.sql\n'),
      `7:13: after[0].script: file "after/nope.sql" does not exist (looked for ${path.join('<dir>', 'after/nope.sql')})`,
      /relative path/,
    ],
    [
      'a script that is not SQL',
      db('setup:\n  - setup/roles.txt\n'),
      '7:5: setup[0]: "setup/roles.txt" is not a .sql or .sql.gz file',
      /SQL files/,
    ],
    [
      'a script that is a folder',
      db('setup:\n  - setup\n'),
      '7:5: setup[0]: "setup" is not a .sql or .sql.gz file',
      /list each one/,
    ],
    [
      'a .sql.gz script that is not gzip',
      db('setup:\n  - setup/broken.sql.gz\n'),
      '7:5: setup[0]: "setup/broken.sql.gz" is not gzip (it does not start with gzip\'s 1f 8b): it is corrupt or not compressed',
      /gzip/,
    ],
  ])('rejects %s', async (_case, yaml, message, hint) => {
    const error = await loadError(yaml);
    const expected = `${folder.at('dataclone.yaml')}:${message.replaceAll('<dir>', folder.dir)}`;
    expect(error.message).toBe(expected);
    expect(error.hint).toMatch(hint);
  });

  it('reports the cycle by its full path when it passes through several databases', async () => {
    const error = await loadError(
      definitionWith(
        'databases:\n  - name: a\n  - name: b\n    dependsOn: [d]\n  - name: c\n    dependsOn: [b]\n  - name: d\n    dependsOn: [a, c]\n',
      ),
    );
    expect(error.message).toContain(
      ':7:17: databases[1].dependsOn[0]: these databases depend on each other in a cycle: b -> d -> c -> b',
    );
  });
});
