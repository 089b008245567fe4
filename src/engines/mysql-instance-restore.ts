import type { SqlSource } from '../definition/types.js';
import type { BuildShell, Engine } from './engine.js';
import { CLIENT, runSql, shell, sqlInput, type MysqlFlavour } from './mysql.js';

/** Schemas every server has: never one of an image's databases. */
const SYSTEM_SCHEMAS = ['mysql', 'sys', 'information_schema', 'performance_schema'];

/**
 * The logins dataclone itself relies on: root over the container's socket (the build, a clone's
 * start script), and root@'%', which a clone unlocks with its own password.
 */
const DATACLONE_LOGINS = ["'root'@'localhost'", "'root'@'%'"];

/**
 * A dump of every database (mysqldump --all-databases) replaces the mysql schema, and with it
 * every account, from the next FLUSH PRIVILEGES or server start on. In one session (which keeps
 * the privileges it logged in with), the restored accounts are loaded and root's two logins put
 * back as dataclone made them: no password over the socket, locked from outside.
 */
const RESTORE_DATACLONE_LOGINS = `FLUSH PRIVILEGES;
CREATE USER IF NOT EXISTS 'root'@'localhost';
ALTER USER 'root'@'localhost' IDENTIFIED BY '' ACCOUNT UNLOCK;
GRANT ALL PRIVILEGES ON *.* TO 'root'@'localhost' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS 'root'@'%';
ALTER USER 'root'@'%' IDENTIFIED BY '' ACCOUNT LOCK;
GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;
`;

/** MySQL's and MariaDB's side of whole-instance sources: mysqldump --all-databases / --databases. */
export function mysqlInstanceRestore(
  flavour: MysqlFlavour,
): Pick<Engine, 'listDatabases' | 'restoreInstance' | 'disableSourceLogins'> {
  return {
    async listDatabases(run) {
      const names = await query(run, 'SHOW DATABASES');
      return names.filter((name) => !SYSTEM_SCHEMAS.includes(name.toLowerCase())).sort();
    },

    async restoreInstance(run: BuildShell, source: SqlSource, label: string) {
      await runSql(run, undefined, sqlInput(source.path), label);
    },

    async disableSourceLogins(run) {
      await runSql(
        run,
        undefined,
        { kind: 'text', text: RESTORE_DATACLONE_LOGINS },
        'put back the root logins',
      );
      // MariaDB's roles sit in mysql.user too; ALTER USER refuses them, and they cannot log in.
      const notRole = flavour === 'mariadb' ? " AND is_role = 'N'" : '';
      const accounts = await query(
        run,
        `SELECT CONCAT(QUOTE(User), '@', QUOTE(Host)) FROM mysql.user WHERE CONCAT(QUOTE(User), '@', QUOTE(Host)) NOT IN (${DATACLONE_LOGINS.map((login) => `'${login.replaceAll("'", "\\'")}'`).join(', ')}) AND User NOT IN ('mariadb.sys', 'mysql.sys', 'mysql.session', 'mysql.infoschema')${notRole}`,
      );
      if (accounts.length === 0) return 0;
      await runSql(
        run,
        undefined,
        { kind: 'text', text: accounts.map((account) => `ALTER USER ${account} ACCOUNT LOCK;\n`).join('') },
        'lock the logins the source brought',
      );
      return accounts.length;
    },
  };
}

async function query(run: BuildShell, sql: string): Promise<string[]> {
  const out = await run.run(shell(`${CLIENT} -N -B -e "$SQL"`), {
    env: { SQL: sql },
    label: 'query the server',
  });
  return out.split('\n').filter((line) => line !== '');
}
