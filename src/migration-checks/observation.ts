/**
 * What an engine facet observes of one database while Flyway migrates it, in engine-neutral
 * terms: lock samples from a second connection, the tables' storage, and the schema's catalog.
 */

/** One look at the Flyway sessions' locks, taken from a second connection while Flyway runs. */
export interface LockSample {
  /** Milliseconds since observation started (this machine's clock, middle of the query). */
  atMs: number;
  /** Migrations recorded (committed) in Flyway's schema history table when the sample was taken. */
  applied: number;
  locks: ObservedLock[];
  /** Tables a Flyway session was seen copying (MySQL/MariaDB: `copy to tmp table`). */
  copying: string[];
  /**
   * The statements the Flyway sessions were running, shortened: a sample taken as the count of
   * recorded migrations moved is tied to the migration whose other samples ran the same one.
   */
  statements?: string[];
  /** Tables a Flyway statement was altering (`ALTER TABLE t ...`), where the engine shows no lock. */
  altering?: string[];
}

export interface ObservedLock {
  table: string;
  /** The engine's own name of the mode: AccessExclusiveLock, EXCLUSIVE, SHARED_UPGRADABLE, ... */
  mode: string;
  /** The statement the session was running, shortened. */
  statement?: string;
}

/** A user table and its storage: a rewrite or copy gives it new storage. */
export interface TableState {
  table: string;
  /** PostgreSQL's relfilenode, InnoDB's table ID. */
  storage: string;
  bytes: number;
  /** The server's estimate (pg_class.reltuples, information_schema TABLE_ROWS); -1 when unknown. */
  rows: number;
}

/** The server's running counts of rows written to one table (they only grow). */
export interface TableWrites {
  table: string;
  inserted: number;
  updated: number;
  deleted: number;
}

export const SCHEMA_OBJECT_KINDS = [
  'tables',
  'columns',
  'indexes',
  'constraints',
  'views',
  'functions',
] as const;
export type SchemaObjectKind = (typeof SCHEMA_OBJECT_KINDS)[number];

/** A database's schema as text: per kind of object, its name and a definition to compare. */
export type SchemaSnapshot = Record<SchemaObjectKind, Record<string, string>>;

/** Where Flyway keeps its history in the database observed. */
export interface HistoryTable {
  schema: string;
  table: string;
}

/**
 * The engine facet of migration checks: a second connection to one database of a clone. The
 * PostgreSQL and MySQL/MariaDB facets live in their own files.
 */
export interface MigrationObserver {
  /** Lock modes from weakest to strongest. */
  readonly lockModes: readonly string[];
  /** The modes that keep every other session off the table (ACCESS EXCLUSIVE, MDL EXCLUSIVE). */
  readonly exclusiveModes: readonly string[];
  /** The modes a statement that writes rows takes (ROW EXCLUSIVE, MDL SHARED_WRITE). */
  readonly rowWriteModes: readonly string[];
  /** How samples are tied to the session(s) of Flyway, and what cannot be seen, for the report. */
  readonly notes: string[];
  /** Marks the sessions already connected: samples only look at sessions that came after. */
  begin(): Promise<void>;
  /**
   * PostgreSQL: a migration's new storage commits with its history row. MySQL/MariaDB: its DDL
   * commits first, so a look can see a migration's new storage before the history counts it.
   */
  readonly storageCommitsWithHistory: boolean;
  /** One sample of the Flyway sessions' table locks, with the count of recorded migrations. */
  sample(): Promise<Omit<LockSample, 'atMs'>>;
  /**
   * The tables' storage, with the count of recorded migrations around the look: `applied` at
   * or before it (the count the caller saw last, or read in the same snapshot), `appliedAfter`
   * at or after it.
   */
  checkpoint(appliedBefore: number): Promise<{ applied: number; appliedAfter: number; tables: TableState[] }>;
  /** The user tables and their storage (sizes and rows only when `sizes`). */
  tables(sizes: boolean): Promise<TableState[]>;
  /**
   * The rows written to each user table so far, as the server counts them; undefined where it
   * cannot say. `final` once Flyway has exited: waits until what its sessions wrote is counted.
   */
  rowWrites(final: boolean): Promise<TableWrites[] | undefined>;
  schema(): Promise<SchemaSnapshot>;
  close(): Promise<void>;
}
