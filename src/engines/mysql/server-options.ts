/**
 * The server's options, the same in the build container and in every clone: on the command line
 * after --no-defaults, because a server configured by the image's my.cnf (bind-address =
 * 127.0.0.1 in Debian's, a datadir in the VOLUME) would behave differently from one image to the
 * next. Durability is switched off: a clone is thrown away at the end of a job.
 *
 * Where MySQL and MariaDB differ, and why:
 * - tablespace minimums: MySQL refuses a system tablespace under 5 MB and a temporary one under
 *   12 MB; MariaDB takes 1 MB for both (every megabyte is in every clone that writes to it);
 * - redo log: MySQL (8.0.30 and later) sizes it with innodb_redo_log_capacity and no longer knows
 *   innodb_log_file_size (9.x refuses it); MariaDB has only innodb_log_file_size;
 * - innodb_doublewrite: an enum in MySQL 8.0.30 and later, where --skip- leaves it ON.
 * A small redo log matters most: a clone's first write to it copies the whole file into the
 * clone's writable layer. 8 MB is the smallest redo log capacity MySQL accepts.
 */
import type { MysqlFlavour } from '../mysql.js';

export interface ServerPaths {
  dataDirectory: string;
  socket: string;
  pidFile: string;
}

export function serverOptions(flavour: MysqlFlavour, paths: ServerPaths): string[] {
  return [
    '--no-defaults',
    `--datadir=${paths.dataDirectory}`,
    `--socket=${paths.socket}`,
    `--pid-file=${paths.pidFile}`,
    '--port=3306',
    '--bind-address=0.0.0.0',
    '--skip-name-resolve',
    '--character-set-server=utf8mb4',
    '--innodb-flush-log-at-trx-commit=0',
    '--innodb-autoextend-increment=1',
    '--innodb-buffer-pool-size=64M',
    '--performance-schema=OFF',
    '--skip-log-bin',
    '--loose-mysqlx=OFF',
    '--loose-innodb-buffer-pool-dump-at-shutdown=0',
    '--loose-innodb-buffer-pool-load-at-startup=0',
    ...(flavour === 'mysql' ? MYSQL_OPTIONS : MARIADB_OPTIONS),
  ];
}

const MYSQL_OPTIONS = [
  '--innodb-doublewrite=OFF',
  '--innodb-redo-log-capacity=8M',
  '--innodb-data-file-path=ibdata1:5M:autoextend',
  '--innodb-temp-data-file-path=ibtmp1:12M:autoextend',
];

const MARIADB_OPTIONS = [
  '--skip-innodb-doublewrite',
  '--innodb-log-file-size=8M',
  // The system and temporary tablespaces start at 12 MB each, copied into every clone.
  '--innodb-data-file-path=ibdata1:1M:autoextend',
  '--innodb-temp-data-file-path=ibtmp1:1M:autoextend',
];
