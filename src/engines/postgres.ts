import path from 'node:path';
import type { Reporter } from '../core/reporter.js';
import type { DatabaseDefinition, ScriptStep } from '../definition/types.js';
import type {
  BuildShell,
  CloneStart,
  ConnectionDetails,
  Credentials,
  Endpoint,
  Engine,
  ShellInput,
} from './engine.js';
import {
  databaseConnection,
  DATABASE_VARIABLE,
  LISTEN_ADDRESS_VARIABLE,
  LISTEN_PORT_VARIABLE,
  HANDOVER_AFTER_START,
  HANDOVER_VARIABLE,
  NETWORK_VARIABLE,
  PASSWORD_HANDOVER_FILE,
  PASSWORD_RECORD_FILE,
} from './engine.js';
import { streamLiveSource } from '../sources/live-source.js';
import { FIND_BINARIES, PSQL, SOCKET_DIRECTORY } from './postgres-client.js';
import { postgresInstanceRestore } from './postgres-instance-restore.js';
import { postgresLiveDump } from './postgres-live-source.js';
import { initialiseFromBaseBackup } from './postgres-base-backup.js';
import { pollUntilReady } from './readiness.js';

export { PSQL };

export const DATA_DIRECTORY = '/var/lib/dataclone/pgdata';
const RESTORE_DIRECTORY = '/tmp/dataclone-restore';
export const SERVER_LOG = '/tmp/dataclone-build.log';

/**
 * Settings for throwaway test instances: durability buys nothing in a clone that is removed at
 * the end of a job, and costs time in every build, migration and test.
 */
export const SERVER_SETTINGS = [
  "listen_addresses = '*'",
  `unix_socket_directories = '${SOCKET_DIRECTORY}'`,
  'fsync = off',
  'synchronous_commit = off',
  'full_page_writes = off',
];

/**
 * Clients outside the container need the clone's password. Inside it, the unix socket and the
 * container's own loopback are trusted, so cross-database links (postgres_fdw, dblink) made in
 * the image work in every clone without storing a password that changes per clone.
 */
export const HOST_BASED_AUTHENTICATION = [
  'local all all trust',
  'host all all 127.0.0.1/32 trust',
  'host all all ::1/128 trust',
  'host all all all scram-sha-256',
];

export const postgresEngine: Engine = {
  name: 'postgres',
  port: 5432,
  superuser: 'postgres',
  serverUser: 'postgres',
  maintenanceDatabase: 'postgres',
  dataDirectory: DATA_DIRECTORY,
  scratchDirectories: [],
  ...postgresInstanceRestore,
  initialiseFromBackup: (shell, backup) => initialiseFromBaseBackup(shell, backup),

  serverVersionCommand() {
    return withBinaries(['postgres', '--version']);
  },

  async initialise(shell) {
    await shell.run(['sh', '-c', 'mkdir -p "$1" && chown postgres: "$1"', 'sh', '/var/lib/dataclone'], {
      user: 'root',
      label: 'prepare the data directory',
    });
    await shell.run(
      withBinaries([
        'initdb',
        '-D',
        DATA_DIRECTORY,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-sync',
        // A clone's first write to a WAL segment copies the whole file into its writable layer:
        // 1 MB segments instead of 16 MB make that copy, paid by every clone at start, 16x cheaper.
        '--wal-segsize=1',
      ]),
      { label: 'initialise the instance (initdb)' },
    );
    await shell.run(
      [
        'sh',
        '-c',
        'printf "%s\\n" "$SETTINGS" >> "$1/postgresql.conf" && printf "%s\\n" "$HBA" > "$1/pg_hba.conf"',
        'sh',
        DATA_DIRECTORY,
      ],
      {
        env: { SETTINGS: SERVER_SETTINGS.join('\n'), HBA: HOST_BASED_AUTHENTICATION.join('\n') },
        label: 'configure the instance',
      },
    );
    await shell.run(
      // The build's server removes WAL segments it is done with instead of keeping them under
      // new names for reuse: the segments of the restore (and of masking's old rows) are gone
      // from the image once finalise's checkpoint is past them. Not in postgresql.conf: clones recycle.
      withBinaries([
        'pg_ctl',
        '-D',
        DATA_DIRECTORY,
        '-l',
        SERVER_LOG,
        '-o',
        '-c wal_recycle=off',
        '-w',
        '-t',
        '300',
        'start',
      ]),
      {
        label: 'start the server',
      },
    );
  },

  async createDatabase(shell, name) {
    await shell.run(withBinaries([...PSQL, '-d', 'postgres', '-c', `CREATE DATABASE "${name}"`]), {
      label: `create database ${name}`,
    });
  },

  async runScript(shell, script: ScriptStep, label: string) {
    await runSql(shell, script.database ?? 'postgres', sqlInput(script.path), label);
  },

  async restoreDatabase(shell, database: DatabaseDefinition, reporter: Reporter) {
    const label = `restore database ${database.name}`;
    const source = database.source;
    switch (source.kind) {
      case 'empty':
      case 'instance':
        return;
      case 'live':
        return streamLiveSource(shell, postgresLiveDump, source, {
          scope: 'database',
          database: database.name,
          label,
          reporter,
        });
      case 'sql':
      case 'sql-gz':
        // A dump that creates its own database (pg_dump --create) connects to it with \connect.
        return runSql(
          shell,
          source.createsDatabase ? 'postgres' : database.name,
          sqlInput(source.path),
          label,
        );
      case 'scripts':
        for (const file of source.files) {
          await runSql(shell, database.name, sqlInput(file), `${label}: ${path.basename(file)}`);
        }
        return;
      case 'pg-custom':
        await shell.run(withBinaries(pgRestore(database.name, [])), {
          input: { kind: 'file', path: source.path },
          label,
        });
        return;
      case 'pg-directory':
        // Parallel restore needs a seekable archive, so the folder is unpacked in the container
        // first; it is removed again before the image is committed.
        await shell.run(
          [
            'sh',
            '-c',
            `${FIND_BINARIES}; set -e; rm -rf "$1"; mkdir -p "$1"; tar -x -C "$1"; shift; "$@" -j 2 "${RESTORE_DIRECTORY}"; rm -rf "${RESTORE_DIRECTORY}"`,
            'sh',
            RESTORE_DIRECTORY,
            ...pgRestore(database.name, []),
          ],
          { input: { kind: 'folder-as-tar', path: source.path }, label },
        );
        return;
    }
  },

  async connectsToItself(shell, databases) {
    for (const database of ['postgres', ...databases]) {
      const found = await shell.run(
        withBinaries([
          ...PSQL,
          '-d',
          database,
          '-tAc',
          "SELECT count(*) FROM pg_extension WHERE extname IN ('postgres_fdw', 'dblink')",
        ]),
        { label: `look for postgres_fdw and dblink in ${database}` },
      );
      if (found.trim() !== '0') return true;
    }
    return false;
  },

  async finalise(shell) {
    // Frozen rows with hint bits set mean a clone's first reads do not dirty pages, so reading a
    // table never copies its files into the clone's writable layer.
    await shell.run(
      withBinaries([
        'vacuumdb',
        '-h',
        SOCKET_DIRECTORY,
        '-U',
        'postgres',
        '--all',
        '--freeze',
        '--analyze',
        '-q',
      ]),
      {
        // A parallel vacuum of a table with two or more large indexes asks for a shared memory
        // segment as large as maintenance_work_mem (64 MB), which Docker's 64 MB /dev/shm
        // cannot hold: the build failed with "could not resize shared memory segment".
        env: { PGOPTIONS: '-c max_parallel_maintenance_workers=0' },
        label: 'freeze and analyse every database (vacuumdb)',
      },
    );
    // The shutdown checkpoint then lands at the start of a fresh WAL segment. Ending more than
    // three quarters into one instead makes every clone's server create the next segment at
    // start (1 MB more in each clone's writable layer).
    await shell.run(
      withBinaries([...PSQL, '-d', 'postgres', '-c', 'SELECT pg_switch_wal()', '-c', 'CHECKPOINT']),
      {
        label: 'start a fresh WAL segment',
      },
    );
    await shell.run(withBinaries(['pg_ctl', '-D', DATA_DIRECTORY, '-m', 'fast', '-w', '-t', '300', 'stop']), {
      label: 'stop the server cleanly',
    });
    await shell.run(['sh', '-c', `rm -rf ${SERVER_LOG} ${RESTORE_DIRECTORY}`], {
      user: 'root',
      label: 'tidy up',
    });
  },

  checkpointCommand() {
    // The clone's server listens on its own port (host networking), and so does its socket.
    return [
      'sh',
      '-c',
      `${FIND_BINARIES}; exec ${PSQL.join(' ')} -p "\${${LISTEN_PORT_VARIABLE}:-5432}" -d postgres -c CHECKPOINT`,
    ];
  },

  clientCommand(database, args) {
    // The socket's name carries the port, which is the clone's own with host networking.
    return [
      'sh',
      '-c',
      `${FIND_BINARIES}; db="$1"; shift; exec psql -h ${SOCKET_DIRECTORY} -p "\${${LISTEN_PORT_VARIABLE}:-5432}" -U postgres -d "$db" "$@"`,
      'sh',
      database,
      ...args,
    ];
  },

  cloneStart(): CloneStart {
    return {
      entrypoint: ['/bin/sh', '-c', CLONE_START_SCRIPT],
      user: 'postgres',
      env: {},
      readyLogLine: CLONE_READY,
    };
  },

  async waitUntilReady(endpoint, credentials, database, signal) {
    // Loaded here, not at the top: commands that never query a PostgreSQL server never load pg.
    const { default: pg } = await import('pg');
    await pollUntilReady(signal, async () => {
      const client = new pg.Client({
        host: endpoint.host,
        port: endpoint.port,
        user: credentials.user,
        password: credentials.password,
        database,
        connectionTimeoutMillis: 2000,
      });
      // An error event after a failed connect would otherwise crash the process.
      client.on('error', () => {});
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        // Not awaited: the server has answered; waiting for the socket to close costs 10 ms.
        void client.end().catch(() => {});
      }
    });
  },

  connectionDetails(
    endpoint: Endpoint,
    credentials: Credentials,
    databases: string[],
    primary: string,
  ): ConnectionDetails {
    return {
      engine: 'postgres',
      host: endpoint.host,
      port: endpoint.port,
      user: credentials.user,
      password: credentials.password,
      primaryDatabase: primary,
      databases: databases.map((name) =>
        databaseConnection({ url: 'postgresql', jdbc: 'jdbc:postgresql' }, endpoint, credentials, name),
      ),
      clientEnvironment: {
        PGHOST: endpoint.host,
        PGPORT: String(endpoint.port),
        PGUSER: credentials.user,
        PGPASSWORD: credentials.password,
        PGDATABASE: primary,
      },
    };
  },
};

/**
 * A clone's PID 1: starts the server from the image's data and, at the clone's first start, sets
 * the clone's own password before any TCP login can succeed, then waits.
 *
 * The image's data may hold a password that works (a saved clone's), and its pg_hba trusts the
 * container's loopback (for the build, and for postgres_fdw or dblink links of the server to
 * itself): so until the password is set, pg_hba rejects every TCP login, and it is set over the
 * socket. Then the rules clients need are put in place and the server reloads them (one signal).
 * That costs two small file writes and a signal. The other ways cost more: setting the password
 * in a single-user run before the server starts took 80-250 ms (median 160) where the psql call
 * over the socket takes 20-110 ms (median 30; 2 cores, under load), and a socket-only first
 * start followed by a restart to listen on TCP pays a whole second server start.
 *
 * The password arrives in PASSWORD_HANDOVER_FILE, is read with `read`, a shell builtin, reaches
 * psql through printf, another one, so it is never on a command line nor in any environment, and
 * the file is removed once the password is set. A start without it (a restart of the container)
 * finds the password set already and takes TCP logins at once.
 */
const CLONE_READY = 'dataclone: the clone is ready';

const CLONE_HBA_FILE = '/tmp/dataclone-clone-hba.conf';

const CLONE_START_SCRIPT = `${FIND_BINARIES}
port="\${${LISTEN_PORT_VARIABLE}:-5432}"
listen="\${${LISTEN_ADDRESS_VARIABLE}:-*}"
pidfile=${DATA_DIRECTORY}/postmaster.pid
handover=${PASSWORD_HANDOVER_FILE}
hba=${CLONE_HBA_FILE}
# An image saved from a running clone, or a container started again, holds a server's lock files;
# no server runs here yet.
rm -f "$pidfile" ${SOCKET_DIRECTORY}/.s.PGSQL.*
# $1: how TCP logins from elsewhere are treated. The container's own loopback is trusted only
# when it is the container's own: with host networking, it is the Docker host's.
write_hba() {
  if [ "$${NETWORK_VARIABLE}" = host ]; then
    printf '%s\\n' 'local all all trust' "host all all all $1" > "$hba"
  else
    printf '%s\\n' 'local all all trust' 'host all all 127.0.0.1/32 trust' 'host all all ::1/128 trust' "host all all all $1" > "$hba"
  fi
}
# Written while the server starts, the hand-over may be on its way: until it is known, this
# start is taken for a first one.
first=
if [ "$${HANDOVER_VARIABLE}" = ${HANDOVER_AFTER_START} ] || [ -f "$handover" ]; then
  first=yes
  write_hba reject
else
  write_hba scram-sha-256
fi
# New WAL segments as sparse files: no zeros written, no disk taken until WAL fills them.
postgres -D ${DATA_DIRECTORY} -c wal_init_zero=off -c port="$port" -c listen_addresses="$listen" -c hba_file="$hba" &
server=$!
trap 'kill -INT "$server" 2>/dev/null' INT TERM
alive() { kill -0 "$server" 2>/dev/null || { wait "$server"; exit $?; }; }
# The eighth line of postmaster.pid says "ready" once the server accepts connections (what
# pg_ctl -w reads): read with shell builtins, it costs no process per try, where psql costs 50 ms.
ready() {
  [ -f "$pidfile" ] || return 1
  n=0
  while read -r line; do n=$((n + 1)); [ "$n" -eq 8 ] && { [ "$line" = ready ]; return; }; done < "$pidfile"
  return 1
}
until ready; do alive; sleep 0.01; done
if [ "$${HANDOVER_VARIABLE}" = ${HANDOVER_AFTER_START} ]; then
  until [ -e ${PASSWORD_RECORD_FILE} ]; do alive; sleep 0.01; done
fi
if [ -n "$first" ]; then
  if [ -f "$handover" ]; then
    IFS= read -r password < "$handover"
    # Over a connection to the database the clients use first: the server reads a database's
    # catalogs at its first connection (opening them read-write, which copies them into the
    # clone's layer), so one database read instead of two.
    until printf "ALTER ROLE postgres PASSWORD '%s';\\n" "$password" | ${PSQL.join(' ')} -p "$port" -d "\${${DATABASE_VARIABLE}:-postgres}" >/dev/null 2>&1; do
      alive
      sleep 0.01
    done
    unset password
    rm -f "$handover"
  fi
  # The postmaster reads pg_hba again at SIGHUP, before it starts the next connection's backend;
  # a backend started before (a login tried in the window) keeps the rules that reject it.
  write_hba scram-sha-256
  kill -HUP "$server"
fi
echo "${CLONE_READY}"
wait "$server"
wait "$server"`;

export function withBinaries(command: string[]): string[] {
  return ['sh', '-c', `${FIND_BINARIES}; exec "$@"`, 'sh', ...command];
}

function pgRestore(database: string, extra: string[]): string[] {
  return [
    'pg_restore',
    '-h',
    SOCKET_DIRECTORY,
    '-U',
    'postgres',
    '-d',
    database,
    '--exit-on-error',
    ...extra,
  ];
}

export function sqlInput(path: string): ShellInput {
  return { kind: 'file', path, gunzip: path.endsWith('.gz') };
}

export async function runSql(
  shell: BuildShell,
  database: string,
  input: ShellInput,
  label: string,
): Promise<void> {
  await shell.run(withBinaries([...PSQL, '-d', database, '-f', '-']), { input, label });
}
