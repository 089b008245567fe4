import path from 'node:path';
import pg from 'pg';
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
  DATABASE_VARIABLE,
  LISTEN_ADDRESS_VARIABLE,
  LISTEN_PORT_VARIABLE,
  NETWORK_VARIABLE,
} from './engine.js';
import { postgresInstanceRestore } from './postgres-instance-restore.js';
import { initialiseFromBaseBackup } from './postgres-base-backup.js';
import { pollUntilReady } from './readiness.js';

export const DATA_DIRECTORY = '/var/lib/dataclone/pgdata';
/** /tmp exists and is writable in every image; /var/run/postgresql is not created by all of them. */
const SOCKET_DIRECTORY = '/tmp';
const RESTORE_DIRECTORY = '/tmp/dataclone-restore';
export const SERVER_LOG = '/tmp/dataclone-build.log';

/**
 * Debian-based images keep the server binaries outside PATH when used without their entrypoint.
 * First in PATH: /usr/bin/psql is Debian's Perl wrapper, which takes 45 ms to start the real one.
 */
const FIND_BINARIES = 'for d in /usr/lib/postgresql/*/bin; do [ -d "$d" ] && PATH="$d:$PATH"; done';

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

export const PSQL = ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', SOCKET_DIRECTORY, '-U', 'postgres'];

export const postgresEngine: Engine = {
  name: 'postgres',
  port: 5432,
  superuser: 'postgres',
  serverUser: 'postgres',
  maintenanceDatabase: 'postgres',
  dataDirectory: DATA_DIRECTORY,
  ...postgresInstanceRestore,
  initialiseFromBackup: (shell, backup) => initialiseFromBaseBackup(shell, backup),

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
      withBinaries(['pg_ctl', '-D', DATA_DIRECTORY, '-l', SERVER_LOG, '-w', '-t', '300', 'start']),
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

  async restoreDatabase(shell, database: DatabaseDefinition, _reporter: Reporter) {
    const label = `restore database ${database.name}`;
    const source = database.source;
    switch (source.kind) {
      case 'empty':
      case 'instance':
        return;
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

  cloneStart(): CloneStart {
    return {
      entrypoint: ['/bin/sh', '-c', CLONE_START_SCRIPT],
      user: 'postgres',
      env: {},
      passwordVariable: 'DATACLONE_PASSWORD',
      readyLogLine: CLONE_READY,
    };
  },

  async waitUntilReady(endpoint, credentials, database, signal) {
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
    const auth = `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}`;
    return {
      engine: 'postgres',
      host: endpoint.host,
      port: endpoint.port,
      user: credentials.user,
      password: credentials.password,
      primaryDatabase: primary,
      databases: databases.map((name) => ({
        name,
        url: `postgresql://${auth}@${endpoint.host}:${endpoint.port}/${encodeURIComponent(name)}`,
        jdbcUrl: `jdbc:postgresql://${endpoint.host}:${endpoint.port}/${name}`,
      })),
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
 * A clone's PID 1: starts the server from the image's data, sets the clone's own password as
 * soon as the server accepts connections on its socket, then waits. Until the password is set
 * the superuser has none, so no connection from outside can succeed with a stale one. The
 * password arrives in the environment and reaches psql through printf, a shell builtin, so it
 * is never on any command line.
 */
const CLONE_READY = 'dataclone: the clone is ready';

/**
 * With host networking a clone trusts only its own socket: its TCP port is on the Docker host's
 * loopback, where the image's "trust 127.0.0.1" (for the build, and for postgres_fdw or dblink
 * connections of the server to itself in a clone with a network of its own) would let anyone in.
 */
const CLONE_HBA_FILE = '/tmp/dataclone-clone-hba.conf';
const CLONE_HOST_BASED_AUTHENTICATION = ['local all all trust', 'host all all all scram-sha-256'];

const CLONE_START_SCRIPT = `${FIND_BINARIES}
port="\${${LISTEN_PORT_VARIABLE}:-5432}"
listen="\${${LISTEN_ADDRESS_VARIABLE}:-*}"
pidfile=${DATA_DIRECTORY}/postmaster.pid
# An image saved from a running clone holds that server's lock files; no server runs here yet.
rm -f "$pidfile" ${SOCKET_DIRECTORY}/.s.PGSQL.*
hba=${DATA_DIRECTORY}/pg_hba.conf
if [ "$${NETWORK_VARIABLE}" = host ]; then
  hba=${CLONE_HBA_FILE}
  printf '%s\\n' ${CLONE_HOST_BASED_AUTHENTICATION.map((line) => `'${line}'`).join(' ')} > "$hba"
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
# The password is set over the socket; until then the superuser has no password and every login
# from outside fails.
# Over a connection to the database the clients use first: the server reads a database's
# catalogs at its first connection (opening them read-write, which copies them into the clone's
# layer), so one database read instead of two.
until printf "ALTER ROLE postgres PASSWORD '%s';\\n" "$DATACLONE_PASSWORD" | ${PSQL.join(' ')} -p "$port" -d "\${${DATABASE_VARIABLE}:-postgres}" >/dev/null 2>&1; do
  alive
  sleep 0.01
done
unset DATACLONE_PASSWORD
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
