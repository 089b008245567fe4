import path from 'node:path';
import type { Reporter } from '../core/reporter.js';
import type { DatabaseDefinition, PhysicalBackup, ScriptStep } from '../definition/types.js';
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
  HANDOVER_AFTER_START,
  HANDOVER_VARIABLE,
  LISTEN_ADDRESS_VARIABLE,
  LISTEN_PORT_VARIABLE,
  PASSWORD_HANDOVER_FILE,
  PASSWORD_RECORD_FILE,
} from './engine.js';
import { mysqlInstanceRestore } from './mysql-instance-restore.js';
import { initialiseFromMariabackup } from './mysql/physical-backup.js';
import { streamLiveSource } from '../sources/live-source.js';
import { pollUntilReady } from './readiness.js';
import { beforeDumpSql, MISSING_DEFINERS_QUERY } from './mysql/dumps.js';
import { serverOptions } from './mysql/server-options.js';

/**
 * MySQL and MariaDB. One module for both: they share the client protocol, mysqldump's format and
 * the server's options; they differ in how an instance is created (mariadb-install-db against
 * mysqld --initialize-insecure), in their binaries' names, and in their JDBC URL.
 */
export type MysqlFlavour = 'mysql' | 'mariadb';

/** Outside /var/lib/mysql, which the official images declare as a VOLUME. */
const DATA_DIRECTORY = '/var/lib/dataclone/mysql';
const SOCKET = '/tmp/dataclone-mysqld.sock';
const PID_FILE = '/tmp/dataclone-mysqld.pid';
const SERVER_LOG = '/tmp/dataclone-build.log';
/** MySQL's temporary tablespaces, made afresh at every start (see serverOptions). */
const SCRATCH_DIRECTORY = '/var/lib/dataclone/mysql-scratch';

/** MariaDB names its programs mariadb*, MySQL mysql*; older MariaDB images have only mysql*. */
const FIND_PROGRAMS = [
  'SERVER=$(command -v mariadbd || command -v mysqld)',
  'CLIENT=$(command -v mariadb || command -v mysql)',
  'ADMIN=$(command -v mariadb-admin || command -v mysqladmin)',
].join('; ');

export const CLIENT = '"$CLIENT" --no-defaults --protocol=socket --socket=' + SOCKET + ' -uroot';

/** Reads SQL on standard input; stops at the first error, like psql with ON_ERROR_STOP. */
function clientCommand(database?: string): string[] {
  return shell(`${CLIENT} --default-character-set=utf8mb4 ${database ? `--database="$1"` : ''}`, database);
}

export function shell(script: string, ...args: (string | undefined)[]): string[] {
  return ['sh', '-c', `${FIND_PROGRAMS}; set -e; ${script}`, 'sh', ...args.filter((a) => a !== undefined)];
}

export function mysqlEngine(flavour: MysqlFlavour): Engine {
  const SERVER_OPTIONS = serverOptions(flavour, {
    dataDirectory: DATA_DIRECTORY,
    socket: SOCKET,
    pidFile: PID_FILE,
    scratchDirectory: SCRATCH_DIRECTORY,
  });
  const instanceRestore = mysqlInstanceRestore(flavour);
  const scratchDirectories = flavour === 'mysql' ? [SCRATCH_DIRECTORY] : [];
  return {
    name: flavour,
    port: 3306,
    superuser: 'root',
    serverUser: 'mysql',
    maintenanceDatabase: 'mysql',
    dataDirectory: DATA_DIRECTORY,
    scratchDirectories,
    ...instanceRestore,
    ...(flavour === 'mariadb' && {
      initialiseFromBackup: (run: BuildShell, backup: PhysicalBackup) =>
        initialiseFromMariabackup(run, backup, {
          dataDirectory: DATA_DIRECTORY,
          start: (options, label) => startServer(run, [...SERVER_OPTIONS, ...options], label),
        }),
    }),

    async initialise(run) {
      // A clone's tmpfs over a scratch folder takes its mode, not its owner: writable by all.
      await run.run(
        [
          'sh',
          '-c',
          'mkdir -p "$@" && chown mysql: "$@" && shift && { [ $# -eq 0 ] || chmod 1777 "$@"; }',
          'sh',
          DATA_DIRECTORY,
          ...scratchDirectories,
        ],
        { user: 'root', label: 'prepare the data directory' },
      );
      await run.run(
        shell(
          `if command -v mariadb-install-db >/dev/null; then
             mariadb-install-db ${SERVER_OPTIONS.join(' ')} --auth-root-authentication-method=normal --skip-test-db >/tmp/dataclone-init.log 2>&1 || { cat /tmp/dataclone-init.log >&2; exit 1; }
           else
             "$SERVER" ${SERVER_OPTIONS.join(' ')} --initialize-insecure >/tmp/dataclone-init.log 2>&1 || { cat /tmp/dataclone-init.log >&2; exit 1; }
           fi
           rm -f /tmp/dataclone-init.log`,
        ),
        { label: 'initialise the instance' },
      );
      await startServer(run, SERVER_OPTIONS, 'start the server');
      // Clients outside the container log in as root@'%', locked until a clone sets its own
      // password. Inside, root@localhost over the socket needs none, so the clone's start script
      // and cross-database views made in the image work in every clone.
      await runSql(
        run,
        undefined,
        {
          kind: 'text',
          text: "CREATE USER 'root'@'%' ACCOUNT LOCK;\nGRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;\n",
        },
        'create the clone login',
      );
    },

    async createDatabase(run, name) {
      await runSql(
        run,
        undefined,
        { kind: 'text', text: `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4;\n` },
        `create database ${name}`,
      );
    },

    async runScript(run, script: ScriptStep, label: string) {
      await runSql(run, script.database, sqlInput(script.path), label);
    },

    async restoreDatabase(run, database: DatabaseDefinition, reporter: Reporter) {
      const label = `restore database ${database.name}`;
      const source = database.source;
      const beforeDump = beforeDumpSql(flavour);
      switch (source.kind) {
        case 'empty':
        case 'instance':
          return;
        case 'live':
          if (beforeDump)
            await runSql(run, undefined, { kind: 'text', text: beforeDump }, `${label}: prepare`);
          await streamLiveSource(run, instanceRestore.liveDump, source, {
            scope: 'database',
            database: database.name,
            label,
            reporter,
          });
          return createMissingDefiners(run, `${label}: accounts its definers name`);
        case 'sql':
        case 'sql-gz':
          if (beforeDump)
            await runSql(run, undefined, { kind: 'text', text: beforeDump }, `${label}: prepare`);
          // A dump that creates its own database (mysqldump --databases) switches to it with USE.
          await runSql(run, source.createsDatabase ? undefined : database.name, sqlInput(source.path), label);
          return createMissingDefiners(run, `${label}: accounts its definers name`);
        case 'scripts':
          for (const file of source.files) {
            if (beforeDump)
              await runSql(run, undefined, { kind: 'text', text: beforeDump }, `${label}: prepare`);
            await runSql(run, database.name, sqlInput(file), `${label}: ${path.basename(file)}`);
          }
          return createMissingDefiners(run, `${label}: accounts its definers name`);
        case 'pg-custom':
        case 'pg-directory':
          // The definition's schema refuses pg_dump formats for this engine; this is a backstop.
          throw new Error(`${flavour} cannot restore a pg_dump archive (${source.path})`);
      }
    },

    async connectsToItself(run) {
      const found = await run.run(
        shell(
          `${CLIENT} -N -e "SELECT count(*) FROM information_schema.TABLES WHERE ENGINE IN ('FEDERATED', 'CONNECT')"`,
        ),
        { label: 'look for FEDERATED and CONNECT tables' },
      );
      return found.trim() !== '0';
    },

    async finalise(run) {
      // A slow shutdown purges old row versions and merges buffered index changes now, so a
      // clone's server has no background work that writes to (and so copies) table files.
      await runSql(
        run,
        undefined,
        { kind: 'text', text: 'SET GLOBAL innodb_fast_shutdown = 0;\n' },
        'prepare shutdown',
      );
      await run.run(
        shell(
          `"$ADMIN" --no-defaults --socket=${SOCKET} -uroot shutdown
           i=0
           while [ -e ${PID_FILE} ]; do i=$((i+1)); if [ $i -gt 3000 ]; then echo "the server did not stop" >&2; exit 1; fi; sleep 0.1; done`,
        ),
        { label: 'stop the server cleanly' },
      );
      // The scratch folders stay, empty, for the tmpfs of every clone to take their owner.
      const scratch = scratchDirectories.map((directory) => ` "${directory}"/*`).join('');
      await run.run(['sh', '-c', `rm -rf ${SERVER_LOG}${scratch}`], { user: 'root', label: 'tidy up' });
    },

    serverVersionCommand() {
      return shell('"$SERVER" --version');
    },

    checkpointCommand() {
      // With innodb_flush_log_at_trx_commit=0 a commit reaches the redo log file only within
      // about a second, so a snapshot taken right after lacked it (MySQL 9.7 and MariaDB 10.11
      // both lost a committed DELETE). FLUSH ENGINE LOGS writes the redo log now, but MariaDB's
      // does nothing while that setting is 0: it is 2 (write, no fsync) for the flush.
      return shell(
        `${CLIENT} -e "FLUSH TABLES; SET GLOBAL innodb_flush_log_at_trx_commit = 2; FLUSH ENGINE LOGS; SET GLOBAL innodb_flush_log_at_trx_commit = 0"`,
      );
    },

    clientCommand(database, args) {
      // The socket is the same with host networking: only the TCP port is the clone's own.
      return shell(
        `db="$1"; shift; exec ${CLIENT} --default-character-set=utf8mb4 --database="$db" "$@"`,
        database,
        ...args,
      );
    },

    cloneStart(): CloneStart {
      return {
        entrypoint: ['/bin/sh', '-c', cloneStartScript(SERVER_OPTIONS)],
        user: 'mysql',
        env: {},
        readyLogLine: SERVER_READY,
      };
    },

    async waitUntilReady(endpoint, credentials, database, signal) {
      // Loaded here, not at the top: commands that never query a MySQL server never load mysql2.
      const { default: mysql } = await import('mysql2/promise');
      await pollUntilReady(signal, async () => {
        const connection = await mysql.createConnection({
          host: endpoint.host,
          port: endpoint.port,
          user: credentials.user,
          password: credentials.password,
          database,
          connectTimeout: 2000,
        });
        connection.on('error', () => {});
        try {
          await connection.query('SELECT 1');
        } finally {
          // Not awaited: the server has answered; waiting for the socket to close costs time.
          void connection.end().catch(() => {});
        }
      });
    },

    connectionDetails(
      endpoint: Endpoint,
      credentials: Credentials,
      databases: string[],
      primary: string,
    ): ConnectionDetails {
      const jdbcScheme = flavour === 'mariadb' ? 'jdbc:mariadb' : 'jdbc:mysql';
      // MySQL's caching_sha2_password sends a password only over TLS or RSA-encrypted with the
      // server's key: Connector/J fetches that key only when allowed to. (Clones offer TLS too,
      // with the certificate mysqld made at --initialize, which Connector/J does not verify.)
      const jdbcOptions = flavour === 'mysql' ? '?allowPublicKeyRetrieval=true' : '';
      return {
        engine: flavour,
        host: endpoint.host,
        port: endpoint.port,
        user: credentials.user,
        password: credentials.password,
        primaryDatabase: primary,
        databases: databases.map((name) => {
          const connection = databaseConnection(
            { url: 'mysql', jdbc: jdbcScheme },
            endpoint,
            credentials,
            name,
          );
          return { ...connection, jdbcUrl: connection.jdbcUrl + jdbcOptions };
        }),
        clientEnvironment: {
          MYSQL_HOST: endpoint.host,
          MYSQL_TCP_PORT: String(endpoint.port),
          MYSQL_USER: credentials.user,
          MYSQL_PWD: credentials.password,
          MYSQL_DATABASE: primary,
        },
      };
    },
  };
}

const CLONE_READY = 'dataclone: the clone is ready';
/** What MySQL and MariaDB log once they take connections: after the init file has run. */
const SERVER_READY = 'ready for connections';

/**
 * Logins that must not work over TCP in a clone: mariadb-install-db's passwordless root for
 * 127.0.0.1 and ::1 (a clone on the host's network would let any local process in as root
 * through them) and anonymous users. Only root@'%' with the clone's password remains; root over
 * the socket (root@localhost, never matched over TCP: the server skips name resolution) needs
 * none, for the start script and cross-database views made in the image.
 */
// As printf formats: % is written %%.
const LOGINS_TO_DROP = ["'root'@'127.0.0.1'", "'root'@'::1'", "''@'localhost'", "''@'%%'"];

/**
 * A clone's PID 1: starts the server from the image's data and, at the clone's first start,
 * gives it the clone's credentials in its init file, which the server runs before it takes any
 * connection (it listens already, but answers none): from its first answer on, only root@'%' with
 * the clone's own password opens the clone over TCP. That costs no client call after the start.
 *
 * The password arrives in PASSWORD_HANDOVER_FILE, is read with `read`, a shell builtin, and
 * reaches the server through printf, another one, on its standard input (the init file), so it is
 * never on a command line nor in any environment. The file is removed once the server answers on
 * its socket, so a restart of the container (the Docker Engine restarted) finds no secret: the
 * data holds the credentials then, and the server starts as it is. Removed any earlier, a restart
 * after a crash before the init file ran would start a server whose credentials were never set.
 */
function cloneStartScript(SERVER_OPTIONS: string[]): string {
  const options = `${SERVER_OPTIONS.join(' ')} --port="\${${LISTEN_PORT_VARIABLE}:-3306}" --bind-address="\${${LISTEN_ADDRESS_VARIABLE}:-0.0.0.0}"`;
  return `${FIND_PROGRAMS}
handover=${PASSWORD_HANDOVER_FILE}
# An image saved from a running clone, or a container started again, holds a server's pid file
# and socket lock; none runs here yet.
rm -f ${SOCKET} ${SOCKET}.lock ${PID_FILE}
if [ "$${HANDOVER_VARIABLE}" = ${HANDOVER_AFTER_START} ] || [ -f "$handover" ]; then
  # Written while the server starts, the hand-over may be on its way: the server reads its init
  # file once its storage engines run, and waits for it then. A restart (the record there and
  # the hand-over removed) gives it an empty one.
  {
    until [ "$${HANDOVER_VARIABLE}" != ${HANDOVER_AFTER_START} ] || [ -e ${PASSWORD_RECORD_FILE} ]; do sleep 0.01; done
    if [ -f "$handover" ]; then
      IFS= read -r password < "$handover"
      printf "DROP USER IF EXISTS ${LOGINS_TO_DROP.join(', ')};\\nALTER USER 'root'@'%%' IDENTIFIED BY '%s' ACCOUNT UNLOCK;\\n" "$password"
    fi
  } | "$SERVER" ${options} --init-file=/dev/stdin &
  server=$!
  (
    # The socket appears before the server runs its init file: waiting for it costs no process
    # per try, where each ping is a client process (tens of milliseconds of CPU while the server
    # itself starts).
    until [ -S ${SOCKET} ]; do
      kill -0 "$server" 2>/dev/null || exit 0
      sleep 0.01
    done
    until "$ADMIN" --no-defaults --socket=${SOCKET} -uroot ping >/dev/null 2>&1; do
      kill -0 "$server" 2>/dev/null || exit 0
      sleep 0.01
    done
    rm -f "$handover"
    echo "${CLONE_READY}"
  ) &
else
  "$SERVER" ${options} &
  server=$!
fi
trap '"$ADMIN" --no-defaults --socket=${SOCKET} -uroot shutdown 2>/dev/null || kill -TERM "$server"' INT TERM
wait "$server"
wait "$server"`;
}

/** Starts the build's server and waits until it answers on its socket; the log says why it would not. */
async function startServer(run: BuildShell, options: string[], label: string): Promise<void> {
  await run.run(
    shell(
      `setsid "$SERVER" ${options.join(' ')} >${SERVER_LOG} 2>&1 </dev/null &
       i=0
       until "$ADMIN" --no-defaults --socket=${SOCKET} -uroot ping >/dev/null 2>&1; do
         i=$((i+1)); if [ $i -gt 3000 ]; then tail -20 ${SERVER_LOG} >&2; exit 1; fi
         if ! kill -0 $! 2>/dev/null; then tail -20 ${SERVER_LOG} >&2; exit 1; fi
         sleep 0.1
       done`,
    ),
    { label },
  );
}

export type SqlInput = ShellInput | { kind: 'text'; text: string };

export function sqlInput(file: string): ShellInput {
  return { kind: 'file', path: file, gunzip: file.endsWith('.gz') };
}

async function createMissingDefiners(run: BuildShell, label: string): Promise<void> {
  await run.run(
    shell(
      `statements=$(printf '%s' "$SQL" | ${CLIENT} -N -r -B)
       [ -z "$statements" ] || printf '%s\\n' "$statements" | ${CLIENT}`,
    ),
    { env: { SQL: MISSING_DEFINERS_QUERY }, label },
  );
}

export async function runSql(run: BuildShell, database: string | undefined, input: SqlInput, label: string) {
  if (input.kind === 'text') {
    await run.run(shell(`printf '%s' "$SQL" | ${CLIENT} ${database ? '--database="$1"' : ''}`, database), {
      env: { SQL: input.text },
      label,
    });
    return;
  }
  await run.run(clientCommand(database), { input, label });
}
