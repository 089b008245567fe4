import { FieldProblem } from './definition-error.js';
import type { EngineName } from './types.js';

/** Major versions each engine is known to work with. */
export const KNOWN_VERSIONS: Record<EngineName, readonly string[]> = {
  postgres: ['12', '13', '14', '15', '16', '17', '18'],
  mysql: ['8.0', '8.4', '9', '9.7'],
  mariadb: ['10.6', '10.11', '11.4', '11.8'],
};

export function checkKnownVersion(engine: EngineName, version: string): void {
  const known = KNOWN_VERSIONS[engine];
  if (known.includes(version)) return;
  throw new FieldProblem(
    `${engine} version '${version}' is not one dataclone knows`,
    `Use one of: ${known.map((v) => `"${v}"`).join(', ')}.`,
  );
}

/** The official image of the engine (mariadb is the mysql engine on MariaDB's image). */
export function defaultBaseImage(engine: EngineName, version: string): string {
  return `${engine}:${version}`;
}
