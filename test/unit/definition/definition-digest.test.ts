import { rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { definitionWith, PG_DUMP_ARCHIVE, useDefinitionFolder } from './definition-folder.js';

const folder = useDefinitionFolder();

const DEFINITION = definitionWith(`setup:
  - setup/roles.sql
databases:
  - name: customers
    source: data/customers.dump
    migrations: migrations/customers
  - name: archive
    source: data/archive
  - name: reporting
    source: reporting
after:
  - after/mask.sql
`);

beforeEach(async () => {
  await folder.writeSources();
});

async function digest(yaml = DEFINITION): Promise<string> {
  return (await folder.load(yaml)).digest;
}

describe('the digest of an image definition', () => {
  it('is the same for the same definition and files', async () => {
    const first = await digest();
    expect(first).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await digest()).toBe(first);
  });

  // Each change returns the definition to load after it, when that changes too.
  it.each<[string, () => Promise<string | void>]>([
    ['the definition text changes', async () => `${DEFINITION}# a comment\n`],
    [
      'a source file changes',
      () => folder.write('data/customers.dump', Buffer.concat([PG_DUMP_ARCHIVE, Buffer.from('x')])),
    ],
    ['a script of a scripts folder changes', () => folder.write('reporting/2_tables.sql', 'SELECT 22;\n')],
    ['a script is added to a scripts folder', () => folder.write('reporting/3_more.sql', 'SELECT 3;\n')],
    [
      'a file is added to a directory-format dump',
      () => folder.write('data/archive/3002.dat.gz', gzipSync('2\n')),
    ],
    ['a setup script changes', () => folder.write('setup/roles.sql', 'CREATE ROLE other;\n')],
    ['an after script changes', () => folder.write('after/mask.sql', 'SELECT 1;\n')],
  ])('changes when %s', async (_case, change) => {
    const before = await digest();
    const changed = await change();
    expect(await digest(changed ?? DEFINITION)).not.toBe(before);
  });

  it('changes when a script moves, even with the same content', async () => {
    const before = await digest();
    await folder.write('reporting/20_views.sql', 'SELECT 10;\n');
    await rm(folder.at('reporting/10_views.sql'));
    expect(await digest()).not.toBe(before);
  });

  it.each([
    [
      'a file in a scripts folder that is not a script changes',
      () => folder.write('reporting/README.md', 'notes'),
    ],
    [
      'a migration changes (migrations are applied to clones, not built in)',
      () => folder.write('migrations/customers/V3__more.sql', 'SELECT 3;\n'),
    ],
    ['a file the definition does not name changes', () => folder.write('data/plain.sql', 'SELECT 0;\n')],
  ])('stays the same when %s', async (_case, change) => {
    const before = await digest();
    await change();
    expect(await digest()).toBe(before);
  });
});
