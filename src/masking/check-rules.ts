import { DatacloneError } from '../core/errors.js';
import { suggestName } from '../definition/suggest-name.js';
import type { Dictionaries } from './dictionaries.js';
import { longestFake } from './mask-sql.js';
import type { ColumnFacts } from './masking-engine.js';
import { STRATEGIES } from './strategies.js';
import type { ColumnRule, EmptyTableRule, MaskRule } from './types.js';

/** A rule matched to what the restored instance holds. */
export type PlacedRule =
  | { rule: ColumnRule; column: ColumnFacts; key: ColumnFacts[] }
  | { rule: EmptyTableRule; table: Pick<ColumnFacts, 'schema' | 'table'> };

/**
 * Matches every rule to its table and column in the restored instance and checks that the
 * strategy can write there: the column exists, its type takes the strategy's values, its length
 * holds the longest of them, a unique column stays unique, NULL only into a nullable column.
 * Every problem is reported at once, each naming the database, table, column and rule.
 */
export function placeRules(
  rules: MaskRule[],
  columnsOf: (database: string) => ColumnFacts[],
  engine: string,
  dictionaries: Partial<Dictionaries>,
): PlacedRule[] {
  const placed: PlacedRule[] = [];
  const problems: string[] = [];
  for (const rule of rules) {
    const columns = columnsOf(rule.database);
    const [schema, table] = splitTable(rule, engine);
    const tableColumns = columns.filter((c) => c.schema === schema && c.table === table);
    const where = `database ${rule.database}, table ${rule.table}`;
    if (tableColumns.length === 0) {
      const tables = [
        ...new Set(
          columns.map((c) =>
            engine === 'postgres' && c.schema !== 'public' ? `${c.schema}.${c.table}` : c.table,
          ),
        ),
      ];
      const guess = suggestName(rule.table, tables);
      problems.push(`${rule.location}: ${where}: no such table${guess ? `; did you mean '${guess}'?` : ''}`);
      continue;
    }
    if (rule.kind === 'empty') {
      placed.push({ rule, table: { schema, table } });
      continue;
    }
    const column = tableColumns.find((c) => c.column === rule.column);
    const at = `${rule.location}: ${where}, column ${rule.column} (${rule.strategy})`;
    if (!column) {
      const guess = suggestName(
        rule.column,
        tableColumns.map((c) => c.column),
      );
      problems.push(`${at}: no such column${guess ? `; did you mean '${guess}'?` : ''}`);
      continue;
    }
    const problem = misfit(rule, column, engine, dictionaries, tableColumns);
    if (problem) problems.push(`${at}: ${problem}`);
    else placed.push({ rule, column, key: tableColumns.filter((c) => c.primaryKey) });
  }
  if (problems.length > 0)
    throw new DatacloneError(
      `mask: ${problems.length === 1 ? 'a rule does' : `${problems.length} rules do`} not fit the restored instance:\n${problems.map((p) => `  ${p}`).join('\n')}`,
      'Fix the rules named above; nothing was masked or tagged, and the build container was removed.',
    );
  return placed;
}

/** Why the strategy cannot write into this column, or undefined when it can. */
function misfit(
  rule: ColumnRule,
  column: ColumnFacts,
  engine: string,
  dictionaries: Partial<Dictionaries>,
  tableColumns: ColumnFacts[],
): string | undefined {
  const traits = STRATEGIES[rule.strategy];
  if (rule.strategy === 'noise') {
    const wants = rule.options.days !== undefined ? ['date', 'timestamp'] : ['integer', 'decimal'];
    if (!wants.includes(column.class))
      return `noise with ${rule.options.days !== undefined ? 'days moves dates' : 'amount moves numbers'}, and the column is ${column.type}`;
  } else if (!traits.fits.includes(column.class))
    return `strategy ${rule.strategy} writes ${describeFits(traits.fits)}, and the column is ${column.type}`;
  if (rule.strategy === 'null' && !column.nullable)
    return 'the column is NOT NULL, so it cannot be masked with null';
  const unique = rule.unique || column.unique;
  if (unique && !traits.canStayUnique)
    return `the column ${rule.unique ? 'must stay unique' : 'has a unique index'}, and strategy ${rule.strategy} cannot keep it unique; use email, iban, uuid, hash or shuffle, or an expression`;
  if (rule.strategy === 'hash' && column.maxLength !== undefined && column.maxLength < 16 && unique)
    return `a unique column needs at least 16 characters of the hash, and the column holds ${column.maxLength}`;
  const longest = longestFake(rule, column, dictionaries);
  if (
    column.class === 'text' &&
    longest !== undefined &&
    column.maxLength !== undefined &&
    longest > column.maxLength
  )
    return `${rule.strategy === 'value' ? 'the value is' : `strategy ${rule.strategy} writes up to`} ${longest} characters, and the column (${column.type}) holds ${column.maxLength}`;
  if (rule.strategy === 'shuffle' && engine !== 'postgres' && !tableColumns.some((c) => c.primaryKey))
    return 'shuffle on MySQL and MariaDB needs the table to have a primary key (it moves values between rows by it)';
  return undefined;
}

/** `schema.table` on PostgreSQL (public by default); on MySQL and MariaDB the database is the schema. */
export function splitTable(rule: MaskRule, engine: string): [string, string] {
  if (engine !== 'postgres') return [rule.database, rule.table];
  const dot = rule.table.indexOf('.');
  return dot < 0 ? ['public', rule.table] : [rule.table.slice(0, dot), rule.table.slice(dot + 1)];
}

function describeFits(fits: readonly string[]): string {
  if (fits.length === 1 && fits[0] === 'text') return 'text';
  return fits.join(' or ');
}
