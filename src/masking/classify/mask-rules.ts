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

/** The part of `mask:` that classify uses. */
export interface MaskSettings {
  /** `classified`: a build fails when classify finds a suspect column that has no rule. */
  require?: 'classified';
  rules: MaskRules;
}

/** Whether a rule masks this column: one of its own, or its table is emptied. */
export function isCovered(
  rules: MaskRules | undefined,
  database: string,
  table: string,
  column: string,
): boolean {
  const tableRule = rules?.[database]?.[table];
  if (tableRule === undefined) return false;
  return tableRule === 'empty' || Object.hasOwn(tableRule, column);
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
