import type { Reporter } from '../../core/reporter.js';
import type { Engine } from '../../engines/engine.js';
import { classifyColumn, type Suspect } from './classify-columns.js';
import { catalogFor, type InstanceCatalog, type SampleLimits, type TableColumn } from './instance-catalog.js';
import { isCovered, renderMaskRules, type AnyMaskRules, type MaskRules } from './mask-rules.js';

/**
 * Runs a command in the container where the instance's server runs (a build container, a
 * clone's) and returns what it printed; throws when it fails.
 */
export type RunInContainer = (command: string[], label: string) => Promise<string>;

export interface ClassifyInstanceOptions {
  engine: Engine;
  run: RunInContainer;
  /** The instance's databases to scan. */
  databases: string[];
  /** The definition's mask rules: suspects they cover are listed as covered. */
  rules?: AnyMaskRules;
  reporter: Reporter;
  limits?: Partial<SampleLimits>;
}

export interface Classification {
  databases: string[];
  tables: number;
  columns: number;
  /** Suspect columns no rule masks, in database, table and column order. */
  suspects: Suspect[];
  /** Suspect columns a rule masks already. */
  covered: Suspect[];
}

export const DEFAULT_SAMPLE_LIMITS: SampleLimits = { values: 200, rows: 2000, length: 120 };

/** The bytes of SQL one client call carries at most: one argument may not exceed 128 KiB. */
const MAX_QUERY_LENGTH = 60_000;

/**
 * Scans every user table column of the instance: lists them with their types from the catalog,
 * samples the text (and long number) columns with one cheap bounded query per batch of columns,
 * and classifies each one.
 */
export async function classifyInstance(options: ClassifyInstanceOptions): Promise<Classification> {
  const catalog = catalogFor(options.engine.name);
  const limits = { ...DEFAULT_SAMPLE_LIMITS, ...options.limits };
  const found: Suspect[] = [];
  let tables = 0;
  let columns = 0;
  for (const database of options.databases) {
    const listed = await listColumns(options, catalog, database);
    tables += new Set(listed.map((column) => column.tableKey)).size;
    columns += listed.length;
    const samples = await sampleColumns(options, catalog, database, listed, limits);
    for (const [index, column] of listed.entries()) {
      const suspect = classifyColumn(column, samples[index] ?? []);
      if (suspect) found.push(suspect);
    }
    options.reporter.info(
      `Classified ${listed.length} column(s) of database ${database}: ${found.filter((s) => s.database === database).length} look personal`,
    );
  }
  const covers = (suspect: Suspect) =>
    isCovered(options.rules, suspect.database, suspect.table, suspect.column);
  return {
    databases: options.databases,
    tables,
    columns,
    suspects: found.filter((suspect) => !covers(suspect)),
    covered: found.filter(covers),
  };
}

/** The classification's uncovered suspects as a `mask:` block to paste, each with its reasons. */
export function suggestedRules(classification: Classification): string {
  return renderMaskRules(
    classification.suspects.map((suspect) => ({
      database: suspect.database,
      table: suspect.table,
      column: suspect.column,
      rule: suspect.rule,
      reason: `${suspect.type}: ${suspect.reasons.join('; ')}`,
    })),
  );
}

/** The uncovered suspects' rules as the definition holds them: database, table, column. */
export function suggestedRuleSet(classification: Classification): MaskRules {
  const rules: MaskRules = {};
  for (const suspect of classification.suspects) {
    const tables = (rules[suspect.database] ??= {});
    const table = (tables[suspect.table] ??= {});
    if (table !== 'empty') table[suspect.column] = suspect.rule;
  }
  return rules;
}

async function listColumns(
  options: ClassifyInstanceOptions,
  catalog: InstanceCatalog,
  database: string,
): Promise<TableColumn[]> {
  const output = await options.run(
    options.engine.clientCommand(database, catalog.clientArgs(catalog.columnsQuery)),
    `list the columns of database ${database}`,
  );
  return jsonLines(output).map((line) => {
    const [schema, table, column, type, kind, unique] = line as [
      string,
      string,
      string,
      string,
      TableColumn['kind'],
      boolean | number,
    ];
    const tableKey = options.engine.name !== 'postgres' || schema === 'public' ? table : `${schema}.${table}`;
    return { database, schema, table, tableKey, column, type, kind, unique: Boolean(unique) };
  });
}

/** Sampled values per listed column (by index); columns not sampled have none. */
async function sampleColumns(
  options: ClassifyInstanceOptions,
  catalog: InstanceCatalog,
  database: string,
  listed: TableColumn[],
  limits: SampleLimits,
): Promise<string[][]> {
  const samples: string[][] = listed.map(() => []);
  const sampled = listed.flatMap((column, index) =>
    column.kind === 'text' || column.kind === 'number' ? [{ column, index }] : [],
  );
  for (const batch of batches(sampled, (part) =>
    catalog.sampleQuery(
      part.map((entry) => entry.column),
      limits,
    ),
  )) {
    const output = await options.run(
      options.engine.clientCommand(database, catalog.clientArgs(batch.sql)),
      `sample ${batch.items.length} column(s) of database ${database}`,
    );
    for (const line of jsonLines(output)) {
      const [position, value] = line as [number, string | null];
      const entry = batch.items[position];
      if (entry && typeof value === 'string') samples[entry.index]?.push(value);
    }
  }
  return samples;
}

/** Splits items into runs whose query stays under MAX_QUERY_LENGTH (each item's part measured alone). */
function batches<T>(items: T[], query: (part: T[]) => string): { items: T[]; sql: string }[] {
  const runs: T[][] = [];
  let current: T[] = [];
  let length = 0;
  for (const item of items) {
    const added = query([item]).length + '\nUNION ALL\n'.length;
    if (current.length > 0 && length + added > MAX_QUERY_LENGTH) {
      runs.push(current);
      current = [];
      length = 0;
    }
    current.push(item);
    length += added;
  }
  if (current.length > 0) runs.push(current);
  return runs.map((run) => ({ items: run, sql: query(run) }));
}

/** The client printed one JSON document a line. */
function jsonLines(output: string): unknown[][] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown[]);
}
