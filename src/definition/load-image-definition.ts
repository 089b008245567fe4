import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { DatacloneError } from '../core/errors.js';
import { definitionDigest } from './definition-digest.js';
import { definitionError, type DefinitionSite } from './definition-error.js';
import { detectSource, SourceProblem, type SourceFormat } from './detect-source.js';
import { defaultBaseImage, KNOWN_VERSIONS } from './engine-versions.js';
import { restoreOrder } from './restore-order.js';
import type { DatabaseDefinition, EngineName, ImageDefinition, ScriptStep } from './types.js';
import { validateAgainstSchema } from './validate-schema.js';

/** The definition as written, once it has passed the JSON Schema. */
interface RawDefinition {
  name: string;
  engine: EngineName;
  version: string | number;
  baseImage?: string;
  primary?: string;
  setup?: RawScript[];
  databases: RawDatabase[];
  after?: RawScript[];
  labels?: Record<string, string | number | boolean>;
}
type RawScript = string | { script: string; database?: string };
interface RawDatabase {
  name: string;
  source?: string;
  format?: SourceFormat;
  dependsOn?: string[];
  migrations?: string;
}

/**
 * Reads, validates and resolves an image definition (dataclone.yaml). Every error names the
 * file, the line and column, and the field, and says what was expected.
 */
export async function loadImageDefinition(file: string): Promise<ImageDefinition> {
  const text = await readDefinitionFile(file);
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const site: DefinitionSite = { file, document, lines };
  const syntax = document.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw new DatacloneError(
      `${file}:${line}:${col}: this is not valid YAML: ${syntax.message.split('\n')[0]}`,
      'Check the indentation and quoting around that line.',
    );
  }
  const value = document.toJS() as unknown;
  if (value === null || value === undefined) {
    throw new DatacloneError(
      `${file}: the definition is empty`,
      'It needs at least name, engine, version and databases.',
    );
  }
  validateAgainstSchema(site, value);
  return resolveDefinition(site, value as RawDefinition, text);
}

async function readDefinitionFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatacloneError(
      code === 'ENOENT'
        ? `image definition ${file} does not exist`
        : `cannot read image definition ${file}: ${String(error)}`,
      'Give the path of a dataclone.yaml with -f (see the README for an example).',
      { cause: error },
    );
  }
}

async function resolveDefinition(
  site: DefinitionSite,
  raw: RawDefinition,
  text: string,
): Promise<ImageDefinition> {
  const directory = path.dirname(path.resolve(site.file));
  const resolve = (written: string) => path.resolve(directory, written);
  const version = String(raw.version);
  const known = KNOWN_VERSIONS[raw.engine];
  if (!known.includes(version)) {
    throw definitionError(
      site,
      ['version'],
      `${raw.engine} version '${version}' is not known`,
      `Known versions: ${known.join(', ')}.`,
    );
  }

  const names = new Set<string>();
  for (const [index, db] of raw.databases.entries()) {
    if (names.has(db.name)) {
      throw definitionError(
        site,
        ['databases', index, 'name'],
        `database '${db.name}' is listed twice`,
        'Give every database its own name.',
      );
    }
    names.add(db.name);
  }
  const references: string[] = [];
  const databases: DatabaseDefinition[] = [];
  for (const [index, db] of raw.databases.entries()) {
    databases.push(await resolveDatabase(site, raw.engine, db, index, names, resolve, references));
  }
  const ordered = restoreOrder(databases);
  if ('cycle' in ordered) {
    const first = raw.databases.findIndex((db) => db.name === ordered.cycle[0]);
    throw definitionError(
      site,
      ['databases', first, 'dependsOn'],
      `the databases depend on each other in a cycle: ${ordered.cycle.join(' -> ')}`,
      'Remove one of these dependsOn entries.',
    );
  }
  if (raw.primary !== undefined && !names.has(raw.primary)) {
    throw definitionError(
      site,
      ['primary'],
      `'${raw.primary}' is not one of the databases`,
      `Use one of: ${[...names].join(', ')}.`,
    );
  }
  const setup = await resolveScripts(site, 'setup', raw.setup ?? [], names, resolve, references);
  const after = await resolveScripts(site, 'after', raw.after ?? [], names, resolve, references);
  return {
    file: path.resolve(site.file),
    directory,
    name: raw.name,
    engine: raw.engine,
    version,
    baseImage: raw.baseImage ?? defaultBaseImage(raw.engine, version),
    databases: ordered.order,
    primaryDatabase: raw.primary ?? raw.databases[0]?.name ?? '',
    setup,
    after,
    labels: Object.fromEntries(Object.entries(raw.labels ?? {}).map(([key, value]) => [key, String(value)])),
    digest: await definitionDigest(text, directory, references),
  };
}

async function resolveDatabase(
  site: DefinitionSite,
  engine: EngineName,
  db: RawDatabase,
  index: number,
  names: Set<string>,
  resolve: (written: string) => string,
  references: string[],
): Promise<DatabaseDefinition> {
  const dependsOn = db.dependsOn ?? [];
  for (const [i, dependency] of dependsOn.entries()) {
    if (dependency === db.name) {
      throw definitionError(
        site,
        ['databases', index, 'dependsOn', i],
        `database '${db.name}' cannot depend on itself`,
        'Remove it from dependsOn.',
      );
    }
    if (!names.has(dependency)) {
      throw definitionError(
        site,
        ['databases', index, 'dependsOn', i],
        `'${dependency}' is not one of the databases`,
        `Use one of: ${[...names].filter((name) => name !== db.name).join(', ') || '(no other database)'}.`,
      );
    }
  }
  let source: DatabaseDefinition['source'] = { kind: 'empty' };
  if (db.source !== undefined) {
    try {
      source = await detectSource(resolve(db.source), db.source, db.format, engine);
    } catch (error) {
      if (error instanceof SourceProblem)
        throw definitionError(site, ['databases', index, 'source'], error.problem, error.hint);
      throw error;
    }
    references.push(resolve(db.source));
  } else if (db.format !== undefined) {
    throw definitionError(
      site,
      ['databases', index, 'format'],
      'format is set but there is no source',
      'Add a source, or remove format.',
    );
  }
  let migrations: string | undefined;
  if (db.migrations !== undefined) {
    migrations = resolve(db.migrations);
    const info = await stat(migrations).catch(() => undefined);
    if (!info?.isDirectory()) {
      throw definitionError(
        site,
        ['databases', index, 'migrations'],
        `"${db.migrations}" is not a folder (looked for ${migrations})`,
        'Point it at the folder holding the Flyway migrations (V1__init.sql, ...).',
      );
    }
  }
  return { name: db.name, source, dependsOn, ...(migrations ? { migrations } : {}) };
}

async function resolveScripts(
  site: DefinitionSite,
  field: 'setup' | 'after',
  raw: RawScript[],
  names: Set<string>,
  resolve: (written: string) => string,
  references: string[],
): Promise<ScriptStep[]> {
  const steps: ScriptStep[] = [];
  for (const [index, entry] of raw.entries()) {
    const written = typeof entry === 'string' ? entry : entry.script;
    const database = typeof entry === 'string' ? undefined : entry.database;
    const at = typeof entry === 'string' ? [field, index] : [field, index, 'script'];
    if (database !== undefined && !names.has(database)) {
      throw definitionError(
        site,
        [field, index, 'database'],
        `'${database}' is not one of the databases`,
        `Use one of: ${[...names].join(', ')}.`,
      );
    }
    const absolute = resolve(written);
    const info = await stat(absolute).catch(() => undefined);
    if (!info?.isFile()) {
      throw definitionError(
        site,
        at,
        `script "${written}" does not exist (looked for ${absolute})`,
        'Check the path: it is relative to the definition file.',
      );
    }
    if (!/\.sql(\.gz)?$/i.test(absolute)) {
      throw definitionError(
        site,
        at,
        `script "${written}" is not a .sql or .sql.gz file`,
        "Scripts are SQL, run with the engine's client.",
      );
    }
    references.push(absolute);
    steps.push(database === undefined ? { path: absolute } : { path: absolute, database });
  }
  return steps;
}
