import type { ErrorObject } from 'ajv';
import { fieldName, locate, offsetOf, type DefinitionSite, type FieldPath } from './definition-error.js';
import { suggestName } from './suggest-name.js';

export interface SchemaProblem {
  message: string;
  hint?: string;
}

/**
 * One problem per schema error, `file:line:column: field: problem`, in the order of the file.
 * Ajv's summaries of other errors (a failed `if`, `propertyNames`) are left out, and so is a
 * second error of the same kind on the same value (a format both enums of the schema refuse).
 */
export function describeSchemaErrors(site: DefinitionSite, errors: ErrorObject[]): SchemaProblem[] {
  const seen = new Set<string>();
  return errors
    .filter((error) => error.keyword !== 'if' && error.keyword !== 'propertyNames')
    .filter((error) => {
      const params = error.params as { missingProperty?: string; additionalProperty?: string };
      const subject = params.missingProperty ?? params.additionalProperty ?? error.propertyName ?? '';
      const key = `${error.instancePath}|${error.keyword}|${subject}`;
      const isNew = !seen.has(key);
      seen.add(key);
      return isNew;
    })
    .map((error) => ({ error, where: whereIs(error) }))
    .map(({ error, where }) => ({
      ...describeSchemaError(site, error, where),
      offset: offsetOf(site, ...where),
    }))
    .sort((a, b) => a.offset - b.offset)
    .map(({ message, hint }) => (hint ? { message, hint } : { message }));
}

type Where = [FieldPath, { key: boolean }];

/** Unknown fields and bad label names are shown at the name; everything else at the value. */
function whereIs(error: ErrorObject): Where {
  const path = toFieldPath(error.instancePath);
  if (error.keyword === 'additionalProperties')
    return [[...path, (error.params as { additionalProperty: string }).additionalProperty], { key: true }];
  if (error.propertyName !== undefined) return [[...path, error.propertyName], { key: true }];
  return [path, { key: false }];
}

/** The schema's own words: editors (VS Code, yaml-language-server) show the same ones. */
interface SchemaWords {
  description?: string;
  errorMessage?: string;
  patternErrorMessage?: string;
  properties?: Record<string, { description?: string }>;
}

/** The problem in the user's terms; the hint is the description of the field, as on hover. */
function describeSchemaError(site: DefinitionSite, error: ErrorObject, where: Where): SchemaProblem {
  const path = toFieldPath(error.instancePath);
  const schema = (error.parentSchema ?? {}) as SchemaWords;
  const say = (problem: string, hint = schema.description): SchemaProblem => ({
    message: `${locate(site, ...where)}: ${fieldName(path)}${problem}`,
    ...(hint ? { hint } : {}),
  });
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      const description = schema.properties?.[field]?.description;
      return say(`missing required field '${field}'`, description && `${field}: ${description}`);
    }
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const known = Object.keys(schema.properties ?? {}).filter((name) => name !== '$schema');
      const guess = suggestName(field, known);
      return say(
        `unknown field '${field}'${guess ? `; did you mean '${guess}'?` : ''}`,
        `The fields here are: ${known.join(', ')}.`,
      );
    }
    case 'enum': {
      if (schema.errorMessage) return say(schema.errorMessage);
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = typeof error.data === 'string' ? suggestName(error.data, allowed) : undefined;
      return say(
        `'${String(error.data)}' is not one of ${allowed.map((value) => `'${value}'`).join(', ')}${guess ? `; did you mean '${guess}'?` : ''}`,
      );
    }
    case 'type':
      return say(`expected ${describeTypes(params.type)}, found ${describeValue(error.data)}`);
    case 'pattern':
      return say(
        error.propertyName !== undefined
          ? `'${error.propertyName}': ${schema.patternErrorMessage ?? `names must match ${String(params.pattern)}`}`
          : (schema.patternErrorMessage ?? `must match ${String(params.pattern)}`),
      );
    case 'maxLength':
      return say(`is longer than ${String(params.limit)} characters`);
    case 'minLength':
      return say('must not be empty');
    case 'minItems':
      return say(
        `must list at least ${params.limit === 1 ? 'one entry' : `${String(params.limit)} entries`}`,
      );
    case 'uniqueItems':
      return say(`lists '${String((error.data as unknown[])[Number(params.i)])}' twice`);
    default:
      return say(error.message ?? 'is not valid');
  }
}

function toFieldPath(pointer: string): FieldPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const TYPE_NAMES: Record<string, string> = { array: 'a list', object: 'a mapping', null: 'nothing' };

function describeTypes(type: unknown): string {
  const types = Array.isArray(type) ? type.map(String) : [String(type)];
  const names = types.map((name) => TYPE_NAMES[name] ?? `a ${name}`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
