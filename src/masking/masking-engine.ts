import type { BuildShell } from '../engines/engine.js';
import type { Dictionaries } from './dictionaries.js';
import type { ColumnClass } from './strategies.js';

/** A column of the restored instance, as masking needs to know it. */
export interface ColumnFacts {
  /** PostgreSQL's schema; MySQL's and MariaDB's database. */
  schema: string;
  table: string;
  column: string;
  class: ColumnClass;
  /** The engine's name of the type, as `\d` or SHOW COLUMNS print it: `character varying(40)`. */
  type: string;
  /** The most characters a text column holds; undefined for unbounded text and other types. */
  maxLength?: number;
  nullable: boolean;
  /** Part of a single-column unique index or the single-column primary key. */
  unique: boolean;
  primaryKey: boolean;
}

/**
 * How an engine writes the SQL of masking: small expressions the engine-neutral code combines
 * into one UPDATE per table. Every expression is evaluated inside the build instance.
 */
export interface MaskingDialect {
  /** A table of the rules' name (`table`, or `schema.table` on PostgreSQL), quoted. */
  table(facts: Pick<ColumnFacts, 'schema' | 'table'>): string;
  column(name: string): string;
  literal(text: string): string;
  /** The value as text; NULL stays NULL. */
  asText(sql: string): string;
  /** sha256 of the session's secret, `salt` and the text, as 64 lowercase hex digits. */
  keyedHash(text: string, salt: string): string;
  /**
   * The expression `body` makes of a keyed hash (given as `hash`, passed to it as a reference),
   * with the hash computed once per row where the engine can: a fake draws several numbers from
   * it, and an engine that computed it again for each costs a multiple in an UPDATE.
   */
  withHash(hash: string, body: (hash: string) => string): string;
  /** sha256 of the text alone, as 64 lowercase hex digits: how the proof recognises a sampled original. */
  digest(text: string): string;
  /** The 32-bit number that the 8 hex digits of `hex` at `start` (1-based) spell. */
  hexNumber(hex: string, start: number): string;
  /** An integer written with `width` digits, zeros in front. */
  digits(integer: string, width: number): string;
  /** The integer a string of digits spells. */
  toInteger(text: string): string;
  characterLength(text: string): string;
  /** A date `days` (an integer) after `date`. */
  addDays(date: string, days: string): string;
  /** The remainder of a string of up to 30 digits divided by 97 (IBAN check digits). */
  mod97(digits: string): string;
  /** The first word of a text (up to its first space). */
  firstWord(text: string): string;
  /**
   * The entry at `index` (an integer expression, 0-based) of a list of dictionary entries,
   * written into the statement as one constant the server indexes in constant time per row (a
   * lookup in a dictionary table per row costs several times the rest of the expression).
   */
  pick(entries: readonly string[], index: string): string;
  /** The dictionary's table, for `x IN (SELECT v FROM ...)`. */
  dictionaryTable(dictionary: string): string;
  /** An expression of text made into the column's type where the engine does not do it itself. */
  assign(expression: string, column: ColumnFacts): string;
}

/** What masking runs in the build instance: the engine's facet, behind one small interface. */
export interface MaskingEngine {
  dialect: MaskingDialect;
  /** Every column of every table of a database (not views), with its type and indexes. */
  describeColumns(shell: BuildShell, database: string): Promise<ColumnFacts[]>;
  /** Rows of a one-column query, as text. */
  query(shell: BuildShell, database: string, sql: string, label: string): Promise<string[]>;
  /** Runs statements with the masking secret set for the session (never on a command line). */
  runMasking(shell: BuildShell, database: string, sql: string, secret: string, label: string): Promise<void>;
  /** Creates the dictionary tables the rules need, where the databases' masking reads them. */
  loadDictionaries(
    shell: BuildShell,
    databases: string[],
    dictionaries: Partial<Dictionaries>,
  ): Promise<void>;
  /** Removes the dictionary tables again, so that the image holds none of masking's work. */
  dropDictionaries(shell: BuildShell, databases: string[]): Promise<void>;
  /** Deletes every row of a table, leaving no old row version behind where the engine can. */
  emptyTable(table: string): string;
  /**
   * A statement that rewrites a masked table into new files, so that the old row versions (the
   * originals) are in no file of the image; undefined where the engine keeps them elsewhere anyway.
   */
  compact(table: string): string | undefined;
  /** Permutes the non-NULL values of a column among its rows. */
  shuffle(table: ColumnFacts, key: ColumnFacts[], secretSalt: string): string;
  /** How a query reads about `wanted` of a table's `rows` rows at random, for the proof's samples. */
  sample(rows: number, wanted: number): { afterTable: string; condition: string };
}
