import path from 'node:path';
import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import { suggestName } from '../definition/suggest-name.js';
import type { DatabaseDefinition, ImageDefinition, PhysicalBackup, SqlSource } from '../definition/types.js';
import type { BuildShell, Engine } from '../engines/engine.js';

/**
 * Restores the definition's instance source (a dump of a whole server) and finds the databases
 * it brought, by asking the server what is there now that was not before. Every entry that
 * says it comes from the instance source must be among them. The logins it brought keep no
 * production password.
 */
export async function restoreInstanceSource(
  shell: BuildShell,
  engine: Engine,
  definition: ImageDefinition,
  reporter: Reporter,
): Promise<string[]> {
  const instance = definition.instance;
  if (!instance) return [];
  const source = instance.source;
  const file =
    source?.kind === 'live'
      ? source.url
      : path.relative(definition.directory, source ? source.path : backupPath(instance.backup)) || '.';
  // A physical backup was copied in at initialise: everything in the instance came from it.
  const before = instance.source ? await engine.listDatabases(shell) : [];
  const loginsBefore = instance.source ? await engine.listLogins(shell) : [];
  if (instance.source) {
    reporter.info(`Restoring the instance from ${file}`);
    await engine.restoreInstance(shell, instance.source, `restore the instance from ${file}`, reporter);
  }
  const found = (await engine.listDatabases(shell)).filter((name) => !before.includes(name));
  const brought = (await engine.listLogins(shell)).filter(
    (login) => !loginsBefore.some((old) => old.name === login.name && old.credential === login.credential),
  );
  await engine.disableLogins(shell, brought);
  const changed = brought.length;
  reporter.info(
    `The instance source brought ${found.length} database(s): ${found.join(', ') || 'none'}; ${changed} login(s) it brought ${engine.name === 'postgres' ? 'now have no password' : 'are now locked'} (clones are reached as ${engine.superuser} with the clone's password)`,
  );
  if (found.length === 0) {
    throw new DatacloneError(
      `${definition.file}: instance.source: ${file} was restored, but it brought no database`,
      'Check that the dump holds databases (pg_dumpall; mysqldump --all-databases or --databases a b c), not only roles.',
    );
  }
  const missing = definition.databases.filter(
    (db) => db.source.kind === 'instance' && !found.includes(db.name),
  );
  if (missing.length > 0) {
    const names = missing.map((db) => `'${db.name}'`).join(', ');
    const guess = suggestName(missing[0]?.name ?? '', found);
    throw new DatacloneError(
      `${definition.file}: databases: ${names} ${missing.length === 1 ? 'has' : 'have'} no source and ${missing.length === 1 ? 'is' : 'are'} not among the databases ${file} brought (${found.join(', ')})${guess ? `; did you mean '${guess}'?` : ''}`,
      'An entry without source names a database of the instance source: fix its name, or give it a source of its own.',
    );
  }
  return found;
}

function backupPath(backup: PhysicalBackup): string {
  return backup.kind === 'pg-basebackup-tar' ? backup.base : backup.path;
}

/** Checks, after its restore, that a dump that creates its own database created the one its entry names. */
export async function checkCreatedDatabase(
  shell: BuildShell,
  engine: Engine,
  definition: ImageDefinition,
  database: DatabaseDefinition,
  before: string[],
): Promise<void> {
  const source = database.source as SqlSource;
  const now = await engine.listDatabases(shell);
  if (now.includes(database.name)) return;
  const created = now.filter((name) => !before.includes(name));
  throw new DatacloneError(
    `${definition.file}: database '${database.name}': ${path.relative(definition.directory, source.path)} ran in the maintenance database (it creates its own database), but no database '${database.name}' exists afterwards${created.length > 0 ? `; it created ${created.map((name) => `'${name}'`).join(', ')}` : ''}`,
    `Name the entry after the database the script creates, or set createsDatabase: false to run the script inside '${database.name}'.`,
  );
}

/**
 * The image's databases: those the instance source brought that no entry lists (restored first,
 * depending on nothing), then the definition's own, in restore order.
 */
export function imageDatabases(definition: ImageDefinition, found: string[]): DatabaseDefinition[] {
  const listed = new Set(definition.databases.map((db) => db.name));
  const unlisted = found
    .filter((name) => !listed.has(name))
    .map((name): DatabaseDefinition => ({ name, source: { kind: 'instance' }, dependsOn: [] }));
  return [...unlisted, ...definition.databases];
}

/** `primary` if given (it must be one of the image's databases), else the first listed, else the first found. */
export function imagePrimaryDatabase(definition: ImageDefinition, databases: DatabaseDefinition[]): string {
  const names = databases.map((db) => db.name);
  const primary = definition.primaryDatabase;
  if (primary && !names.includes(primary)) {
    const guess = suggestName(primary, names);
    throw new DatacloneError(
      `${definition.file}: primary: '${primary}' is not one of the databases of the image (${names.join(', ')})${guess ? `; did you mean '${guess}'?` : ''}`,
      'Name a database the instance source brings, or one listed under databases.',
    );
  }
  return primary || names[0] || '';
}
