import type { EngineName } from './types.js';

/** Major versions each engine is known to work with, and the official image for each. */
export const KNOWN_VERSIONS: Record<EngineName, readonly string[]> = {
  postgres: ['12', '13', '14', '15', '16', '17', '18'],
  mysql: ['8.0', '8.4', '9'],
  mariadb: ['10.6', '10.11', '11.4', '11.8'],
};

export function defaultBaseImage(engine: EngineName, version: string): string {
  return `${engine}:${version}`;
}
