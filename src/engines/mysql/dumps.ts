/**
 * What a dump made by MySQL's or MariaDB's own mysqldump needs from the instance it is restored
 * into, beyond running its statements.
 */
import type { MysqlFlavour } from '../mysql.js';

/**
 * SQL run before each dump. MySQL's mysqldump writes `SET @@GLOBAL.GTID_PURGED=/*!80000 '+'*\/
 * '<the source's GTIDs>'` (MySQL runs with gtid_mode=ON by default since 9.x, and production
 * servers mostly do), which fails once the instance has GTIDs overlapping it: the second dump
 * from the same server, or the instance's own setup statements. The GTID history of an image
 * means nothing to its clones, so it is cleared before each dump. MariaDB's dumps carry no such
 * statement (gtid_slave_pos only with --gtid, which sets a session-independent position).
 */
export function beforeDumpSql(flavour: MysqlFlavour): string | undefined {
  return flavour === 'mysql' ? 'RESET BINARY LOGS AND GTIDS;\n' : undefined;
}

/**
 * A query whose result is the SQL that creates the accounts named in DEFINER= clauses of the
 * restored views, routines, triggers and events that the instance lacks: the production
 * application's user, typically. Without them, such a view or trigger fails in every clone
 * ("The user specified as a definer does not exist"). They are created locked, so no one can log
 * in as them, with every privilege, so the objects they define work as they did where the dump
 * was made.
 */
export const MISSING_DEFINERS_QUERY = `SELECT CONCAT(
    'CREATE USER IF NOT EXISTS ', QUOTE(d.account_user), '@', QUOTE(d.account_host), ' ACCOUNT LOCK; ',
    'GRANT ALL PRIVILEGES ON *.* TO ', QUOTE(d.account_user), '@', QUOTE(d.account_host), ';')
  FROM (
    SELECT DISTINCT
      SUBSTRING_INDEX(definer, '@', 1) AS account_user,
      SUBSTRING_INDEX(definer, '@', -1) AS account_host
    FROM (
      SELECT DEFINER AS definer FROM information_schema.VIEWS
      UNION SELECT DEFINER FROM information_schema.ROUTINES
      UNION SELECT DEFINER FROM information_schema.TRIGGERS
      UNION SELECT DEFINER FROM information_schema.EVENTS
    ) named
    WHERE definer LIKE '%@%'
  ) d
  WHERE NOT EXISTS (
    SELECT 1 FROM mysql.user u
    WHERE BINARY u.User = BINARY d.account_user AND BINARY u.Host = BINARY d.account_host
  );
`;
