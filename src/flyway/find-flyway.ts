import { findOnPath } from '../core/find-on-path.js';

/** The Flyway executable to run: the one given, else `flyway` on PATH, else undefined. */
export async function findFlyway(
  given?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  return given || findOnPath('flyway', env);
}
