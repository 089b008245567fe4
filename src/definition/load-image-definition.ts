import path from 'node:path';
import { isScalar } from 'yaml';
import { atField, definitionError, type DefinitionSite, type FieldPath } from './definition-error.js';
import { digestDefinition } from './definition-digest.js';
import { checkKnownVersion, defaultBaseImage } from './engine-versions.js';
import { readDefinitionDocument } from './read-definition-document.js';
import { checkIsDatabase, resolveDatabases } from './resolve-databases.js';
import { resolveInstance } from './resolve-instance.js';
import { resolveScripts } from './resolve-scripts.js';
import type { DatabaseDefinition, ImageDefinition, ScriptStep } from './types.js';
import { validateAgainstSchema } from './validate-schema.js';

/**
 * Reads an image definition (dataclone.yaml), checks it against schema/dataclone.schema.json
 * and against the disk, and resolves it: paths absolute, sources detected, databases in
 * restore order, defaults filled in. Every error names the file, line, column and field.
 */
export async function loadImageDefinition(file: string): Promise<ImageDefinition> {
  const { site, text, value } = await readDefinitionDocument(file);
  validateAgainstSchema(site, value);
  const directory = path.dirname(path.resolve(file));
  const version = writtenText(site, ['version'], value.version);
  await atField(site, ['version'], () => checkKnownVersion(value.engine, version));
  const raw = value.databases ?? [];
  const names = raw.map((db) => db.name);
  const instance = value.instance && (await resolveInstance(site, value.instance, value.engine, directory));
  const databases = await resolveDatabases(site, raw, value.engine, directory, {
    hasInstance: instance !== undefined,
  });
  const primary = value.primary;
  // With an instance source, primary may name a database found only once it is restored.
  if (primary !== undefined && !instance)
    await atField(site, ['primary'], () => checkIsDatabase(primary, names));
  const setup = await resolveScripts(site, 'setup', value.setup ?? [], names, directory);
  checkSetupComesFirst(site, setup, databases);
  const after = await resolveScripts(site, 'after', value.after ?? [], names, directory);
  return {
    file: path.resolve(file),
    directory,
    name: value.name,
    engine: value.engine,
    version,
    baseImage: value.baseImage ?? defaultBaseImage(value.engine, version),
    ...(instance && { instance }),
    databases,
    primaryDatabase: primary ?? names[0] ?? '',
    setup,
    after,
    labels: Object.fromEntries(
      Object.entries(value.labels ?? {}).map(([key, label]) => [
        key,
        writtenText(site, ['labels', key], label),
      ]),
    ),
    ...(value.mask && { mask: { require: value.mask.require, rules: value.mask.rules } }),
    digest: await digestDefinition(text, { directory, setup, instance, databases, after }),
  };
}

/**
 * Setup scripts run before any restore, so not in a database that a restore creates (a dump
 * that creates its own database, or one the instance source brings).
 */
function checkSetupComesFirst(site: DefinitionSite, setup: ScriptStep[], databases: DatabaseDefinition[]) {
  for (const [index, step] of setup.entries()) {
    const database = databases.find((db) => db.name === step.database);
    if (!database) continue;
    const source = database.source;
    const restoredLater =
      source.kind === 'instance' || ('createsDatabase' in source && source.createsDatabase);
    if (!restoredLater) continue;
    throw definitionError(
      site,
      ['setup', index, 'database'],
      `setup scripts run before any restore, and database '${database.name}' does not exist until ${source.kind === 'instance' ? 'the instance source is restored' : 'its source creates it'}`,
      `Run the script in the maintenance database (leave out database), or move it to after.`,
    );
  }
}

/** A number or boolean as the user wrote it: YAML reads `8.0` as 8 and `10.10` as 10.1. */
function writtenText(site: DefinitionSite, field: FieldPath, value: string | number | boolean): string {
  if (typeof value === 'string') return value;
  const node = site.document.getIn(field, true);
  return isScalar(node) && node.source !== undefined ? node.source : String(value);
}
