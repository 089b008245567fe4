import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import { DatacloneError } from '../core/errors.js';
import { definitionError, type DefinitionSite } from '../definition/definition-error.js';
import { describeSchemaErrors } from '../definition/describe-schema-error.js';
import { loadImageDefinition } from '../definition/load-image-definition.js';
import schema from '../../schema/dataclone-environment.schema.json' with { type: 'json' };
import type { EnvironmentDefinition, EnvironmentInstance } from './environment.js';

interface RawEnvironment {
  name: string;
  instances: { name: string; image?: string; definition?: string; migrations?: Record<string, string> }[];
}

/**
 * Reads an environment file (dataclone.environment.yaml), checks it against its JSON Schema and
 * resolves each instance's image and migrations. Errors name the file, line and field.
 */
export async function loadEnvironment(file: string): Promise<EnvironmentDefinition> {
  const text = await readText(file);
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw new DatacloneError(
      `${file}:${line}:${col}: this is not valid YAML: ${syntax.message.split('\n')[0]}`,
      'Check the indentation and the quoting on that line and the one before it.',
    );
  }
  const site: DefinitionSite = { file, document, lines };
  const value: unknown = document.toJS();
  const validate = compileSchema();
  if (!validate(value)) {
    const problems = describeSchemaErrors(site, validate.errors ?? []);
    throw new DatacloneError(
      problems.length === 1
        ? (problems[0]?.message ?? file)
        : `${file}: ${problems.length} problems:\n${problems.map((p) => `  ${p.message}`).join('\n')}`,
      problems[0]?.hint ??
        'Editors check this as you type when the file starts with "# yaml-language-server: $schema=<path to dataclone-environment.schema.json>".',
    );
  }
  const raw = value as unknown as RawEnvironment;
  const directory = path.dirname(path.resolve(file));
  const seen = new Map<string, number>();
  const instances: EnvironmentInstance[] = [];
  for (const [index, instance] of raw.instances.entries()) {
    const earlier = seen.get(instance.name);
    if (earlier !== undefined) {
      throw definitionError(
        site,
        ['instances', index, 'name'],
        `'${instance.name}' is already the name of instances[${earlier}]`,
        'Give every instance its own name: it is its host name on the environment network.',
      );
    }
    seen.set(instance.name, index);
    instances.push(await resolveInstance(site, directory, index, instance));
  }
  return { file: path.resolve(file), name: raw.name, instances };
}

async function resolveInstance(
  site: DefinitionSite,
  directory: string,
  index: number,
  raw: RawEnvironment['instances'][number],
): Promise<EnvironmentInstance> {
  if (!raw.image && !raw.definition) {
    throw definitionError(
      site,
      ['instances', index],
      `instance '${raw.name}' names no data image`,
      'Give image (a data image, e.g. dataclone/shop:latest), definition (its dataclone.yaml), or both.',
    );
  }
  const migrations: Record<string, string[]> = {};
  let image = raw.image;
  if (raw.definition) {
    const definitionFile = path.resolve(directory, raw.definition);
    const definition = await loadImageDefinition(definitionFile).catch((error: unknown) => {
      throw definitionError(
        site,
        ['instances', index, 'definition'],
        `the image definition ${raw.definition} cannot be used`,
        error instanceof Error ? error.message : String(error),
      );
    });
    image ??= `dataclone/${definition.name}:latest`;
    for (const db of definition.databases) if (db.migrations) migrations[db.name] = [db.migrations];
  }
  for (const [database, folder] of Object.entries(raw.migrations ?? {}))
    migrations[database] = [path.resolve(directory, folder)];
  return { name: raw.name, image: image ?? '', migrations };
}

let compiled: ValidateFunction | undefined;

function compileSchema(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  ajv.addVocabulary(['errorMessage', 'patternErrorMessage']);
  compiled = ajv.compile(schema);
  return compiled;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatacloneError(
      code === 'ENOENT'
        ? `environment file ${file} does not exist`
        : `cannot read environment file ${file}: ${(error as Error).message}`,
      'Check the path given to --environment: a relative path is taken from the current folder.',
      { cause: error },
    );
  }
}
