import type { LiveDumpClient } from '../../sources/live-source.js';
import { CLIENT, type MysqlFlavour } from '../mysql.js';

/**
 * mysqldump (mariadb-dump in MariaDB's images) of one database, or of every one, from a live
 * server, into the instance's own client. The password goes into a defaults file in the
 * stream's private folder (0600, removed when the stream ends), which the client reads:
 * MYSQL_PWD is deprecated, and a password on the command line is visible to every process.
 * The value is quoted, so # and ; are part of it, with a backslash before each backslash and
 * double quote in it, as option files read them.
 *
 * --single-transaction: a consistent snapshot of InnoDB tables without locking production;
 * --no-tablespaces: a dump by a user without the PROCESS privilege; MySQL's own GTIDs are left
 * out (--set-gtid-purged=OFF), as they mean nothing to a clone.
 */
export function mysqlLiveDump(flavour: MysqlFlavour): LiveDumpClient {
  const gtids = flavour === 'mysql' ? ' --set-gtid-purged=OFF' : '';
  return {
    dumpFunction(scope) {
      const what = scope === 'instance' ? '--all-databases' : '"$SOURCE_DATABASE"';
      return `dump_source() (
  umask 077
  {
    echo '[client]'
    [ -z "\${SOURCE_PASSWORD+x}" ] || printf 'password="%s"\\n' "$(printf '%s' "$SOURCE_PASSWORD" | sed 's/[\\\\"]/\\\\&/g')"
  } >"$dir/client.cnf"
  DUMP=$(command -v mariadb-dump || command -v mysqldump)
  exec "$DUMP" --defaults-file="$dir/client.cnf" --protocol=tcp --host="$SOURCE_HOST" --port="$SOURCE_PORT" --user="$SOURCE_USER" --single-transaction --routines --triggers --events --hex-blob --no-tablespaces --default-character-set=utf8mb4${gtids} ${what}
)`;
    },

    restoreFunction() {
      return `restore_target() (
  CLIENT=$(command -v mariadb || command -v mysql)
  exec ${CLIENT} --default-character-set=utf8mb4 \${TARGET_DATABASE:+--database="$TARGET_DATABASE"}
)`;
    },
  };
}
