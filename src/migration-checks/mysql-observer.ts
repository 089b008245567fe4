import type { Connection, RowDataPacket } from 'mysql2/promise';
import type {
  HistoryTable,
  LockSample,
  MigrationObserver,
  SchemaSnapshot,
  TableState,
} from './observation.js';

/** Metadata lock types (performance_schema.metadata_locks LOCK_TYPE), weakest first. */
const LOCK_MODES = [
  'INTENTION_EXCLUSIVE',
  'SHARED',
  'SHARED_HIGH_PRIO',
  'SHARED_READ',
  'SHARED_WRITE',
  'SHARED_WRITE_LOW_PRIO',
  'SHARED_UPGRADABLE',
  'SHARED_READ_ONLY',
  'SHARED_NO_WRITE',
  'SHARED_NO_READ_WRITE',
  'EXCLUSIVE',
] as const;

const MDL_INSTRUMENT = 'wait/lock/metadata/sql/mdl';
const TABLE_IO_INSTRUMENT = 'wait/io/table/sql/handler';

/**
 * Observes one MySQL/MariaDB database from a second connection: the Flyway sessions in
 * information_schema.PROCESSLIST (those that connected after `begin`), their metadata locks from
 * performance_schema.metadata_locks when the server runs with performance_schema on, and the
 * count of rows in Flyway's history table in the same query.
 */
export async function openMysqlObserver(url: string, history: HistoryTable): Promise<MigrationObserver> {
  // Loaded here, as the engines load it: commands that never check a migration never load mysql2.
  const { default: mysql } = await import('mysql2/promise');
  const connection = await mysql.createConnection(url);
  connection.on('error', () => {});
  const database = history.schema;
  const variant = await serverVariant(connection);
  const locksVisible = await enableInstrument(connection, MDL_INSTRUMENT);
  const writesVisible = await enableInstrument(connection, TABLE_IO_INSTRUMENT);
  const notes = [
    `${variant.name}: the Flyway sessions are those in information_schema.PROCESSLIST that connected after the checks began; a sample is attributed to the migration after the last one recorded in the schema history table. A table whose InnoDB table ID changed was rebuilt; one a Flyway session was seen in state "copy to tmp table" was copied (ALGORITHM=COPY).`,
    locksVisible
      ? 'Metadata locks: performance_schema.metadata_locks.'
      : `Metadata locks are not observed: this server runs with performance_schema off (it can only be turned on at server start, performance_schema=ON); durations, rebuilds and copies are still reported.`,
    writesVisible
      ? 'Rows touched: performance_schema.table_io_waits_summary_by_table (COUNT_INSERT, COUNT_UPDATE, COUNT_DELETE) before and after Flyway; a table rebuilt by a copy starts its counts again.'
      : 'Rows touched: unknown (the server counts rows written per table only with performance_schema on).',
  ];
  let before = new Set<number>();
  let historyExists = false;

  const sample = async (): Promise<Omit<LockSample, 'atMs'>> => {
    const applied = historyExists
      ? `(SELECT count(*) FROM ${quoteIdent(database)}.${quoteIdent(history.table)} WHERE type NOT IN ('BASELINE', 'SCHEMA', 'DELETE'))`
      : '0';
    const locks = locksVisible
      ? `LEFT JOIN performance_schema.threads t ON t.PROCESSLIST_ID = p.ID
         LEFT JOIN performance_schema.metadata_locks m ON m.OWNER_THREAD_ID = t.THREAD_ID
           AND m.OBJECT_TYPE = 'TABLE' AND m.OBJECT_SCHEMA = ? AND m.OBJECT_NAME <> ? AND m.LOCK_STATUS = 'GRANTED'`
      : '';
    // Once the history table exists it stays: asking information_schema.TABLES costs more than the rest.
    const exists = historyExists
      ? '1'
      : '(SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?)';
    const [rows] = await connection.query<RowDataPacket[]>(
      `SELECT ${exists} AS history,
              ${applied} AS applied, p.ID AS id, p.STATE AS state, LEFT(p.INFO, 200) AS statement,
              ${locksVisible ? 'm.OBJECT_NAME' : 'NULL'} AS tableName, ${locksVisible ? 'm.LOCK_TYPE' : 'NULL'} AS mode
         FROM (SELECT 1) one
         LEFT JOIN information_schema.PROCESSLIST p ON p.ID <> CONNECTION_ID() AND p.DB = ?
         ${locks}`,
      [
        ...(historyExists ? [] : [database, history.table]),
        database,
        ...(locksVisible ? [database, history.table] : []),
      ],
    );
    historyExists = Number(rows[0]?.history ?? 0) > 0;
    const flyway = rows.filter((row) => row.id !== null && !before.has(Number(row.id)));
    const statements = [
      ...new Set(flyway.map((row) => String(row.statement ?? '')).filter((statement) => statement)),
    ];
    return {
      statements,
      altering: statements.map(alteredTable).filter((table): table is string => table !== undefined),
      applied: Number(rows[0]?.applied ?? 0),
      locks: flyway
        .filter((row) => row.tableName)
        .map((row) => ({
          table: String(row.tableName),
          mode: String(row.mode),
          statement: row.statement ?? undefined,
        })),
      copying: flyway
        .filter((row) => /copy to tmp table/i.test(String(row.state ?? '')))
        .map((row) => alteredTable(String(row.statement ?? '')))
        .filter((table): table is string => table !== undefined),
    };
  };

  const historyCount = async (): Promise<number> => {
    const [rows] = await connection.query<RowDataPacket[]>(
      `SELECT count(*) AS applied FROM ${quoteIdent(database)}.${quoteIdent(history.table)} WHERE type NOT IN ('BASELINE', 'SCHEMA', 'DELETE')`,
    );
    return Number(rows[0]?.applied ?? 0);
  };

  const observer: MigrationObserver = {
    lockModes: LOCK_MODES,
    exclusiveModes: ['EXCLUSIVE', 'SHARED_NO_READ_WRITE'],
    rowWriteModes: ['SHARED_WRITE', 'SHARED_WRITE_LOW_PRIO'],
    storageCommitsWithHistory: false,
    notes,
    async begin() {
      const [rows] = await connection.query<RowDataPacket[]>(
        'SELECT ID AS id FROM information_schema.PROCESSLIST',
      );
      before = new Set(rows.map((row) => Number(row.id)));
      await sample();
    },
    sample,
    async tables() {
      const [rows] = await connection.query<RowDataPacket[]>(
        // The tablespace file's size: TABLES.DATA_LENGTH is InnoDB's statistics, often stale.
        `SELECT t.TABLE_NAME AS name, i.TABLE_ID AS storage,
                COALESCE(s.FILE_SIZE, t.DATA_LENGTH + t.INDEX_LENGTH) AS bytes, t.TABLE_ROWS AS estimate
           FROM information_schema.TABLES t
           LEFT JOIN information_schema.${variant.innodbTables} i ON i.NAME = CONCAT(t.TABLE_SCHEMA, '/', t.TABLE_NAME)
           LEFT JOIN information_schema.${variant.innodbTablespaces} s ON s.NAME = i.NAME
          WHERE t.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE' AND t.TABLE_NAME <> ?`,
        [database, history.table],
      );
      return rows.map((row): TableState => ({
        table: String(row.name),
        storage: String(row.storage ?? ''),
        bytes: Number(row.bytes ?? 0),
        rows: row.estimate === null ? -1 : Number(row.estimate),
      }));
    },
    // information_schema is no snapshot: the count is read again once the tables were, and the
    // look lies between the count the caller saw and that one.
    async checkpoint(appliedBefore) {
      const tables = await observer.tables(false);
      const appliedAfter = historyExists ? await historyCount() : appliedBefore;
      return { applied: appliedBefore, appliedAfter, tables };
    },
    async rowWrites() {
      if (!writesVisible) return undefined;
      const [rows] = await connection.query<RowDataPacket[]>(
        `SELECT OBJECT_NAME AS name, COUNT_INSERT AS ins, COUNT_UPDATE AS upd, COUNT_DELETE AS del
           FROM performance_schema.table_io_waits_summary_by_table
          WHERE OBJECT_TYPE = 'TABLE' AND OBJECT_SCHEMA = ? AND OBJECT_NAME <> ? AND OBJECT_NAME NOT LIKE '#sql%'`,
        [database, history.table],
      );
      return rows.map((row) => ({
        table: String(row.name),
        inserted: Number(row.ins),
        updated: Number(row.upd),
        deleted: Number(row.del),
      }));
    },
    schema: () => mysqlSchema(connection, history),
    close: () => connection.end(),
  };
  return observer;
}

async function serverVariant(
  connection: Connection,
): Promise<{ name: string; innodbTables: string; innodbTablespaces: string }> {
  const [rows] = await connection.query<RowDataPacket[]>('SELECT VERSION() AS version');
  const mariadb = /mariadb/i.test(String(rows[0]?.version ?? ''));
  return mariadb
    ? { name: 'MariaDB', innodbTables: 'INNODB_SYS_TABLES', innodbTablespaces: 'INNODB_SYS_TABLESPACES' }
    : { name: 'MySQL', innodbTables: 'INNODB_TABLES', innodbTablespaces: 'INNODB_TABLESPACES' };
}

/**
 * Whether a performance_schema instrument can be used: performance_schema must be on (a
 * start-up setting), and the instrument enabled, which the clone's own user may do at run time.
 */
async function enableInstrument(connection: Connection, instrument: string): Promise<boolean> {
  const [rows] = await connection.query<RowDataPacket[]>('SELECT @@performance_schema AS on_');
  if (Number(rows[0]?.on_ ?? 0) !== 1) return false;
  try {
    await connection.query("UPDATE performance_schema.setup_instruments SET ENABLED = 'YES' WHERE NAME = ?", [
      instrument,
    ]);
    return true;
  } catch {
    return false;
  }
}

function alteredTable(statement: string): string | undefined {
  return /ALTER\s+(?:ONLINE\s+|IGNORE\s+)*TABLE\s+(?:`?[\w$]+`?\.)?`?([\w$]+)`?/i.exec(statement)?.[1];
}

async function mysqlSchema(connection: Connection, history: HistoryTable): Promise<SchemaSnapshot> {
  const named = async (sql: string) => {
    const [rows] = await connection.query<RowDataPacket[]>(sql, [history.schema, history.table]);
    return Object.fromEntries(rows.map((row) => [String(row.name), String(row.definition ?? '')]));
  };
  return {
    tables: await named(
      `SELECT TABLE_NAME AS name, CONCAT('table, ', ENGINE) AS definition FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> ?`,
    ),
    columns: await named(
      `SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME) AS name,
              CONCAT(COLUMN_TYPE, IF(IS_NULLABLE = 'NO', ' not null', ''), IF(COLUMN_DEFAULT IS NULL OR COLUMN_DEFAULT = 'NULL', '', CONCAT(' default ', COLUMN_DEFAULT)), IF(EXTRA <> '', CONCAT(' ', EXTRA), '')) AS definition
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> ?`,
    ),
    indexes: await named(
      `SELECT CONCAT(TABLE_NAME, '.', INDEX_NAME) AS name,
              CONCAT(IF(NON_UNIQUE = 0, 'unique ', ''), INDEX_TYPE, ' (', GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX), ')') AS definition
         FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> ?
        GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE`,
    ),
    constraints: await named(
      `SELECT CONCAT(c.TABLE_NAME, '.', c.CONSTRAINT_NAME) AS name,
              CONCAT(c.CONSTRAINT_TYPE, ' (', IFNULL(GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION), ''), ')',
                     IFNULL(CONCAT(' references ', MAX(k.REFERENCED_TABLE_NAME)), '')) AS definition
         FROM information_schema.TABLE_CONSTRAINTS c
         LEFT JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA
          AND k.TABLE_NAME = c.TABLE_NAME AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME
        WHERE c.CONSTRAINT_SCHEMA = ? AND c.TABLE_NAME <> ?
        GROUP BY c.TABLE_NAME, c.CONSTRAINT_NAME, c.CONSTRAINT_TYPE`,
    ),
    views: await named(
      `SELECT TABLE_NAME AS name, CONCAT('view: ', VIEW_DEFINITION) AS definition FROM information_schema.VIEWS
        WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> ?`,
    ),
    functions: await named(
      `SELECT CONCAT(ROUTINE_NAME, ' (', LOWER(ROUTINE_TYPE), ')') AS name,
              CONCAT(IFNULL(CONCAT('returns ', DTD_IDENTIFIER, ', '), ''), 'body sha256 ', SHA2(ROUTINE_DEFINITION, 256)) AS definition
         FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_NAME <> ?`,
    ),
  };
}

function quoteIdent(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}
