import type { ColumnKind } from './detectors.js';

/**
 * How classify reads one engine's catalog and samples its tables: SQL that the engine's own
 * client runs inside the server's container, and that prints one JSON document per line.
 * Nothing but the engine's client and its socket are needed, in a build container and in a clone
 * alike.
 */
export interface InstanceCatalog {
  /** The client options that run `sql` and print its rows, one value a line and nothing else. */
  clientArgs(sql: string): string[];
  /** Lines `[schema, table, column, type, kind, unique, position]` for every user table column. */
  columnsQuery: string;
  /** Lines `[index, value]`: up to `limits.values` non-null values of each column, as text. */
  sampleQuery(columns: TableColumn[], limits: SampleLimits): string;
}

/** A column of a user table, as the catalog lists it. */
export interface TableColumn {
  database: string;
  /** PostgreSQL's schema; the database itself on MySQL and MariaDB. */
  schema: string;
  table: string;
  /** How rules name the table: `table`, or `schema.table` outside PostgreSQL's `public`. */
  tableKey: string;
  column: string;
  /** The type as the server writes it (`character varying(200)`, `varchar(200)`). */
  type: string;
  kind: ColumnKind;
  /** A unique index or constraint on this column alone. */
  unique: boolean;
}

export interface SampleLimits {
  /** Non-null values sampled per column, at most. */
  values: number;
  /** Rows read per column to find them: the bound that keeps a mostly-NULL column cheap. */
  rows: number;
  /** Characters kept of each value. */
  length: number;
}

export const POSTGRES_CATALOG: InstanceCatalog = {
  clientArgs: (sql) => ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', sql],
  // Tables and partitioned tables (not their partitions, views, foreign tables or the tables of
  // extensions); typcategory says what a type holds, for domains too.
  columnsQuery: `SELECT jsonb_build_array(n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
  CASE WHEN t.typcategory = 'S' THEN 'text'
       WHEN t.typcategory = 'N' AND t.typname IN ('int8', 'numeric') THEN 'number'
       WHEN t.typcategory = 'D' THEN 'date'
       WHEN t.typcategory = 'I' THEN 'network'
       ELSE 'other' END,
  EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND i.indnkeyatts = 1
          AND i.indkey[0] = a.attnum AND i.indpred IS NULL AND i.indexprs IS NULL),
  a.attnum)::text
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type t ON t.oid = a.atttypid
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname, c.relname, a.attnum`,
  sampleQuery(columns, limits) {
    return columns
      .map((column, index) => {
        const name = quotePostgres(column.column);
        return `(SELECT jsonb_build_array(${index}, left(${name}::text, ${limits.length}))::text FROM (SELECT ${name} FROM ${quotePostgres(column.schema)}.${quotePostgres(column.table)} LIMIT ${limits.rows}) r WHERE ${name} IS NOT NULL LIMIT ${limits.values})`;
      })
      .join('\nUNION ALL\n');
  },
};

export const MYSQL_CATALOG: InstanceCatalog = {
  // Raw: batch mode would double the backslashes of JSON's escapes.
  clientArgs: (sql) => ['-N', '-B', '-r', '-e', sql],
  // The unique indexes come from a join, not a correlated subquery: MariaDB fills an
  // information_schema table in a subquery once, and then took every column for unique.
  columnsQuery: `SELECT JSON_ARRAY(c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE,
  CASE WHEN c.DATA_TYPE IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext') THEN 'text'
       WHEN c.DATA_TYPE IN ('bigint', 'decimal') THEN 'number'
       WHEN c.DATA_TYPE IN ('date', 'datetime', 'timestamp') THEN 'date'
       ELSE 'other' END,
  u.COLUMN_NAME IS NOT NULL,
  c.ORDINAL_POSITION)
FROM information_schema.COLUMNS c
JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
LEFT JOIN (SELECT DISTINCT TABLE_NAME, COLUMN_NAME FROM (
    SELECT TABLE_NAME, INDEX_NAME, MIN(COLUMN_NAME) AS COLUMN_NAME FROM information_schema.STATISTICS
    WHERE TABLE_SCHEMA = DATABASE() AND NON_UNIQUE = 0
    GROUP BY TABLE_NAME, INDEX_NAME HAVING COUNT(*) = 1 AND MAX(SUB_PART) IS NULL) i
  ) u ON u.TABLE_NAME = c.TABLE_NAME AND u.COLUMN_NAME = c.COLUMN_NAME
WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`,
  sampleQuery(columns, limits) {
    return columns
      .map((column, index) => {
        const name = quoteMysql(column.column);
        return `(SELECT JSON_ARRAY(${index}, LEFT(CAST(${name} AS CHAR), ${limits.length})) FROM (SELECT ${name} FROM ${quoteMysql(column.table)} LIMIT ${limits.rows}) r WHERE ${name} IS NOT NULL LIMIT ${limits.values})`;
      })
      .join('\nUNION ALL\n');
  },
};

export function catalogFor(engine: string): InstanceCatalog {
  return engine === 'postgres' ? POSTGRES_CATALOG : MYSQL_CATALOG;
}

function quotePostgres(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function quoteMysql(identifier: string): string {
  return `\`${identifier.replaceAll('`', '``')}\``;
}
