import type { Reporter } from '../core/reporter.js';
import type { LiveSource, SqlSource } from '../definition/types.js';
import { streamLiveSource } from '../sources/live-source.js';
import type { BuildShell, Engine } from './engine.js';
import { mysqlLiveDump } from './mysql/live-source.js';
import { CLIENT, runSql, shell, sqlInput, type MysqlFlavour } from './mysql.js';

/** Schemas every server has: never one of an image's databases. */
const SYSTEM_SCHEMAS = ['mysql', 'sys', 'information_schema', 'performance_schema'];

/** Accounts of the server itself, which nobody logs in as. */
const SYSTEM_ACCOUNTS = ['mariadb.sys', 'mysql.sys', 'mysql.session', 'mysql.infoschema'];

/**
 * A dump of every database (mysqldump --all-databases) replaces the mysql schema, and with it
 * every account, from the next FLUSH PRIVILEGES or server start on. In one session (which keeps
 * the privileges it logged in with), the restored accounts are loaded and root's two logins put
 * back as dataclone made them: no password over the socket (the build, a clone's start script),
 * and root@'%' locked until a clone sets its own password.
 */
export const RESTORE_DATACLONE_LOGINS = `FLUSH PRIVILEGES;
CREATE USER IF NOT EXISTS 'root'@'localhost';
ALTER USER 'root'@'localhost' IDENTIFIED BY '' ACCOUNT UNLOCK;
GRANT ALL PRIVILEGES ON *.* TO 'root'@'localhost' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS 'root'@'%';
ALTER USER 'root'@'%' IDENTIFIED BY '' ACCOUNT LOCK;
GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;
`;

/**
 * Accounts that can log in: not dataclone's own root logins, not the server's, and not those for
 * a host name, which a server that skips name resolution (as every dataclone server does) never
 * matches, and refuses to ALTER.
 */
const NOT_DATACLONE_OR_SYSTEM = `NOT (u.User = 'root' AND u.Host IN ('localhost', '%'))
  AND u.User NOT IN (${SYSTEM_ACCOUNTS.map((user) => `'${user}'`).join(', ')})
  AND (u.Host = 'localhost' OR u.Host REGEXP '^[0-9.%_/]*$' OR u.Host REGEXP '^[0-9a-fA-F]*:[0-9a-fA-F:.%_/]*$')`;

/**
 * MariaDB keeps an account's password, plugin and lock in mysql.global_priv's JSON; its roles
 * sit in mysql.user too, and ALTER USER refuses them (they cannot log in anyway).
 */
const MARIADB_LOGINS = `SELECT CONCAT(QUOTE(u.User), '@', QUOTE(u.Host)), MD5(g.Priv)
FROM mysql.user u JOIN mysql.global_priv g ON g.User = u.User AND g.Host = u.Host
WHERE u.is_role = 'N' AND ${NOT_DATACLONE_OR_SYSTEM}`;

const MYSQL_LOGINS = `SELECT CONCAT(QUOTE(u.User), '@', QUOTE(u.Host)), MD5(CONCAT(u.plugin, ':', u.authentication_string, ':', u.account_locked))
FROM mysql.user u WHERE ${NOT_DATACLONE_OR_SYSTEM}`;

/** MySQL's and MariaDB's side of whole-instance sources: mysqldump --all-databases / --databases. */
export function mysqlInstanceRestore(
  flavour: MysqlFlavour,
): Pick<Engine, 'listDatabases' | 'restoreInstance' | 'listLogins' | 'disableLogins' | 'liveDump'> {
  const liveDump = mysqlLiveDump(flavour);
  return {
    liveDump,

    async listDatabases(run) {
      const names = await query(run, 'SHOW DATABASES');
      return names.filter((name) => !SYSTEM_SCHEMAS.includes(name.toLowerCase())).sort();
    },

    async restoreInstance(
      run: BuildShell,
      source: SqlSource | LiveSource,
      label: string,
      reporter: Reporter,
    ) {
      if (source.kind === 'live')
        await streamLiveSource(run, liveDump, source, { scope: 'instance', label, reporter });
      else await runSql(run, undefined, sqlInput(source.path), label);
      await runSql(
        run,
        undefined,
        { kind: 'text', text: RESTORE_DATACLONE_LOGINS },
        'put back the root logins',
      );
    },

    async listLogins(run) {
      const rows = await query(run, flavour === 'mariadb' ? MARIADB_LOGINS : MYSQL_LOGINS);
      return rows.map((row) => {
        const [name = '', credential = ''] = row.split('\t');
        return { name, credential };
      });
    },

    async disableLogins(run, logins) {
      if (logins.length === 0) return;
      await runSql(
        run,
        undefined,
        { kind: 'text', text: logins.map((login) => `ALTER USER ${login.name} ACCOUNT LOCK;\n`).join('') },
        'lock the logins the source brought',
      );
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
