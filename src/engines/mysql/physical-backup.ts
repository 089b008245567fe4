import { DatacloneError } from '../../core/errors.js';
import type { PhysicalBackup } from '../../definition/types.js';
import type { BuildShell, ShellInput } from '../engine.js';
import { RESTORE_DATACLONE_LOGINS } from '../mysql-instance-restore.js';
import { shell } from '../mysql.js';

/** Run by the server before it takes any connection: read by --init-file, removed once it has run. */
const LOGINS_FILE = '/tmp/dataclone-backup-logins.sql';

/**
 * A MariaDB instance from a prepared mariabackup: its files unpacked into the data directory
 * (a folder streamed in as tar, or the tar itself; never copied to a temporary place first),
 * checked to be prepared and of the server's major version, and the server started on them,
 * which is all a restore of a prepared backup is: InnoDB finds a consistent instance and an
 * empty redo log, and resizes that to the clone's.
 *
 * The backup's accounts are production's, root@localhost included, with whatever password or
 * plugin it had: the server runs, before its first connection, the statements that put root's
 * two logins back as dataclone makes them (no password over the socket; root@'%' locked until
 * a clone sets its own). Every other login is locked after, as for any instance source.
 */
export async function initialiseFromMariabackup(
  run: BuildShell,
  backup: PhysicalBackup,
  server: { dataDirectory: string; start(options: string[], label: string): Promise<void> },
): Promise<void> {
  // The definition gives MariaDB only mariabackups; this is a backstop.
  if (backup.kind !== 'mariabackup')
    throw new Error(`MariaDB cannot restore a pg_basebackup (${backup.kind})`);
  const directory = server.dataDirectory;
  await run.run(['sh', '-c', 'mkdir -p "$1" && chown mysql: "$1" && chmod 750 "$1"', 'sh', directory], {
    user: 'root',
    label: 'prepare the data directory',
  });
  await run.unpack(backupInput(backup), directory, 'copy the backup into the data directory');
  // A folder's files arrive as root's, a tar's with the source's owners: the server's own here.
  await run.run(['sh', '-c', 'chown -R mysql: "$1"', 'sh', directory], {
    user: 'root',
    label: 'give the files to the server user',
  });
  await checkBackup(run, directory);
  await run.run(
    [
      'sh',
      '-c',
      `cd "$1" && rm -f backup-my.cnf mariadb_backup_* xtrabackup_* && printf '%s' "$SQL" > ${LOGINS_FILE}`,
      'sh',
      directory,
    ],
    { env: { SQL: RESTORE_DATACLONE_LOGINS }, label: "put back dataclone's root logins" },
  );
  await server.start([`--init-file=${LOGINS_FILE}`], 'start the server from the backup');
  await run.run(['rm', '-f', LOGINS_FILE], { label: 'tidy up' });
}

function backupInput(backup: Extract<PhysicalBackup, { kind: 'mariabackup' }>): ShellInput {
  if (backup.form === 'folder') return { kind: 'folder-as-tar', path: backup.path };
  return { kind: 'file', path: backup.path, gunzip: backup.form === 'tar.gz' };
}

/**
 * A backup starts only once prepared (mariabackup --prepare applied its redo log), and only
 * under the major version that wrote it (10.11, 11.8): its system tables and InnoDB format are
 * that version's. mariabackup writes both facts into files beside the data (mariadb_backup_* or,
 * before 10.8, xtrabackup_*).
 */
async function checkBackup(run: BuildShell, directory: string): Promise<void> {
  const found = await run.run(
    shell(
      `cd "$1"
       value() {
         key=$1; shift
         for f in "$@"; do if [ -f "$f" ]; then sed -n "s/^$key *= *//p" "$f" | head -n 1; return; fi; done
       }
       echo "$(value backup_type mariadb_backup_checkpoints xtrabackup_checkpoints)"
       echo "$(value server_version mariadb_backup_info xtrabackup_info)"
       "$SERVER" --version`,
      directory,
    ),
    { label: 'compare the backup with the server version' },
  );
  const [type = '', backupVersion = '', serverVersion = ''] = found.split('\n').map((line) => line.trim());
  if (type === '') {
    throw new DatacloneError(
      'the physical backup is not a mariabackup backup: it has no mariadb_backup_checkpoints (or xtrabackup_checkpoints)',
      "Make it with mariabackup --backup --target-dir=<folder> and mariabackup --prepare --target-dir=<folder>; a tar holds that folder's content (tar -C <folder> -czf backup.tar.gz .).",
    );
  }
  if (type !== 'log-applied') {
    throw new DatacloneError(
      `the mariabackup backup is not prepared (its backup_type is ${type}, not log-applied)`,
      "Prepare it first, with the mariabackup of the server's version: mariabackup --prepare --target-dir=<folder>, then tar that folder again.",
    );
  }
  const backupMajor = majorVersion(backupVersion);
  const serverMajor = majorVersion(serverVersion.replace(/^.*?Ver\s+/, ''));
  if (backupMajor !== serverMajor) {
    throw new DatacloneError(
      `the physical backup is of MariaDB ${backupMajor || `an unknown version (${backupVersion || 'no server_version in mariadb_backup_info'})`}, and the image's server is MariaDB ${serverMajor}`,
      `A data directory starts only under the major version that wrote it: set version: "${backupMajor || serverMajor}" (and a matching baseImage), or restore a logical dump (mysqldump --all-databases) instead.`,
    );
  }
}

/** 10.11 of 10.11.6-MariaDB-0+deb12u1. */
function majorVersion(version: string): string {
  return /^(\d+\.\d+)/.exec(version)?.[1] ?? '';
}
