import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import type { BuildShell } from '../engines/engine.js';
import { suggestName } from '../definition/suggest-name.js';
import { BuildStepError } from '../images/build-shell.js';
import { placeRules, type PlacedRule } from './check-rules.js';
import { DICTIONARIES_OF, loadDictionaries, type Dictionaries, type DictionaryName } from './dictionaries.js';
import { couldBeAFake, maskExpression } from './mask-sql.js';
import type { ColumnFacts, MaskingEngine } from './masking-engine.js';
import { maskingEngineFor } from './masking-engines.js';
import { STRATEGIES } from './strategies.js';
import type { MaskingKey } from './masking-key.js';
import type { ColumnRule, MaskDefinition, MaskStrategyName } from './types.js';

/** What masking did, for the build's summary and the image's labels. */
export interface MaskingReport {
  /** Made with the secret of the environment (the same fakes in every build), or a key of this build's own. */
  deterministic: boolean;
  digest: string;
  columns: MaskedColumn[];
  emptied: { database: string; table: string; rows: number }[];
  /** Originals sampled before masking and looked for afterwards in every masked column. */
  sampled: number;
  /** Milliseconds of each phase: checks and dictionaries, counting and sampling, the updates, the proof. */
  phasesMs: { prepare: number; sample: number; mask: number; prove: number };
}

export interface MaskedColumn {
  database: string;
  table: string;
  column: string;
  strategy: MaskStrategyName;
  rows: number;
}

/** Originals sampled per masked column for the proof. */
const SAMPLES_PER_COLUMN = 100;

/**
 * Masks the restored instance in place, as set-based SQL in the build container (no row leaves
 * it): every rule checked against the instance first, the dictionaries the rules need loaded
 * into it, one UPDATE per table (then the table rewritten into new files where the engine can:
 * PostgreSQL), then the proof. A sample of the originals of every masked column is taken before;
 * afterwards none of them may be found in any masked column, or the build fails. The
 * dictionaries are removed again before the after scripts run.
 */
export async function maskInstance(
  shell: BuildShell,
  engineName: string,
  mask: MaskDefinition,
  key: MaskingKey,
  reporter: Reporter,
  /** The databases of the image, once restored (an instance source brings its own). */
  imageDatabases: string[],
): Promise<MaskingReport> {
  const engine = maskingEngineFor(engineName);
  let phaseStarted = performance.now();
  const phase = () => {
    const now = performance.now();
    const ms = Math.round(now - phaseStarted);
    phaseStarted = now;
    return ms;
  };
  const databases = [...new Set(mask.rules.map((rule) => rule.database))];
  checkDatabasesExist(mask, imageDatabases);
  const columns = new Map<string, ColumnFacts[]>();
  for (const database of databases) columns.set(database, await engine.describeColumns(shell, database));
  const needed = neededDictionaries(mask);
  const dictionaries = needed.length > 0 ? pickDictionaries(await loadDictionaries(), needed) : {};
  const placed = placeRules(mask.rules, (database) => columns.get(database) ?? [], engineName, dictionaries);

  const run = (database: string, sql: string, label: string) =>
    hidingTheSecret(key.secret, () => engine.runMasking(shell, database, sql, key.secret, label));
  if (needed.length > 0) await engine.loadDictionaries(shell, databases, dictionaries);
  const report: MaskingReport = {
    deterministic: key.deterministic,
    digest: mask.digest,
    columns: [],
    emptied: [],
    sampled: 0,
    phasesMs: { prepare: 0, sample: 0, mask: 0, prove: 0 },
  };
  report.phasesMs.prepare = phase();
  const tables = groupByTable(placed, engine);
  const rows = new Map<string, number>();
  for (const table of tables) rows.set(table.id, await countRows(shell, engine, table.database, table.name));

  const samples = new Map<string, string>();
  for (const table of tables) {
    for (const { rule, column } of table.columns.filter(({ rule }) => isProvable(rule))) {
      const found = await sampleOriginals(shell, engine, rule, column, rows.get(table.id) ?? 0);
      for (const digest of found)
        if (!samples.has(digest)) samples.set(digest, `${rule.database}.${rule.table}.${rule.column}`);
    }
  }
  report.sampled = samples.size;
  report.phasesMs.sample = phase();

  for (const table of tables) {
    const total = rows.get(table.id) ?? 0;
    const task = `mask ${table.database}.${table.label}`;
    reporter.progress({ task, done: 0, total, unit: 'items' });
    if (table.empty) {
      await run(table.database, engine.emptyTable(table.name), task);
      report.emptied.push({ database: table.database, table: table.label, rows: total });
    } else {
      const set = table.columns.filter(({ rule }) => rule.strategy !== 'shuffle');
      const statements: string[] = [];
      if (set.length > 0)
        statements.push(
          `UPDATE ${table.name} SET ${set.map(({ rule, column }) => `${engine.dialect.column(column.column)} = ${maskExpression(rule, column, engine.dialect, dictionaries)}`).join(',\n  ')}`,
        );
      for (const { rule, column, key: primaryKey } of table.columns.filter(
        ({ rule }) => rule.strategy === 'shuffle',
      ))
        statements.push(engine.shuffle(column, primaryKey, rule.strategy));
      const compact = engine.compact(table.name);
      if (compact) statements.push(compact);
      await run(table.database, `${statements.join(';\n')};`, task);
      for (const { rule } of table.columns)
        report.columns.push({
          database: rule.database,
          table: rule.table,
          column: rule.column,
          strategy: rule.strategy,
          rows: total,
        });
    }
    reporter.progress({ task, done: total, total, unit: 'items' });
  }

  report.phasesMs.mask = phase();
  await proveMasked(shell, engine, tables, samples);
  if (needed.length > 0) await engine.dropDictionaries(shell, databases);
  report.phasesMs.prove = phase();
  const masked = report.columns.length;
  reporter.info(
    `Masked ${masked} column(s)${report.emptied.length > 0 ? ` and emptied ${report.emptied.length} table(s)` : ''}; none of ${samples.size} sampled original value(s) is left in any masked column`,
  );
  return report;
}

interface MaskedTable {
  id: string;
  database: string;
  /** The table's name as the rules write it. */
  label: string;
  /** Quoted for the engine. */
  name: string;
  empty: boolean;
  columns: { rule: ColumnRule; column: ColumnFacts; key: ColumnFacts[] }[];
}

function groupByTable(placed: PlacedRule[], engine: MaskingEngine): MaskedTable[] {
  const tables = new Map<string, MaskedTable>();
  for (const entry of placed) {
    const facts = 'column' in entry ? entry.column : entry.table;
    const id = `${entry.rule.database}\0${facts.schema}\0${facts.table}`;
    const table = tables.get(id) ?? {
      id,
      database: entry.rule.database,
      label: entry.rule.table,
      name: engine.dialect.table(facts),
      empty: false,
      columns: [],
    };
    tables.set(id, table);
    if (entry.rule.kind === 'empty') table.empty = true;
    else if ('column' in entry)
      table.columns.push({ rule: entry.rule, column: entry.column, key: entry.key });
  }
  return [...tables.values()];
}

function isProvable(rule: ColumnRule): boolean {
  return STRATEGIES[rule.strategy].proof === 'presence' && rule.strategy !== 'null';
}

async function countRows(
  shell: BuildShell,
  engine: MaskingEngine,
  database: string,
  table: string,
): Promise<number> {
  const [count] = await engine.query(
    shell,
    database,
    `SELECT count(*) FROM ${table}`,
    `count the rows of ${table} in ${database}`,
  );
  return Number(count ?? 0);
}

/**
 * Digests of up to 100 distinct originals of the column, drawn at random. Originals the strategy
 * could have written itself are left out: finding one afterwards would prove nothing. Only the
 * digests leave the server, and they stay in this process.
 */
async function sampleOriginals(
  shell: BuildShell,
  engine: MaskingEngine,
  rule: ColumnRule,
  column: ColumnFacts,
  rows: number,
): Promise<string[]> {
  const d = engine.dialect;
  const value = d.column(column.column);
  const fake = couldBeAFake(rule, value, d);
  const sample = engine.sample(rows, SAMPLES_PER_COLUMN);
  const sql = `SELECT DISTINCT ${d.digest(d.asText(value))} FROM ${d.table(column)} ${sample.afterTable} WHERE ${value} IS NOT NULL AND ${sample.condition}${fake ? ` AND NOT (${fake})` : ''} LIMIT ${SAMPLES_PER_COLUMN}`;
  return engine.query(shell, rule.database, sql, `sample ${rule.database}.${rule.table}.${rule.column}`);
}

/**
 * Looks for every sampled original in every masked column (the proof's strategies), leaving out
 * values the column's own strategy could have written. Fails the build if one is found.
 */
async function proveMasked(
  shell: BuildShell,
  engine: MaskingEngine,
  tables: MaskedTable[],
  samples: Map<string, string>,
): Promise<void> {
  if (samples.size === 0) return;
  const d = engine.dialect;
  const list = [...samples.keys()].map((digest) => `'${digest}'`).join(', ');
  const left: string[] = [];
  for (const table of tables) {
    for (const { rule, column } of table.columns.filter(({ rule }) => isProvable(rule))) {
      const value = d.column(column.column);
      const fake = couldBeAFake(rule, value, d);
      const found = await engine.query(
        shell,
        rule.database,
        `SELECT DISTINCT ${d.digest(d.asText(value))} FROM ${d.table(column)} WHERE ${d.digest(d.asText(value))} IN (${list})${fake ? ` AND NOT (${fake})` : ''}`,
        `look for sampled originals in ${rule.database}.${rule.table}.${rule.column}`,
      );
      for (const digest of found)
        left.push(
          `  ${rule.location}: ${rule.database}.${rule.table}.${rule.column} (${rule.strategy}) still holds an original value sampled from ${samples.get(digest)}`,
        );
    }
  }
  if (left.length > 0)
    throw new DatacloneError(
      `mask: the proof failed: ${left.length} sampled original value(s) are still in masked columns after masking:\n${left.join('\n')}`,
      'The values themselves are not shown. Check the rules named above (an expression that returns its input, an after script or a trigger that writes originals back); nothing was tagged and the build container was removed.',
    );
}

/** A rule for a database the image does not have (one the instance source did not bring). */
function checkDatabasesExist(mask: MaskDefinition, databases: string[]): void {
  const rule = mask.rules.find((candidate) => !databases.includes(candidate.database));
  if (!rule) return;
  const guess = suggestName(rule.database, databases);
  throw new DatacloneError(
    `${rule.location}: mask: database ${rule.database} is not one of the databases of the image (${databases.join(', ')})${guess ? `; did you mean '${guess}'?` : ''}`,
    'Key the rules by the name of a database the instance source brings or the definition lists; nothing was masked or tagged.',
  );
}

function neededDictionaries(mask: MaskDefinition): DictionaryName[] {
  const names = mask.rules.flatMap((rule) =>
    rule.kind === 'column' ? (DICTIONARIES_OF[rule.strategy] ?? []) : [],
  );
  return [...new Set(names)];
}

function pickDictionaries(all: Dictionaries, names: DictionaryName[]): Partial<Dictionaries> {
  return Object.fromEntries(names.map((name) => [name, all[name]]));
}

/** A failed masking statement's error, without the secret (or its hex form) in what the server printed. */
export async function hidingTheSecret<T>(secret: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof BuildStepError)) throw error;
    const hidden = [secret, Buffer.from(secret).toString('hex')].reduce(
      (text, form) => text.split(form).join('***'),
      error.stderr,
    );
    throw new BuildStepError(error.step, error.exitCode, hidden);
  }
}
