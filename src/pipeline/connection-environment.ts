import type { Clone } from '../clones/clone.js';

/**
 * The environment a test command gets: DATABASE_URL and JDBC_DATABASE_URL for the primary
 * database of the first clone, DATACLONE_<DATABASE>_URL and _JDBC_URL for every database of
 * every clone, the engine's usual client variables (PGHOST, PGPORT, ...) and the credentials.
 */
export function connectionEnvironment(clones: Clone[]): Record<string, string> {
  const env: Record<string, string> = {};
  const first = clones[0];
  if (!first) return env;
  const primary = first.connection.databases.find((db) => db.name === first.connection.primaryDatabase);
  if (primary) {
    env.DATABASE_URL = primary.url;
    env.JDBC_DATABASE_URL = primary.jdbcUrl;
  }
  Object.assign(env, first.connection.clientEnvironment);
  env.DATACLONE_HOST = first.connection.host;
  env.DATACLONE_PORT = String(first.connection.port);
  env.DATACLONE_USER = first.connection.user;
  env.DATACLONE_PASSWORD = first.connection.password;
  for (const clone of clones) {
    for (const db of clone.connection.databases) {
      const key = environmentName(db.name);
      env[`DATACLONE_${key}_URL`] = db.url;
      env[`DATACLONE_${key}_JDBC_URL`] = db.jdbcUrl;
    }
  }
  return env;
}

/** `order-items` -> `ORDER_ITEMS`: the part of a variable name that stands for a database. */
export function environmentName(database: string): string {
  return database.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
