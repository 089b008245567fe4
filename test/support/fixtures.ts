import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A throwaway folder holding an image definition and the files it names. */
export async function writeDefinitionFolder(files: Record<string, string | Buffer>): Promise<{
  dir: string;
  definition: string;
  remove: () => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-test-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return {
    dir,
    definition: path.join(dir, 'dataclone.yaml'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export const SAMPLE_DEFINITION = path.resolve(import.meta.dirname, '../../examples/sample/dataclone.yaml');
