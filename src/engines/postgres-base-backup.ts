import { DatacloneError } from '../core/errors.js';
import type { PhysicalBackup } from '../definition/types.js';
import type { BuildShell, ShellInput } from './engine.js';
import {
  DATA_DIRECTORY,
  HOST_BASED_AUTHENTICATION,
  PSQL,
  SERVER_LOG,
  SERVER_SETTINGS,
  withBinaries,
} from './postgres.js';

/**
 * A PostgreSQL instance from pg_basebackup output: its files unpacked into the data directory
 * (streamed in, never copied to a temporary place first), the backup's own configuration and
 * replica settings replaced by the clone's, and the server started, which replays the WAL the
 * backup carries (crash recovery) instead of every row and index of a logical restore.
 */
export async function initialiseFromBaseBackup(shell: BuildShell, backup: PhysicalBackup): Promise<void> {
  await shell.run(
    ['sh', '-c', 'mkdir -p "$1" && chown postgres: "$1" && chmod 700 "$1"', 'sh', DATA_DIRECTORY],
    { user: 'root', label: 'prepare the data directory' },
  );
  for (const { input, into, label } of unpackSteps(backup)) await shell.unpack(input, into, label);
  // The archive's owners are the source server's (or, for a folder, root): the server's own here.
  await shell.run(['sh', '-c', 'chown -R postgres: "$1" && chmod 700 "$1"', 'sh', DATA_DIRECTORY], {
    user: 'root',
    label: 'give the files to the server user',
  });
  await checkMajorVersion(shell);
  await shell.run(['sh', '-c', REPLACE_CONFIGURATION, 'sh', DATA_DIRECTORY], {
    env: { SETTINGS: SERVER_SETTINGS.join('\n'), HBA: HOST_BASED_AUTHENTICATION.join('\n') },
    label: "replace the backup's configuration with the clone's",
  });
  await startWithRecovery(shell);
  await checkSuperuser(shell);
}

/**
 * Clones log in as postgres, the role initdb makes unless told otherwise. A server set up with
 * another bootstrap superuser (initdb -U admin) has no such role, and nothing in its files says
 * what its superuser is called, so the build stops here rather than make clones nobody can use.
 */
async function checkSuperuser(shell: BuildShell): Promise<void> {
  const found = await shell.run(
    withBinaries([
      'sh',
      '-c',
      `${PSQL.join(' ')} -d postgres -tAc "SELECT rolsuper FROM pg_roles WHERE rolname = 'postgres'" 2>&1 || true`,
    ]),
    { label: 'look for the postgres superuser' },
  );
  if (found.trim() === 't') return;
  throw new DatacloneError(
    'the physical backup has no superuser role postgres, which clones log in as',
    'On the source server, create it before taking the backup (CREATE ROLE postgres SUPERUSER LOGIN;), or restore a pg_dumpall dump instead (instance: { source: all.sql }): dataclone creates postgres before that restore.',
  );
}

/**
 * What a backup of a replica or a tuned server leaves behind and a clone must not use: signal
 * files that would make it a standby, primary_conninfo and restore_command (ALTER SYSTEM, in
 * postgresql.auto.conf), and a postgresql.conf that may preload libraries, require TLS files or
 * live elsewhere entirely (Debian keeps it in /etc). The clone's own settings win: the files
 * are written anew, as a build's initdb would leave them.
 */
const REPLACE_CONFIGURATION = `set -e
cd "$1"
rm -f standby.signal recovery.signal postmaster.pid postmaster.opts
printf '%s\\n' "$SETTINGS" > postgresql.conf
: > postgresql.auto.conf
printf '%s\\n' "$HBA" > pg_hba.conf
: > pg_ident.conf
chmod 600 postgresql.conf postgresql.auto.conf pg_hba.conf pg_ident.conf`;

function unpackSteps(backup: PhysicalBackup): { input: ShellInput; into: string; label: string }[] {
  // The definition gives PostgreSQL only its own backups; this is a backstop.
  if (backup.kind === 'mariabackup')
    throw new Error(`PostgreSQL cannot restore a mariabackup (${backup.path})`);
  if (backup.kind === 'pg-basebackup-plain') {
    return [
      {
        input: { kind: 'folder-as-tar', path: backup.path },
        into: DATA_DIRECTORY,
        label: 'copy the base backup into the data directory',
      },
    ];
  }
  const tarFile = (path: string): ShellInput => ({ kind: 'file', path, gunzip: /\.t?gz$/i.test(path) });
  return [
    { input: tarFile(backup.base), into: DATA_DIRECTORY, label: 'unpack the base backup' },
    ...(backup.wal
      ? [{ input: tarFile(backup.wal), into: `${DATA_DIRECTORY}/pg_wal`, label: "unpack the backup's WAL" }]
      : []),
  ];
}

/** A data directory starts only under the major version that wrote it. */
async function checkMajorVersion(shell: BuildShell): Promise<void> {
  const found = await shell.run(
    withBinaries([
      'sh',
      '-c',
      'cat "$1/PG_VERSION" 2>/dev/null || echo none; postgres -V | sed -E "s/.* ([0-9]+)[.0-9]*.*/\\1/"',
      'sh',
      DATA_DIRECTORY,
    ]),
    { label: 'compare the backup with the server version' },
  );
  const [backupVersion = '', serverVersion = ''] = found
    .trim()
    .split('\n')
    .map((line) => line.trim());
  if (backupVersion === 'none') {
    throw new DatacloneError(
      'the physical backup has no PG_VERSION file: it is not a pg_basebackup of a data directory',
      'Make it with pg_basebackup -D <folder> -Fp (or -Ft) -X stream, and point instance.backup at its folder.',
    );
  }
  if (backupVersion !== serverVersion) {
    throw new DatacloneError(
      `the physical backup is of PostgreSQL ${backupVersion}, and the image's server is PostgreSQL ${serverVersion}`,
      `A data directory starts only under the major version that wrote it: set version: "${backupVersion}" (and a matching baseImage), or restore a logical dump (pg_dumpall) instead.`,
    );
  }
}

/** Starts the server, which recovers from the backup's WAL first; the log says why it would not. */
async function startWithRecovery(shell: BuildShell): Promise<void> {
  await shell
    .run(
      withBinaries([
        'sh',
        '-c',
        `pg_ctl -D "$1" -l ${SERVER_LOG} -w -t 3600 start >/dev/null || { tail -n 15 ${SERVER_LOG} >&2; exit 1; }`,
        'sh',
        DATA_DIRECTORY,
      ]),
      { label: 'start the server from the backup (crash recovery)' },
    )
    .catch((error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      if (
        /checkpoint record|could not locate|No such file or directory.*pg_wal|invalid checkpoint/i.test(text)
      ) {
        throw new DatacloneError(
          `${text}\nthe base backup's WAL is missing or incomplete: the server cannot recover it to a consistent state`,
          'Make the backup with -X stream (pg_wal.tar beside base.tar, or pg_wal/ in a plain backup) or -X fetch, and keep every file it wrote.',
          { cause: error },
        );
      }
      throw error;
    });
}
