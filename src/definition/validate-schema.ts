import { Ajv, type ValidateFunction } from 'ajv';
import type { MaskSettings } from '../masking/classify/mask-rules.js';
import type { WrittenThresholds } from '../migration-checks/thresholds.js';
import { DatacloneError } from '../core/errors.js';
import type { DefinitionSite } from './definition-error.js';
import type { SourceFormat } from './detect-source.js';
import { describeSchemaErrors } from './describe-schema-error.js';
import { imageDefinitionSchema } from './schema.js';
import type { EngineName } from './types.js';

/** A definition as written, once it matches schema/dataclone.schema.json. */
export interface RawDefinition {
  name: string;
  engine: EngineName;
  version: string | number;
  baseImage?: string;
  primary?: string;
  setup?: RawScript[];
  instance?: RawInstance;
  databases?: RawDatabase[];
  after?: RawScript[];
  labels?: Record<string, string | number | boolean>;
  mask?: MaskSettings & { secret?: string };
}

export type RawScript = string | { script: string; database?: string };

export interface RawInstance {
  source?: string;
  backup?: string;
  format?: 'sql' | 'sql.gz';
}

export interface RawDatabase {
  name: string;
  source?: string;
  format?: SourceFormat;
  createsDatabase?: boolean;
  dependsOn?: string[];
  migrations?: string;
  checks?: WrittenThresholds;
}

/**
 * Checks a parsed definition against the JSON Schema. Every problem is reported at once, one
 * per line, each with its own line and column in the file.
 */
export function validateAgainstSchema(site: DefinitionSite, value: unknown): asserts value is RawDefinition {
  const validate = compileSchema();
  if (validate(value)) return;
  const problems = describeSchemaErrors(site, validate.errors ?? []);
  const only = problems.length === 1 ? problems[0] : undefined;
  if (only) throw new DatacloneError(only.message, only.hint ?? EDITOR_HINT);
  throw new DatacloneError(
    `${site.file}: ${problems.length} problems:\n${problems.map((problem) => `  ${problem.message}`).join('\n')}`,
    EDITOR_HINT,
  );
}

const EDITOR_HINT =
  'Editors show these as you type when the file starts with "# yaml-language-server: $schema=<path to dataclone.schema.json>".';

let compiled: ValidateFunction | undefined;

/** Compiled on first use: it takes tens of milliseconds that most commands never need. */
function compileSchema(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  // The messages editors (VS Code, yaml-language-server) show; we show the same ones.
  ajv.addVocabulary(['errorMessage', 'patternErrorMessage']);
  compiled = ajv.compile(imageDefinitionSchema);
  return compiled;
}
