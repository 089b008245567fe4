import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach } from 'vitest';
import { loadImageDefinition } from '../../../src/definition/load-image-definition.js';
import type { ImageDefinition } from '../../../src/definition/types.js';

/** A temporary folder per test, holding a dataclone.yaml and the files it names. */
export interface DefinitionFolder {
  /** The folder of the current test (absolute). */
  readonly dir: string;
  /** Absolute path of a file in the folder. */
  at(name: string): string;
  write(name: string, content: string | Buffer): Promise<void>;
  /** Writes the files a definition usually names: every kind of source, scripts, migrations. */
  writeSources(): Promise<void>;
  /** Writes dataclone.yaml and loads it. */
  load(yaml: string): Promise<ImageDefinition>;
}

export const PG_DUMP_ARCHIVE = Buffer.concat([Buffer.from('PGDMP'), Buffer.from([1, 14, 0, 4, 8, 1])]);

export function useDefinitionFolder(): DefinitionFolder {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-definition-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const folder: DefinitionFolder = {
    get dir() {
      return dir;
    },
    at: (name) => path.join(dir, name),
    async write(name, content) {
      await mkdir(path.dirname(folder.at(name)), { recursive: true });
      await writeFile(folder.at(name), content);
    },
    async writeSources() {
      await folder.write('data/customers.dump', PG_DUMP_ARCHIVE);
      await folder.write('data/archive/toc.dat', 'toc');
      await folder.write('data/archive/3001.dat.gz', gzipSync('1\tfirst\n'));
      await folder.write('data/plain.sql', 'CREATE TABLE t (id int);\n');
      await folder.write('data/orders.sql.gz', gzipSync('CREATE TABLE o (id int);\n'));
      await folder.write('reporting/10_views.sql', 'SELECT 10;\n');
      await folder.write('reporting/2_tables.sql', 'SELECT 2;\n');
      await folder.write('reporting/1_servers.sql.gz', gzipSync('SELECT 1;\n'));
      await folder.write('reporting/README.md', 'not a script');
      await folder.write('setup/roles.sql', 'CREATE ROLE app;\n');
      await folder.write('after/mask.sql', "UPDATE customers SET email = 'x';\n");
      await folder.write('migrations/customers/V2__tier.sql', 'ALTER TABLE c ADD tier int;\n');
    },
    async load(yaml) {
      await folder.write('dataclone.yaml', yaml);
      return loadImageDefinition(folder.at('dataclone.yaml'));
    },
  };
  return folder;
}

/** A minimal valid definition followed by `rest`, to test one field at a time. */
export function definitionWith(rest: string, head = 'name: shop\nengine: postgres\nversion: "16"\n'): string {
  return `${head}${rest}`;
}
