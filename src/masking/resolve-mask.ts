import { createHash } from 'node:crypto';
import {
  definitionError,
  locate,
  type DefinitionSite,
  type FieldPath,
} from '../definition/definition-error.js';
import { suggestName } from '../definition/suggest-name.js';
import { STRATEGIES } from './strategies.js';
import {
  DEFAULT_SECRET_VARIABLE,
  type ColumnRule,
  type MaskDefinition,
  type MaskOptions,
  type MaskRule,
  type MaskStrategyName,
} from './types.js';

/** The `mask:` section as written, once it matches the schema. */
export interface RawMask {
  secret?: string;
  deterministic?: boolean;
  require?: 'classified';
  rules: Record<string, Record<string, 'empty' | Record<string, RawColumnRule>>>;
}

export type RawColumnRule =
  MaskStrategyName | ({ strategy: MaskStrategyName; unique?: boolean; keepNulls?: boolean } & MaskOptions);

/**
 * Resolves the `mask:` section into one rule per column or emptied table, each with its place in
 * the file; checks what can be known without the instance (options a strategy needs, a unique
 * column under a strategy that cannot keep it unique).
 */
export function resolveMask(
  site: DefinitionSite,
  raw: RawMask | undefined,
  /** The definition's databases, when no instance source can bring others. */
  databases?: string[],
): MaskDefinition | undefined {
  if (!raw) return undefined;
  const rules: MaskRule[] = [];
  for (const [database, tables] of Object.entries(raw.rules)) {
    if (databases && !databases.includes(database)) {
      const guess = suggestName(database, databases);
      throw definitionError(
        site,
        ['mask', 'rules', database],
        `'${database}' is not one of the databases of the definition (${databases.join(', ')})${guess ? `; did you mean '${guess}'?` : ''}`,
        'Rules are keyed by database name, then table, then column.',
      );
    }
    for (const [table, columns] of Object.entries(tables)) {
      const tablePath: FieldPath = ['mask', 'rules', database, table];
      if (columns === 'empty') {
        rules.push({ kind: 'empty', database, table, location: locate(site, tablePath) });
        continue;
      }
      for (const [column, written] of Object.entries(columns)) {
        const path = [...tablePath, column];
        rules.push(resolveColumnRule(site, path, { database, table, column }, written));
      }
    }
  }
  return {
    secretVariable: raw.secret ?? DEFAULT_SECRET_VARIABLE,
    deterministic: raw.deterministic ?? false,
    ...(raw.require && { require: raw.require }),
    rules,
    digest: digestRules(rules),
  };
}

function resolveColumnRule(
  site: DefinitionSite,
  path: FieldPath,
  where: { database: string; table: string; column: string },
  written: RawColumnRule,
): ColumnRule {
  const { strategy, unique, keepNulls, ...options } =
    typeof written === 'string' ? { strategy: written } : written;
  const rule: ColumnRule = {
    kind: 'column',
    ...where,
    strategy,
    options: options as MaskOptions,
    unique: unique ?? false,
    keepNulls: keepNulls ?? true,
    location: locate(site, path),
  };
  const fail = (problem: string, hint: string) => {
    throw definitionError(site, path, problem, hint);
  };
  if (rule.unique && !STRATEGIES[strategy].canStayUnique)
    fail(
      `strategy ${strategy} cannot keep a unique column unique (it writes values from a small set)`,
      'Use email, iban, uuid, hash or shuffle for a unique column, or an expression of your own.',
    );
  if (strategy === 'value' && rule.options.value === undefined)
    fail(
      'strategy value needs value: the constant every row gets',
      "E.g. { strategy: value, value: 'redacted' }.",
    );
  if (strategy === 'expression' && rule.options.sql === undefined)
    fail(
      'strategy expression needs sql: the SQL computing the new value from the column',
      'E.g. { strategy: expression, sql: "concat(\'user\', id)" }.',
    );
  if (strategy === 'partial' && rule.options.keepFirst === undefined && rule.options.keepLast === undefined)
    fail('strategy partial needs keepFirst, keepLast or both', 'E.g. { strategy: partial, keepLast: 4 }.');
  if (strategy === 'noise' && (rule.options.amount === undefined) === (rule.options.days === undefined))
    fail(
      'strategy noise needs either amount (a number column) or days (a date column), not both',
      'E.g. { strategy: noise, amount: 100 } or { strategy: noise, days: 30 }.',
    );
  if (strategy === 'date-of-birth' && (rule.options.min ?? '') > (rule.options.max ?? '9999-12-31'))
    fail('min is later than max', 'Give min as the earliest date and max as the latest, YYYY-MM-DD.');
  return rule;
}

/** The rules without their places in the file: moving a rule to another line changes nothing. */
function digestRules(rules: MaskRule[]): string {
  const canonical = rules.map(({ location: _location, ...rule }) => rule);
  return `sha256:${createHash('sha256').update(JSON.stringify(canonical)).digest('hex')}`;
}
