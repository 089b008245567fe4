import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { DatacloneError } from '../core/errors.js';
import { fieldName, locate, type DefinitionSite, type FieldPath } from './definition-error.js';
import { imageDefinitionSchema } from './schema.js';

let compiled: ValidateFunction | undefined;

/** Compiled on first use: compiling costs tens of milliseconds that most commands never need. */
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(imageDefinitionSchema);
  return compiled;
}

/** Checks a parsed definition against the JSON Schema; every problem found is listed, each with its line. */
export function validateAgainstSchema(site: DefinitionSite, value: unknown): void {
  const validate = validator();
  if (validate(value)) return;
  const errors = (validate.errors ?? []).filter(isUseful);
  const messages = [...new Set(errors.map((error) => describe(site, error)))];
  if (messages.length === 1) throw new DatacloneError(messages[0] ?? '', hintFor(errors[0]));
  throw new DatacloneError(
    `${site.file}: ${messages.length} problems:\n${messages.map((m) => `  ${m}`).join('\n')}`,
    'See schema/dataclone.schema.json for every field; editors with YAML support show it as you type.',
  );
}

/** oneOf reports every branch that failed; the branch errors say it better, so drop the summary. */
function isUseful(error: ErrorObject): boolean {
  return error.keyword !== 'oneOf' && error.keyword !== 'if';
}

function describe(site: DefinitionSite, error: ErrorObject): string {
  const path = pointerToPath(error.instancePath);
  switch (error.keyword) {
    case 'required': {
      const field = (error.params as { missingProperty: string }).missingProperty;
      return `${locate(site, path)}: ${fieldName(path)}missing required field '${field}'`;
    }
    case 'additionalProperties': {
      const field = (error.params as { additionalProperty: string }).additionalProperty;
      const known = knownFields(error);
      const guess = closest(field, known);
      const suggestion = guess ? `; did you mean '${guess}'?` : ` (known: ${known.join(', ')})`;
      return `${locate(site, [...path, field], true)}: ${fieldName(path)}unknown field '${field}'${suggestion}`;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      return `${locate(site, path)}: ${fieldName(path)}must be one of ${allowed.map((v) => `'${String(v)}'`).join(', ')}`;
    }
    case 'type':
      return `${locate(site, path)}: ${fieldName(path)}expected ${article((error.params as { type: string | string[] }).type)}`;
    case 'propertyNames':
      return `${locate(site, path)}: ${fieldName(path)}label names are lowercase letters, digits, '.', '_' and '-', and must not start with 'dataclone.' (reserved)`;
    case 'pattern':
    case 'maxLength':
      return `${locate(site, path)}: ${fieldName(path)}${patternProblem(path)}`;
    case 'minItems':
      return `${locate(site, path)}: ${fieldName(path)}must list at least one entry`;
    case 'minLength':
      return `${locate(site, path)}: ${fieldName(path)}must not be empty`;
    case 'uniqueItems':
      return `${locate(site, path)}: ${fieldName(path)}lists the same name twice`;
    default:
      return `${locate(site, path)}: ${fieldName(path)}${error.message ?? 'is not valid'}`;
  }
}

function patternProblem(path: FieldPath): string {
  const last = path.at(-1);
  if (path[0] === 'databases' && last === 'name')
    return "a database name is letters, digits and '_' (at most 63), not starting with a digit";
  if (last === 'name')
    return "the image name is lowercase letters, digits, '.', '_' and '-' (at most 128), starting with a letter or digit";
  return 'is not valid';
}

function hintFor(error: ErrorObject | undefined): string | undefined {
  if (error?.keyword === 'required') return 'See schema/dataclone.schema.json, or the example in the README.';
  return undefined;
}

function knownFields(error: ErrorObject): string[] {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return Object.keys(properties ?? {}).filter((name) => name !== '$schema');
}

function pointerToPath(pointer: string): FieldPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function article(type: string | string[]): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => (t === 'array' ? 'a list' : t === 'object' ? 'a mapping' : `a ${t}`)).join(' or ');
}

/** The known name closest to `name`, if it is close enough to be a typo. */
export function closest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}
