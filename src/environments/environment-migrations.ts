import type { EnvironmentDefinition } from './environment.js';

/**
 * The migration folders of every instance of an environment, keyed `<instance>.<database>` so
 * that two instances with a database of the same name keep theirs apart.
 */
export function environmentMigrations(environment: EnvironmentDefinition): Record<string, string[]> {
  const migrations: Record<string, string[]> = {};
  for (const instance of environment.instances)
    for (const [database, folders] of Object.entries(instance.migrations))
      migrations[`${instance.name}.${database}`] = folders;
  return migrations;
}
