import type { Reporter } from '../core/reporter.js';
import type { LiveSource, SqlSource } from '../definition/types.js';
import { streamLiveSource } from '../sources/live-source.js';
import type { BuildShell, Engine } from './engine.js';
import { rewriteBootstrapRole } from './pg-dumpall-roles.js';
import { postgresLiveDump } from './postgres-live-source.js';
import { PSQL, runSql, withBinaries } from './postgres.js';

/** PostgreSQL's side of whole-instance sources: pg_dumpall scripts, and what they bring. */
export const postgresInstanceRestore: Pick<
  Engine,
  'listDatabases' | 'restoreInstance' | 'listLogins' | 'disableLogins' | 'liveDump'
> = {
  liveDump: postgresLiveDump,

  async listDatabases(shell) {
    const names = await query(
      shell,
      'SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname',
    );
    // postgres is in every instance; it is one of the image's databases only if a dump filled it.
    const postgresHolds = await query(
      shell,
      "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' LIMIT 1",
    );
    return names.filter((name) => name !== 'postgres' || postgresHolds.length > 0);
  },

  async restoreInstance(
    shell: BuildShell,
    source: SqlSource | LiveSource,
    label: string,
    reporter: Reporter,
  ) {
    if (source.kind === 'live')
      return streamLiveSource(shell, postgresLiveDump, source, { scope: 'instance', label, reporter });
    const input = {
      kind: 'file',
      path: source.path,
      gunzip: source.kind === 'sql-gz',
      rewrite: rewriteBootstrapRole,
    } as const;
    await runSql(shell, 'postgres', input, label);
  },

  async listLogins(shell) {
    const rows = await query(
      shell,
      "SELECT rolname || E'\\t' || md5(rolpassword) FROM pg_authid WHERE rolpassword IS NOT NULL ORDER BY rolname",
    );
    return rows.map((row) => {
      const [name = '', credential = ''] = row.split('\t');
      return { name, credential };
    });
  },

  async disableLogins(shell, logins) {
    if (logins.length === 0) return;
    // Without a password a role logs in only over the container's own socket (trusted), never
    // from outside: a clone accepts no password from production, for postgres neither.
    const names = logins.map((login) => `'${login.name.replaceAll("'", "''")}'`).join(', ');
    const sql = `DO $$DECLARE r record; BEGIN
  FOR r IN SELECT rolname FROM pg_authid WHERE rolname IN (${names}) LOOP
    EXECUTE format('ALTER ROLE %I PASSWORD NULL', r.rolname);
  END LOOP;
END$$`;
    await shell.run(withBinaries([...PSQL, '-d', 'postgres', '-c', sql]), {
      label: 'remove the passwords the source brought',
    });
  },
};

async function query(shell: BuildShell, sql: string): Promise<string[]> {
  const out = await shell.run(withBinaries([...PSQL, '-d', 'postgres', '-tAc', sql]), {
    label: 'query the server',
  });
  return out.split('\n').filter((line) => line !== '');
}
