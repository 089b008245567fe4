import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldProblem } from '../../../src/definition/definition-error.js';
import { detectSource, type SourceFormat } from '../../../src/definition/detect-source.js';
import { resolveWrittenPath } from '../../../src/definition/inspect-path.js';
import type { EngineName } from '../../../src/definition/types.js';
import { PG_DUMP_ARCHIVE } from './definition-folder.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-source-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
  await writeFile(path.join(dir, name), content);
}

function detect(written: string, format?: SourceFormat, engine: EngineName = 'postgres') {
  return detectSource(resolveWrittenPath(dir, written), format, engine);
}

const GZIP = gzipSync('SELECT 1;\n');

describe('detectSource', () => {
  it.each([
    ['a .dump starting with PGDMP', 'x.dump', PG_DUMP_ARCHIVE, undefined, 'pg-custom'],
    ['a .backup starting with PGDMP', 'x.backup', PG_DUMP_ARCHIVE, undefined, 'pg-custom'],
    ['a file of any name starting with PGDMP', 'nightly', PG_DUMP_ARCHIVE, undefined, 'pg-custom'],
    ['a .sql.gz', 'x.sql.gz', GZIP, undefined, 'sql-gz'],
    ['a .gz', 'x.gz', GZIP, undefined, 'sql-gz'],
    ['a .sql that is really gzip', 'x.sql', GZIP, undefined, 'sql-gz'],
    ['a .sql', 'x.sql', 'SELECT 1;\n', undefined, 'sql'],
    ['a .SQL', 'X.SQL', 'SELECT 1;\n', undefined, 'sql'],
    ['a file of any name with format sql', 'x.txt', 'SELECT 1;\n', 'sql', 'sql'],
    ['a gzip file of any name with format sql.gz', 'x.bin', GZIP, 'sql.gz', 'sql-gz'],
  ] as const)('reads %s as %s', async (_case, name, content, format, kind) => {
    await write(name, content);
    expect(await detect(name, format)).toEqual({ kind, path: path.join(dir, name) });
  });

  it('reads a folder with a toc.dat as a pg_dump directory-format dump', async () => {
    await write('dump/toc.dat', 'toc');
    await write('dump/3001.dat.gz', GZIP);
    expect(await detect('dump')).toEqual({ kind: 'pg-directory', path: path.join(dir, 'dump') });
  });

  it('reads any other folder as scripts: its .sql and .sql.gz files, in natural order, without recursing', async () => {
    for (const name of ['10_views.sql', '2_tables.sql', '1_servers.sql.gz', '9_grants.SQL', '02_data.sql']) {
      await write(`scripts/${name}`, name.endsWith('.gz') ? GZIP : 'SELECT 1;\n');
    }
    await write('scripts/README.md', 'not a script');
    await write('scripts/old.sql/1.sql', 'not in the top folder');
    const source = await detect('scripts/');
    expect(source).toEqual({
      kind: 'scripts',
      path: path.join(dir, 'scripts'),
      files: ['1_servers.sql.gz', '02_data.sql', '2_tables.sql', '9_grants.SQL', '10_views.sql'].map((name) =>
        path.join(dir, 'scripts', name),
      ),
    });
  });

  it('takes format scripts over detection for a folder that has a toc.dat', async () => {
    await write('dump/toc.dat', 'toc');
    await write('dump/restore.sql', 'SELECT 1;\n');
    expect(await detect('dump', 'scripts')).toMatchObject({
      kind: 'scripts',
      files: [path.join(dir, 'dump/restore.sql')],
    });
  });

  it.each([
    ['sql', 'x.sql', 'SELECT 1;\n'],
    ['sql-gz', 'x.sql.gz', GZIP],
  ] as const)('gives mysql and mariadb %s sources', async (kind, name, content) => {
    await write(name, content);
    expect(await detect(name, undefined, 'mysql')).toMatchObject({ kind });
    expect(await detect(name, undefined, 'mariadb')).toMatchObject({ kind });
  });

  it.each([
    ['a .dump without a PGDMP header', 'x.dump', 'SELECT 1;', undefined, /no PGDMP header/],
    ['a .dump that is gzip', 'x.dump', GZIP, undefined, /no PGDMP header/],
    ['a .gz that is not gzip', 'x.sql.gz', 'SELECT 1;', undefined, /corrupt or not compressed/],
    ['an empty .sql.gz', 'x.sql.gz', '', undefined, /corrupt or not compressed/],
    ['format custom on plain SQL', 'x.sql', 'SELECT 1;', 'custom', /no PGDMP header/],
    [
      'format sql on a pg_dump archive',
      'x.sql',
      PG_DUMP_ARCHIVE,
      'sql',
      /is a pg_dump custom-format archive, not plain SQL/,
    ],
    [
      'format scripts on a file',
      'x.sql',
      'SELECT 1;',
      'scripts',
      /is a file, but format scripts is a folder/,
    ],
    ['a file of unknown kind', 'x.csv', 'a,b', undefined, /cannot tell what "x.csv" holds/],
  ] as const)('refuses %s', async (_case, name, content, format, problem) => {
    await write(name, content);
    const error = await detect(name, format).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(FieldProblem);
    expect((error as FieldProblem).problem).toMatch(problem);
  });

  it('refuses a .sql.gz script in a scripts folder that is not gzip, naming it', async () => {
    await write('scripts/1_ok.sql', 'SELECT 1;');
    await write('scripts/2_bad.sql.gz', 'SELECT 2;');
    await expect(detect('scripts')).rejects.toThrow(`"${path.join('scripts', '2_bad.sql.gz')}" is not gzip`);
  });

  it('refuses a pg_dump archive for mysql, whatever its name', async () => {
    await write('nightly.sql', PG_DUMP_ARCHIVE);
    await expect(detect('nightly.sql', undefined, 'mysql')).rejects.toThrow(
      '"nightly.sql" is a pg_dump custom-format archive, which mysql cannot restore',
    );
  });
});
