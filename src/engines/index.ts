import { DatacloneError } from '../core/errors.js';
import type { Engine } from './engine.js';
import { mysqlEngine } from './mysql.js';
import { postgresEngine } from './postgres.js';

const engines: Record<string, Engine> = {
  postgres: postgresEngine,
  mysql: mysqlEngine('mysql'),
  mariadb: mysqlEngine('mariadb'),
};

/** The engine for a definition's `engine` field or an image's engine label. */
export function engineFor(name: string): Engine {
  const engine = engines[name];
  if (!engine) {
    throw new DatacloneError(
      `engine '${name}' is not supported by this version of dataclone`,
      `Use one of: ${Object.keys(engines).join(', ')}.`,
    );
  }
  return engine;
}
