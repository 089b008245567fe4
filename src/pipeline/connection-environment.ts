import type { Clone } from '../clones/clone.js';

/**
 * The environment a test command gets: DATABASE_URL and JDBC_DATABASE_URL for the primary
 * database of the first clone, DATACLONE_<DATABASE>_URL and _JDBC_URL for every database of
 * every clone, the engine's usual client variables (PGHOST, PGPORT, ...) and the credentials.
 * For an environment, the first instance is the primary one, and every instance adds
 * DATACLONE_<INSTANCE>_HOST, _PORT, _USER, _PASSWORD, _DATABASE_URL and _JDBC_DATABASE_URL.
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
    if (clone.instance) Object.assign(env, instanceEnvironment(clone, clone.instance));
    for (const db of clone.connection.databases) {
      const key = environmentName(db.name);
      env[`DATACLONE_${key}_URL`] = db.url;
      env[`DATACLONE_${key}_JDBC_URL`] = db.jdbcUrl;
    }
  }
  return env;
}

function instanceEnvironment(clone: Clone, instance: string): Record<string, string> {
  const prefix = `DATACLONE_${environmentName(instance)}`;
  const { connection } = clone;
  const primary = connection.databases.find((db) => db.name === connection.primaryDatabase);
  return {
    [`${prefix}_HOST`]: connection.host,
    [`${prefix}_PORT`]: String(connection.port),
    [`${prefix}_USER`]: connection.user,
    [`${prefix}_PASSWORD`]: connection.password,
    ...(primary
      ? { [`${prefix}_DATABASE_URL`]: primary.url, [`${prefix}_JDBC_DATABASE_URL`]: primary.jdbcUrl }
      : {}),
  };
}

/** `order-items` -> `ORDER_ITEMS`: the part of a variable name that stands for a database. */
export function environmentName(database: string): string {
  return database.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
