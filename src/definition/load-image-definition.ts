import path from 'node:path';
import { isScalar } from 'yaml';
import { atField, type DefinitionSite, type FieldPath } from './definition-error.js';
import { digestDefinition } from './definition-digest.js';
import { checkKnownVersion, defaultBaseImage } from './engine-versions.js';
import { readDefinitionDocument } from './read-definition-document.js';
import { checkIsDatabase, resolveDatabases } from './resolve-databases.js';
import { resolveScripts } from './resolve-scripts.js';
import type { ImageDefinition } from './types.js';
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
  const names = value.databases.map((db) => db.name);
  const databases = await resolveDatabases(site, value.databases, value.engine, directory);
  const primary = value.primary;
  if (primary !== undefined) await atField(site, ['primary'], () => checkIsDatabase(primary, names));
  const setup = await resolveScripts(site, 'setup', value.setup ?? [], names, directory);
  const after = await resolveScripts(site, 'after', value.after ?? [], names, directory);
  return {
    file: path.resolve(file),
    directory,
    name: value.name,
    engine: value.engine,
    version,
    baseImage: value.baseImage ?? defaultBaseImage(value.engine, version),
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
    digest: await digestDefinition(text, { directory, setup, databases, after }),
  };
}

/** A number or boolean as the user wrote it: YAML reads `8.0` as 8 and `10.10` as 10.1. */
function writtenText(site: DefinitionSite, field: FieldPath, value: string | number | boolean): string {
  if (typeof value === 'string') return value;
  const node = site.document.getIn(field, true);
  return isScalar(node) && node.source !== undefined ? node.source : String(value);
}
