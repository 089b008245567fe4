import { access, constants } from 'node:fs/promises';
import path from 'node:path';

/** The Flyway executable to run: the one given, else `flyway` on PATH, else undefined. */
export async function findFlyway(
  given?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  if (given) return given;
  for (const folder of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(folder, 'flyway');
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
