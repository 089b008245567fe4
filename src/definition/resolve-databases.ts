import { parseThresholds } from '../migration-checks/thresholds.js';
import {
  atField,
  definitionError,
  FieldProblem,
  type DefinitionSite,
  type FieldPath,
} from './definition-error.js';
import { inspectPath, resolveWrittenPath } from './inspect-path.js';
import { isLiveSourceUrl, liveField, resolveLiveSource } from './resolve-live-source.js';
import { resolveDatabaseSource } from './resolve-sql-source.js';
import { restoreOrder } from './restore-order.js';
import { suggestName } from './suggest-name.js';
import type { DatabaseDefinition, DatabaseSource, EngineName } from './types.js';
import type { RawDatabase } from './validate-schema.js';

/**
 * The databases with their sources detected and paths made absolute, in restore order. Checks
 * what the schema cannot: unique names, dependencies that exist and do not go round, files.
 * With an instance source, an entry without a source is a database that source brings.
 */
export async function resolveDatabases(
  site: DefinitionSite,
  raw: RawDatabase[],
  engine: EngineName,
  directory: string,
  { hasInstance = false } = {},
): Promise<DatabaseDefinition[]> {
  const names = raw.map((db) => db.name);
  checkUniqueNames(site, names);
  const databases: DatabaseDefinition[] = [];
  for (const [index, db] of raw.entries()) {
    await checkDependencies(site, db, index, names);
    databases.push({
      name: db.name,
      source: await resolveSource(site, db, index, engine, directory, hasInstance),
      dependsOn: db.dependsOn ?? [],
      ...(db.migrations !== undefined && {
        migrations: await resolveMigrations(site, db.migrations, index, directory),
      }),
      // The schema has checked each value's shape, so these parse.
      ...(db.checks !== undefined && {
        checks: parseThresholds(db.checks, (field) => `${site.file}: databases[${index}].checks.${field}`),
      }),
    });
  }
  const ordered = restoreOrder(databases);
  if ('order' in ordered) return ordered.order;
  const [first, second] = ordered.cycle;
  const index = names.indexOf(first ?? '');
  throw definitionError(
    site,
    ['databases', index, 'dependsOn', raw[index]?.dependsOn?.indexOf(second ?? '') ?? 0],
    `these databases depend on each other in a cycle: ${ordered.cycle.join(' -> ')}`,
    'A database is restored after those it depends on, so one of these dependsOn entries must go.',
  );
}

/** `name` must be one of the definition's databases: a problem saying which ones there are. */
export function checkIsDatabase(name: string, names: string[]): void {
  if (names.includes(name)) return;
  const guess = suggestName(name, names);
  throw new FieldProblem(
    `'${name}' is not one of the databases${guess ? `; did you mean '${guess}'?` : ''}`,
    `The databases of this definition are: ${names.join(', ')}.`,
  );
}

function checkUniqueNames(site: DefinitionSite, names: string[]): void {
  const index = names.findIndex((name, i) => names.indexOf(name) !== i);
  if (index < 0) return;
  throw definitionError(
    site,
    ['databases', index, 'name'],
    `database '${names[index]}' is listed twice`,
    'Give every database its own name, or merge the two entries.',
  );
}

async function checkDependencies(site: DefinitionSite, db: RawDatabase, index: number, names: string[]) {
  for (const [i, dependency] of (db.dependsOn ?? []).entries()) {
    await atField(site, ['databases', index, 'dependsOn', i], () => {
      if (dependency === db.name)
        throw new FieldProblem(`database '${db.name}' cannot depend on itself`, 'Remove it from dependsOn.');
      checkIsDatabase(
        dependency,
        names.filter((name) => name !== db.name),
      );
    });
  }
}

async function resolveSource(
  site: DefinitionSite,
  db: RawDatabase,
  index: number,
  engine: EngineName,
  directory: string,
  hasInstance: boolean,
): Promise<DatabaseSource> {
  const field: FieldPath = ['databases', index, 'source'];
  const written = db.source;
  if (typeof written === 'object' || isLiveSourceUrl(written)) {
    checkNoFileOptions(site, db, index);
    return atField(site, field, () =>
      resolveLiveSource(written ?? '', engine, { database: db.name, field: liveField(site, field) }),
    );
  }
  if (written !== undefined) {
    const where = resolveWrittenPath(directory, written);
    return atField(site, field, () => resolveDatabaseSource(where, db, engine));
  }
  for (const field of ['format', 'createsDatabase'] as const) {
    if (db[field] === undefined) continue;
    throw definitionError(
      site,
      ['databases', index, field],
      `${field} is given but there is no source`,
      `Add the source it describes, or remove ${field} for ${hasInstance ? 'a database the instance source brings' : 'an empty database'}.`,
    );
  }
  return hasInstance ? { kind: 'instance' } : { kind: 'empty' };
}

/** format and createsDatabase describe a file; a live server is dumped in a form the build chooses. */
function checkNoFileOptions(site: DefinitionSite, db: RawDatabase, index: number): void {
  for (const field of ['format', 'createsDatabase'] as const) {
    if (db[field] === undefined) continue;
    throw definitionError(
      site,
      ['databases', index, field],
      `${field} describes a file, and this source is a live server`,
      `Remove ${field}: the build dumps the live server in a form it restores itself.`,
    );
  }
}

async function resolveMigrations(
  site: DefinitionSite,
  written: string,
  index: number,
  directory: string,
): Promise<string> {
  const where = resolveWrittenPath(directory, written);
  await atField(site, ['databases', index, 'migrations'], async () => {
    if ((await inspectPath(where, 'folder')).isFolder) return;
    throw new FieldProblem(
      `"${written}" is a file, not a folder (${where.absolute})`,
      'Point migrations at the folder holding the Flyway migrations (V1__init.sql, V2__...).',
    );
  });
  return where.absolute;
}
