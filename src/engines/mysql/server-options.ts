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
import path from 'node:path';
import type { MysqlFlavour } from '../mysql.js';

export interface ServerPaths {
  dataDirectory: string;
  socket: string;
  pidFile: string;
  /** A tmpfs in every build container and clone (Engine.scratchDirectories). */
  scratchDirectory: string;
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
    ...(flavour === 'mysql' ? mysqlOptions(paths) : MARIADB_OPTIONS),
  ];
}

/**
 * MySQL makes its global temporary tablespace (at least 12 MB) and ten session ones (80 KB each)
 * afresh at every start: in the data directory they were 12.8 MB of every fresh clone's layer,
 * on the scratch tmpfs they are memory of the clone's, freed when it stops.
 */
function mysqlOptions(paths: ServerPaths): string[] {
  return [
    '--innodb-doublewrite=OFF',
    '--innodb-redo-log-capacity=8M',
    '--innodb-data-file-path=ibdata1:5M:autoextend',
    // Relative to the data directory (innodb_data_home_dir): absolute paths are refused there.
    `--innodb-temp-data-file-path=${path.posix.relative(paths.dataDirectory, paths.scratchDirectory)}/ibtmp1:12M:autoextend`,
    `--innodb-temp-tablespaces-dir=${paths.scratchDirectory}`,
  ];
}

const MARIADB_OPTIONS = [
  '--skip-innodb-doublewrite',
  '--innodb-log-file-size=8M',
  // The system and temporary tablespaces start at 12 MB each, copied into every clone.
  '--innodb-data-file-path=ibdata1:1M:autoextend',
  '--innodb-temp-data-file-path=ibtmp1:1M:autoextend',
];
