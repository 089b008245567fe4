import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseSource, ImageDefinition, InstanceDefinition } from './types.js';

/**
 * `sha256:<hex>` over the definition's text and every file the image is built from (setup
 * scripts, sources, after scripts, in that order): each file's path relative to the
 * definition, its size and its content, streamed (sources can be gigabytes). Migrations are
 * left out: they are applied to clones, not built into the image.
 */
export async function digestDefinition(
  text: string,
  definition: Pick<ImageDefinition, 'directory' | 'setup' | 'instance' | 'databases' | 'after'>,
): Promise<string> {
  const hash = createHash('sha256').update(text);
  const inputs = [
    ...definition.setup.map((step) => step.path),
    ...instanceInputs(definition.instance),
    ...definition.databases.flatMap((db) => sourceInputs(db.source)),
    ...definition.after.map((step) => step.path),
  ];
  for (const input of inputs) {
    for (const file of await listFilesUnder(input)) await hashFile(hash, definition.directory, file);
  }
  return `sha256:${hash.digest('hex')}`;
}

function instanceInputs(instance: InstanceDefinition | undefined): string[] {
  if (!instance) return [];
  // A live server's content is whatever it holds when the build runs: the URL, in the text, counts.
  if (instance.source) return instance.source.kind === 'live' ? [] : [instance.source.path];
  const backup = instance.backup;
  if (backup.kind !== 'pg-basebackup-tar') return [backup.path];
  return [backup.base, ...(backup.wal ? [backup.wal] : [])];
}

/** A scripts folder counts by its scripts; any other folder (a directory-format dump) whole. */
function sourceInputs(source: DatabaseSource): string[] {
  if (source.kind === 'empty' || source.kind === 'instance' || source.kind === 'live') return [];
  if (source.kind === 'scripts') return source.files;
  return [source.path];
}

async function hashFile(hash: Hash, directory: string, file: string): Promise<void> {
  const { size } = await stat(file);
  // The size bounds the content, so a file's end cannot pass for the next file's name.
  hash.update(`\0${path.relative(directory, file)}\0${size}\0`);
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
}

/** A file itself, or every file under a folder, sorted. */
async function listFilesUnder(location: string): Promise<string[]> {
  if (!(await stat(location)).isDirectory()) return [location];
  const files: string[] = [];
  for (const entry of await readdir(location, { withFileTypes: true })) {
    const full = path.join(location, entry.name);
    if (entry.isDirectory()) files.push(...(await listFilesUnder(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files.sort();
}
