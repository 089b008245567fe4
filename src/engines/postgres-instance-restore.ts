import type { SqlSource } from '../definition/types.js';
import type { BuildShell, Engine } from './engine.js';
import { rewriteBootstrapRole } from './pg-dumpall-roles.js';
import { PSQL, runSql, withBinaries } from './postgres.js';

const REMOVE_PASSWORDS = `DO $$DECLARE r record; BEGIN
  FOR r IN SELECT rolname FROM pg_authid WHERE rolpassword IS NOT NULL LOOP
    EXECUTE format('ALTER ROLE %I PASSWORD NULL', r.rolname);
  END LOOP;
END$$`;

/** PostgreSQL's side of whole-instance sources: pg_dumpall scripts, and what they bring. */
export const postgresInstanceRestore: Pick<
  Engine,
  'listDatabases' | 'restoreInstance' | 'disableSourceLogins'
> = {
  async listDatabases(shell) {
    const names = await query(
      shell,
      'postgres',
      'SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname',
    );
    // postgres is in every instance; it is one of the image's databases only if a dump filled it.
    const postgresHolds = await query(
      shell,
      'postgres',
      "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' LIMIT 1",
    );
    return names.filter((name) => name !== 'postgres' || postgresHolds.length > 0);
  },

  async restoreInstance(shell: BuildShell, source: SqlSource, label: string) {
    const input = {
      kind: 'file',
      path: source.path,
      gunzip: source.kind === 'sql-gz',
      rewrite: rewriteBootstrapRole,
    } as const;
    await runSql(shell, 'postgres', input, label);
  },

  async disableSourceLogins(shell) {
    const roles = await query(
      shell,
      'postgres',
      'SELECT rolname FROM pg_authid WHERE rolpassword IS NOT NULL ORDER BY rolname',
    );
    if (roles.length === 0) return 0;
    // Without a password a role logs in only over the container's own socket (trusted), never
    // from outside: a clone accepts no password from production, for postgres neither.
    await shell.run(withBinaries([...PSQL, '-d', 'postgres', '-c', REMOVE_PASSWORDS]), {
      label: 'remove the passwords the source brought',
    });
    return roles.length;
  },
};

async function query(shell: BuildShell, database: string, sql: string): Promise<string[]> {
  const out = await shell.run(withBinaries([...PSQL, '-d', database, '-tAc', sql]), {
    label: `query ${database}`,
  });
  return out.split('\n').filter((line) => line !== '');
}
