import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * `sha256:<hex>` over the definition's text and every file it references (name and content,
 * folders file by file in sorted order), so that a change to any input changes the digest.
 * Files are streamed: sources can be gigabytes.
 */
export async function definitionDigest(
  text: string,
  directory: string,
  references: string[],
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(text);
  for (const reference of references) {
    for (const file of await filesOf(reference)) {
      hash.update(`\0${path.relative(directory, file)}\0`);
      for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    }
  }
  return `sha256:${hash.digest('hex')}`;
}

async function filesOf(location: string): Promise<string[]> {
  const info = await stat(location);
  if (!info.isDirectory()) return [location];
  const entries = await readdir(location, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
