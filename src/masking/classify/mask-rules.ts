/**
 * The `mask:` rules of an image definition as classify reads and writes them: per database, per
 * table (PostgreSQL: `schema.table` outside `public`), per column a strategy name or a strategy
 * with its options; `empty` for a table emptied whole.
 *
 * The masking core has its own, fuller types for these rules; this is the shape they share.
 */
export type ColumnRule = string | { strategy: string; [option: string]: unknown };
export type TableRule = 'empty' | Record<string, ColumnRule>;
export type MaskRules = Record<string, Record<string, TableRule>>;

/**
 * A rule as the masking core resolves a definition's rules: one entry per column, or per table
 * emptied. Classify takes these as well as the rules as written.
 */
export type ListedMaskRule =
  | { kind: 'column'; database: string; table: string; column: string }
  | { kind: 'empty'; database: string; table: string };

export type AnyMaskRules = MaskRules | readonly ListedMaskRule[];

/** The part of `mask:` that classify uses. */
export interface MaskSettings {
  /** `classified`: a build fails when classify finds a suspect column that has no rule. */
  require?: 'classified';
  rules: AnyMaskRules;
}

/** Whether a rule masks this column: one of its own, or its table is emptied. */
export function isCovered(
  rules: AnyMaskRules | undefined,
  database: string,
  table: string,
  column: string,
): boolean {
  if (isListed(rules))
    return rules.some(
      (rule) =>
        rule.database === database &&
        inPublic(rule.table) === table &&
        (rule.kind === 'empty' || rule.column === column),
    );
  const tables = rules?.[database] ?? {};
  return Object.entries(tables).some(
    ([name, rule]) => inPublic(name) === table && (rule === 'empty' || Object.hasOwn(rule, column)),
  );
}

/** `public.customers` and `customers` name the same PostgreSQL table. */
function inPublic(table: string): string {
  return table.startsWith('public.') ? table.slice('public.'.length) : table;
}

function isListed(rules: AnyMaskRules | undefined): rules is readonly ListedMaskRule[] {
  return Array.isArray(rules);
}

/** One rule to print, with what made classify suggest it. */
export interface SuggestedRule {
  database: string;
  table: string;
  column: string;
  rule: ColumnRule;
  reason: string;
}

/**
 * The suggestions as a `mask:` block ready to paste into dataclone.yaml: one line per column,
 * with the reason as its comment. Names that YAML would read otherwise are quoted.
 */
export function renderMaskRules(suggestions: SuggestedRule[]): string {
  const lines = ['mask:', '  rules:'];
  let database: string | undefined;
  let table: string | undefined;
  for (const suggestion of suggestions) {
    if (suggestion.database !== database) {
      database = suggestion.database;
      table = undefined;
      lines.push(`    ${yamlKey(database)}:`);
    }
    if (suggestion.table !== table) {
      table = suggestion.table;
      lines.push(`      ${yamlKey(table)}:`);
    }
    lines.push(
      `        ${yamlKey(suggestion.column)}: ${yamlRule(suggestion.rule)}  # ${oneLine(suggestion.reason)}`,
    );
  }
  if (suggestions.length === 0) lines.push('    {}  # no column looks personal');
  return lines.join('\n');
}

/** `first-name`, or `{ strategy: email, unique: true }`. */
export function yamlRule(rule: ColumnRule): string {
  if (typeof rule === 'string') return yamlScalar(rule);
  const parts = Object.entries(rule).map(([key, value]) => `${yamlKey(key)}: ${yamlScalar(value)}`);
  return `{ ${parts.join(', ')} }`;
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_.$-]*$/;
const YAML_WORDS = /^(true|false|yes|no|on|off|null|y|n)$/i;

function yamlKey(name: string): string {
  return PLAIN.test(name) && !YAML_WORDS.test(name) ? name : JSON.stringify(name);
}

function yamlScalar(value: unknown): string {
  if (typeof value === 'string') return yamlKey(value);
  return JSON.stringify(value);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
