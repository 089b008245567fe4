import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useDefinitionFolder } from '../definition/definition-folder.js';

const folder = useDefinitionFolder();
const outside: string[] = [];

afterEach(async () => {
  for (const dir of outside.splice(0)) await rm(dir, { recursive: true, force: true });
});

const DEFINITION = `name: links
engine: postgres
version: "16"
databases:
  - name: app
    source: scripts/
`;

describe('symbolic links in a scripts folder', () => {
  it('are followed, in name order, when they point to a file inside the definition folder', async () => {
    await folder.write('scripts/1_a.sql', 'SELECT 1;\n');
    await folder.write('shared/b.sql', 'SELECT 2;\n');
    await symlink('../shared/b.sql', folder.at('scripts/2_b.sql'));
    const definition = await folder.load(DEFINITION);
    expect(definition.databases[0]?.source).toEqual({
      kind: 'scripts',
      path: folder.at('scripts'),
      files: [folder.at('scripts/1_a.sql'), folder.at('scripts/2_b.sql')],
    });
  });

  it('are refused, naming the link and saying why, when they point outside the definition folder', async () => {
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'dataclone-elsewhere-'));
    outside.push(elsewhere);
    await writeFile(path.join(elsewhere, 'b.sql'), 'SELECT 2;\n');
    await folder.write('scripts/1_a.sql', 'SELECT 1;\n');
    await symlink(path.join(elsewhere, 'b.sql'), folder.at('scripts/2_b.sql'));
    await expect(folder.load(DEFINITION)).rejects.toThrow(
      /databases\[0\]\.source.*"scripts\/2_b\.sql" is a symbolic link to .*b\.sql, outside the definition's folder/s,
    );
  });

  it('are refused when they point nowhere', async () => {
    await folder.write('scripts/1_a.sql', 'SELECT 1;\n');
    await symlink('missing.sql', folder.at('scripts/2_b.sql'));
    await expect(folder.load(DEFINITION)).rejects.toThrow(
      '"scripts/2_b.sql" is a symbolic link to a file that does not exist',
    );
  });
});
