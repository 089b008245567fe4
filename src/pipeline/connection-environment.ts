import type { Clone } from '../clones/clone.js';
import type { DatabaseConnection } from '../engines/engine.js';

/** The variables a test command gets, and why some it would have had are missing. */
export interface ConnectionEnvironment {
  variables: Record<string, string>;
  /** One sentence per name that two databases (or instances) would share, naming both. */
  collisions: string[];
}

/**
 * The environment a test command gets: DATABASE_URL and JDBC_DATABASE_URL for the primary
 * database of the first clone, the engine's usual client variables (PGHOST, PGPORT, ...) and the
 * credentials. For an environment, the first instance is the primary one, and every instance adds
 * DATACLONE_<INSTANCE>_HOST, _PORT, _USER, _PASSWORD, _DATABASE_URL and _JDBC_DATABASE_URL, and
 * DATACLONE_<INSTANCE>_<DATABASE>_URL and _JDBC_URL for each of its databases. The short
 * DATACLONE_<DATABASE>_URL and _JDBC_URL are set for a database whose name no other database
 * of the job shares (after upper-casing): a test must never get another server's database
 * under the name it asked for.
 */
export function connectionEnvironment(clones: Clone[]): ConnectionEnvironment {
  const variables = new VariableSet();
  const first = clones[0];
  if (!first) return { variables: {}, collisions: [] };
  const origin = originOf(first);
  const primary = primaryDatabase(first);
  if (primary) {
    variables.set('DATABASE_URL', primary.url, origin);
    variables.set('JDBC_DATABASE_URL', primary.jdbcUrl, origin);
  }
  for (const [name, value] of Object.entries(first.connection.clientEnvironment))
    variables.set(name, value, origin);
  variables.set('DATACLONE_HOST', first.connection.host, origin);
  variables.set('DATACLONE_PORT', String(first.connection.port), origin);
  variables.set('DATACLONE_USER', first.connection.user, origin);
  variables.set('DATACLONE_PASSWORD', first.connection.password, origin);
  for (const clone of clones) if (clone.instance) setInstanceVariables(variables, clone, clone.instance);
  setShortDatabaseVariables(variables, clones);
  return { variables: variables.values, collisions: variables.collisions };
}

/** `order-items` -> `ORDER_ITEMS`: the part of a variable name that stands for a database or instance. */
export function environmentName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

function setInstanceVariables(variables: VariableSet, clone: Clone, instance: string): void {
  const prefix = `DATACLONE_${environmentName(instance)}`;
  const { connection } = clone;
  const origin = originOf(clone);
  variables.set(`${prefix}_HOST`, connection.host, origin);
  variables.set(`${prefix}_PORT`, String(connection.port), origin);
  variables.set(`${prefix}_USER`, connection.user, origin);
  variables.set(`${prefix}_PASSWORD`, connection.password, origin);
  const primary = primaryDatabase(clone);
  if (primary) {
    variables.set(`${prefix}_DATABASE_URL`, primary.url, origin);
    variables.set(`${prefix}_JDBC_DATABASE_URL`, primary.jdbcUrl, origin);
  }
  for (const db of connection.databases) {
    const databaseOrigin = `database '${db.name}' of ${origin}`;
    variables.set(`${prefix}_${environmentName(db.name)}_URL`, db.url, databaseOrigin);
    variables.set(`${prefix}_${environmentName(db.name)}_JDBC_URL`, db.jdbcUrl, databaseOrigin);
  }
}

/** DATACLONE_<DATABASE>_URL for the databases whose name is theirs alone; one sentence for the others. */
function setShortDatabaseVariables(variables: VariableSet, clones: Clone[]): void {
  const byName = new Map<string, { clone: Clone; db: DatabaseConnection }[]>();
  for (const clone of clones)
    for (const db of clone.connection.databases) {
      const key = environmentName(db.name);
      byName.set(key, [...(byName.get(key) ?? []), { clone, db }]);
    }
  for (const [key, sharers] of byName) {
    const [only, ...others] = sharers;
    if (only && others.length === 0) {
      const origin = `database '${only.db.name}' of ${originOf(only.clone)}`;
      variables.set(`DATACLONE_${key}_URL`, only.db.url, origin);
      variables.set(`DATACLONE_${key}_JDBC_URL`, only.db.jdbcUrl, origin);
      continue;
    }
    const qualified = sharers
      .filter(({ clone }) => clone.instance)
      .map(
        ({ clone, db }) =>
          `DATACLONE_${environmentName(clone.instance ?? '')}_${environmentName(db.name)}_URL`,
      );
    variables.collide(
      `DATACLONE_${key}_URL and DATACLONE_${key}_JDBC_URL are not set: ${listed(
        sharers.map(({ clone, db }) => `database '${db.name}' of ${originOf(clone)}`),
      )} would all be named so.${qualified.length ? ` Use ${listed(qualified)} (and their _JDBC_URL).` : ''}`,
    );
  }
}

/** Variables set once each; a second, different value for a name is kept out and described once. */
class VariableSet {
  readonly values: Record<string, string> = {};
  private readonly origins = new Map<string, string>();
  private readonly shortCollisions: string[] = [];
  /** The names each later origin was refused, keyed by the two origins. */
  private readonly refused = new Map<string, { first: string; later: string; names: string[] }>();

  set(name: string, value: string, origin: string): void {
    const first = this.origins.get(name);
    if (first === undefined) {
      this.values[name] = value;
      this.origins.set(name, origin);
    } else if (this.values[name] !== value && first !== origin) {
      const key = `${first}\n${origin}`;
      const entry = this.refused.get(key) ?? { first, later: origin, names: [] };
      entry.names.push(name);
      this.refused.set(key, entry);
    }
  }

  collide(sentence: string): void {
    this.shortCollisions.push(sentence);
  }

  get collisions(): string[] {
    return [
      ...[...this.refused.values()].map(
        ({ first, later, names }) =>
          `${listed(names)} ${names.length > 1 ? 'are those' : 'is the one'} of ${first}; ${later} would have the same name${names.length > 1 ? 's' : ''}.`,
      ),
      ...this.shortCollisions,
    ];
  }
}

function originOf(clone: Clone): string {
  return clone.instance ? `instance '${clone.instance}'` : `clone '${clone.name}'`;
}

function primaryDatabase(clone: Clone): DatabaseConnection | undefined {
  return clone.connection.databases.find((db) => db.name === clone.connection.primaryDatabase);
}

function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
