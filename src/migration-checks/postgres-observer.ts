import type { Client } from 'pg';
import type {
  HistoryTable,
  LockSample,
  MigrationObserver,
  SchemaSnapshot,
  TableState,
} from './observation.js';

/** PostgreSQL's table lock modes, weakest first (the order of its conflict table). */
const LOCK_MODES = [
  'AccessShareLock',
  'RowShareLock',
  'RowExclusiveLock',
  'ShareUpdateExclusiveLock',
  'ShareLock',
  'ShareRowExclusiveLock',
  'ExclusiveLock',
  'AccessExclusiveLock',
] as const;

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;

/**
 * Observes one PostgreSQL database from a second connection: `pg_locks` joined to
 * `pg_stat_activity` and `pg_class`, limited to the sessions that connected after `begin` (Flyway's),
 * with the count of rows in Flyway's history table in the same query.
 */
export async function openPostgresObserver(url: string, history: HistoryTable): Promise<MigrationObserver> {
  // Loaded here, as the engines load it: commands that never check a migration never load pg.
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, application_name: 'dataclone migration checks' });
  client.on('error', () => {});
  await client.connect();
  const historyName = `${quoteIdent(history.schema)}.${quoteIdent(history.table)}`;
  let since = '';
  let historyExists = false;

  const sample = async (): Promise<Omit<LockSample, 'atMs'>> => {
    const applied = historyExists
      ? `(SELECT count(*) FROM ${historyName} WHERE type NOT IN ('BASELINE', 'SCHEMA', 'DELETE'))::int`
      : '0';
    const { rows } = await client.query<{
      history: boolean;
      applied: number;
      locks: { table: string; mode: string; statement: string }[] | null;
    }>({
      // Prepared once per shape: planning this join on every sample would cost more than running it.
      name: `dataclone-lock-sample-${historyExists ? 'counted' : 'uncounted'}`,
      text: `SELECT to_regclass($2) IS NOT NULL AS history, ${applied} AS applied,
        (SELECT json_agg(json_build_object('table', CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END, 'mode', l.mode, 'statement', left(a.query, 200)))
           FROM pg_locks l
           JOIN pg_stat_activity a ON a.pid = l.pid
           JOIN pg_class c ON c.oid = l.relation
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE l.locktype = 'relation' AND l.granted AND a.datname = current_database()
            AND a.pid <> pg_backend_pid() AND a.backend_start >= $1::timestamptz
            AND c.relkind IN ('r', 'p', 'm') AND ${USER_SCHEMAS}
            AND NOT (n.nspname = $3 AND c.relname = $4)) AS locks`,
      values: [since, historyName, history.schema, history.table],
    });
    const row = rows[0];
    historyExists = row?.history ?? false;
    return { applied: row?.applied ?? 0, locks: row?.locks ?? [], copying: [] };
  };

  const tables = async (sizes: boolean, counted = false) => {
    const { rows } = await client.query<{
      table: string;
      storage: string;
      bytes: string;
      rows: string;
      applied: number;
    }>(
      // With the count of recorded migrations from the same snapshot: pg_class is read under
      // MVCC, so the storage seen and the count agree exactly.
      `SELECT CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END AS table,
              c.relfilenode::text AS storage,
              ${sizes ? 'pg_total_relation_size(c.oid)' : '0'}::text AS bytes,
              c.reltuples::bigint::text AS rows,
              ${counted ? `(SELECT count(*) FROM ${historyName} WHERE type NOT IN ('BASELINE', 'SCHEMA', 'DELETE'))::int` : '0'} AS applied
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'm') AND ${USER_SCHEMAS} AND NOT (n.nspname = $1 AND c.relname = $2)`,
      [history.schema, history.table],
    );
    return {
      applied: rows[0]?.applied ?? 0,
      tables: rows.map((row): TableState => ({
        table: row.table,
        storage: row.storage,
        bytes: Number(row.bytes),
        rows: Number(row.rows),
      })),
    };
  };

  const notes = [
    "PostgreSQL: pg_locks joined to pg_stat_activity and pg_class, for the sessions that connected after the checks began (Flyway's); a sample is attributed to the migration after the last one recorded in the schema history table (each migration commits its history row with its own changes). Rows touched: pg_stat_user_tables (n_tup_ins, n_tup_upd, n_tup_del) before Flyway and once its sessions ended.",
  ];

  return {
    lockModes: LOCK_MODES,
    exclusiveModes: ['AccessExclusiveLock'],
    rowWriteModes: ['RowExclusiveLock'],
    storageCommitsWithHistory: true,
    notes,
    async begin() {
      since = (await client.query<{ now: string }>('SELECT now()::text AS now')).rows[0]?.now ?? '';
      await sample();
    },
    sample,
    tables: async (sizes) => (await tables(sizes)).tables,
    async checkpoint(appliedBefore) {
      if (!historyExists)
        return { applied: appliedBefore, appliedAfter: appliedBefore, tables: (await tables(false)).tables };
      const look = await tables(false, true);
      return { ...look, appliedAfter: look.applied };
    },
    async rowWrites(final) {
      if (final && !(await flywaySessionsEnded(client, since)))
        notes.push(
          "Rows touched: a Flyway session had not ended 5 s after Flyway did, so what it wrote last may be missing (PostgreSQL counts a session's rows when it ends or goes idle, at most once a second).",
        );
      const { rows } = await client.query<{ table: string; ins: string; upd: string; del: string }>(
        `SELECT CASE WHEN schemaname = 'public' THEN relname ELSE schemaname || '.' || relname END AS table,
                n_tup_ins::text AS ins, n_tup_upd::text AS upd, n_tup_del::text AS del
           FROM pg_stat_user_tables WHERE NOT (schemaname = $1 AND relname = $2)`,
        [history.schema, history.table],
      );
      return rows.map((row) => ({
        table: row.table,
        inserted: Number(row.ins),
        updated: Number(row.upd),
        deleted: Number(row.del),
      }));
    },
    schema: () => postgresSchema(client, history),
    close: () => client.end(),
  };
}

/**
 * Waits until the sessions that connected after `since` (Flyway's) have ended: a backend hands
 * its row counts to the statistics as it exits, before it leaves pg_stat_activity.
 */
async function flywaySessionsEnded(client: Client, since: string): Promise<boolean> {
  const deadline = performance.now() + 5000;
  for (;;) {
    const { rows } = await client.query<{ sessions: number }>(
      `SELECT count(*)::int AS sessions FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND backend_type = 'client backend' AND backend_start >= $1::timestamptz`,
      [since],
    );
    if ((rows[0]?.sessions ?? 0) === 0) return true;
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The user schemas' catalog as text, one query per kind of object. */
async function postgresSchema(client: Client, history: HistoryTable): Promise<SchemaSnapshot> {
  const named = (query: string) =>
    client
      .query<{ name: string; definition: string }>(query, [history.schema, history.table])
      .then(({ rows }) => Object.fromEntries(rows.map((row) => [row.name, row.definition ?? ''])));
  const qualified = (schema: string, name: string) =>
    `CASE WHEN ${schema} = 'public' THEN ${name} ELSE ${schema} || '.' || ${name} END`;
  const notHistory = `NOT (n.nspname = $1 AND c.relname = $2)`;
  // One after the other: a pg client runs one query at a time.
  const tables = await named(`SELECT ${qualified('n.nspname', 'c.relname')} AS name,
                  CASE c.relkind WHEN 'p' THEN 'partitioned table' ELSE 'table' END AS definition
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND ${USER_SCHEMAS} AND ${notHistory}`);
  const columns = await named(`SELECT ${qualified('n.nspname', 'c.relname')} || '.' || a.attname AS name,
                  format_type(a.atttypid, a.atttypmod)
                  || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                  || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') AS definition
             FROM pg_attribute a
             JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm')
              AND ${USER_SCHEMAS} AND ${notHistory}`);
  const indexes =
    await named(`SELECT ${qualified('n.nspname', 'i.relname')} AS name, pg_get_indexdef(i.oid) AS definition
             FROM pg_index x
             JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
             JOIN pg_namespace n ON n.oid = i.relnamespace
            WHERE ${USER_SCHEMAS} AND ${notHistory}`);
  const constraints = await named(`SELECT ${qualified('n.nspname', 'c.relname')} || '.' || k.conname AS name,
                  pg_get_constraintdef(k.oid) AS definition
             FROM pg_constraint k
             JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE ${USER_SCHEMAS} AND ${notHistory}`);
  const views = await named(`SELECT ${qualified('n.nspname', 'c.relname')} AS name,
                  CASE c.relkind WHEN 'm' THEN 'materialized ' ELSE '' END || 'view: ' || btrim(regexp_replace(pg_get_viewdef(c.oid), '\\s+', ' ', 'g')) AS definition
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('v', 'm') AND ${USER_SCHEMAS} AND $1::text IS NOT NULL AND $2::text IS NOT NULL`);
  const functions =
    await named(`SELECT ${qualified('n.nspname', 'p.proname')} || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
                  'returns ' || pg_get_function_result(p.oid) || ', body md5 ' || md5(p.prosrc) AS definition
             FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             LEFT JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
            WHERE ${USER_SCHEMAS} AND d.objid IS NULL AND p.prokind IN ('f', 'p')
              AND $1::text IS NOT NULL AND $2::text IS NOT NULL`);
  return { tables, columns, indexes, constraints, views, functions };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
