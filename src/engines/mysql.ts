import path from 'node:path';
import mysql from 'mysql2/promise';
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
import { LISTEN_ADDRESS_VARIABLE, LISTEN_PORT_VARIABLE } from './engine.js';
import { mysqlInstanceRestore } from './mysql-instance-restore.js';
import { pollUntilReady } from './readiness.js';

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

/** MariaDB names its programs mariadb*, MySQL mysql*; older MariaDB images have only mysql*. */
const FIND_PROGRAMS = [
  'SERVER=$(command -v mariadbd || command -v mysqld)',
  'CLIENT=$(command -v mariadb || command -v mysql)',
  'ADMIN=$(command -v mariadb-admin || command -v mysqladmin)',
].join('; ');

/**
 * Options on the command line, after --no-defaults: a server configured by the image's my.cnf
 * (bind-address = 127.0.0.1 in Debian's, a datadir in the VOLUME) would behave differently from
 * one image to the next. Durability is switched off: a clone is thrown away at the end of a job.
 * A small redo log matters most: a clone's first write to it copies the whole file into the
 * clone's writable layer.
 */
const SERVER_OPTIONS = [
  '--no-defaults',
  `--datadir=${DATA_DIRECTORY}`,
  `--socket=${SOCKET}`,
  `--pid-file=${PID_FILE}`,
  '--port=3306',
  '--bind-address=0.0.0.0',
  '--skip-name-resolve',
  '--character-set-server=utf8mb4',
  '--innodb-flush-log-at-trx-commit=0',
  '--skip-innodb-doublewrite',
  '--innodb-log-file-size=8M',
  // The system and temporary tablespaces start at 12 MB each, copied into every clone.
  '--innodb-data-file-path=ibdata1:1M:autoextend',
  '--innodb-temp-data-file-path=ibtmp1:1M:autoextend',
  '--innodb-autoextend-increment=1',
  '--innodb-buffer-pool-size=64M',
  '--performance-schema=OFF',
  '--skip-log-bin',
  '--loose-innodb-redo-log-capacity=8M',
  '--loose-mysqlx=OFF',
  '--loose-innodb-buffer-pool-dump-at-shutdown=0',
  '--loose-innodb-buffer-pool-load-at-startup=0',
];

export const CLIENT = '"$CLIENT" --no-defaults --protocol=socket --socket=' + SOCKET + ' -uroot';

/** Reads SQL on standard input; stops at the first error, like psql with ON_ERROR_STOP. */
function clientCommand(database?: string): string[] {
  return shell(`${CLIENT} --default-character-set=utf8mb4 ${database ? `--database="$1"` : ''}`, database);
}

export function shell(script: string, ...args: (string | undefined)[]): string[] {
  return ['sh', '-c', `${FIND_PROGRAMS}; set -e; ${script}`, 'sh', ...args.filter((a) => a !== undefined)];
}

export function mysqlEngine(flavour: MysqlFlavour): Engine {
  return {
    name: flavour,
    port: 3306,
    superuser: 'root',
    serverUser: 'mysql',
    maintenanceDatabase: 'mysql',
    dataDirectory: DATA_DIRECTORY,
    ...mysqlInstanceRestore(flavour),

    async initialise(run) {
      await run.run(['sh', '-c', 'mkdir -p "$1" && chown mysql: "$1"', 'sh', DATA_DIRECTORY], {
        user: 'root',
        label: 'prepare the data directory',
      });
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
      await run.run(
        shell(
          `setsid "$SERVER" ${SERVER_OPTIONS.join(' ')} >${SERVER_LOG} 2>&1 </dev/null &
           i=0
           until "$ADMIN" --no-defaults --socket=${SOCKET} -uroot ping >/dev/null 2>&1; do
             i=$((i+1)); if [ $i -gt 3000 ]; then tail -20 ${SERVER_LOG} >&2; exit 1; fi
             if ! kill -0 $! 2>/dev/null; then tail -20 ${SERVER_LOG} >&2; exit 1; fi
             sleep 0.1
           done`,
        ),
        { label: 'start the server' },
      );
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

    async restoreDatabase(run, database: DatabaseDefinition, _reporter: Reporter) {
      const label = `restore database ${database.name}`;
      const source = database.source;
      switch (source.kind) {
        case 'empty':
        case 'instance':
          return;
        case 'sql':
        case 'sql-gz':
          // A dump that creates its own database (mysqldump --databases) switches to it with USE.
          return runSql(
            run,
            source.createsDatabase ? undefined : database.name,
            sqlInput(source.path),
            label,
          );
        case 'scripts':
          for (const file of source.files) {
            await runSql(run, database.name, sqlInput(file), `${label}: ${path.basename(file)}`);
          }
          return;
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
      await run.run(['sh', '-c', `rm -f ${SERVER_LOG}`], { user: 'root', label: 'tidy up' });
    },

    checkpointCommand() {
      return shell(`${CLIENT} -e "FLUSH TABLES"`);
    },

    cloneStart(): CloneStart {
      return {
        entrypoint: ['/bin/sh', '-c', cloneStartScript()],
        user: 'mysql',
        env: {},
        passwordVariable: 'DATACLONE_PASSWORD',
        readyLogLine: CLONE_READY,
      };
    },

    async waitUntilReady(endpoint, credentials, database, signal) {
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
      const auth = `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}`;
      const jdbcScheme = flavour === 'mariadb' ? 'jdbc:mariadb' : 'jdbc:mysql';
      return {
        engine: flavour,
        host: endpoint.host,
        port: endpoint.port,
        user: credentials.user,
        password: credentials.password,
        primaryDatabase: primary,
        databases: databases.map((name) => ({
          name,
          url: `mysql://${auth}@${endpoint.host}:${endpoint.port}/${encodeURIComponent(name)}`,
          jdbcUrl: `${jdbcScheme}://${endpoint.host}:${endpoint.port}/${name}`,
        })),
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

/**
 * A clone's PID 1: starts the server from the image's data and, as soon as it answers on its
 * socket, unlocks root@'%' with the clone's own password, then waits. The password arrives in
 * the environment and reaches the client through printf, a shell builtin, so it is never on a
 * command line; until it is set, the login from outside is locked.
 */
function cloneStartScript(): string {
  return `${FIND_PROGRAMS}
# An image saved from a running clone holds that server's pid and socket lock; none runs here yet.
rm -f ${SOCKET} ${SOCKET}.lock ${PID_FILE}
"$SERVER" ${SERVER_OPTIONS.join(' ')} --port="\${${LISTEN_PORT_VARIABLE}:-3306}" --bind-address="\${${LISTEN_ADDRESS_VARIABLE}:-0.0.0.0}" &
server=$!
trap '"$ADMIN" --no-defaults --socket=${SOCKET} -uroot shutdown 2>/dev/null || kill -TERM "$server"' INT TERM
# The socket appears once the server is about to accept connections: waiting for it costs no
# process per try, where a client costs tens of milliseconds each.
until [ -S ${SOCKET} ]; do
  if ! kill -0 "$server" 2>/dev/null; then wait "$server"; exit $?; fi
  sleep 0.01
done
# mariadb-install-db also makes passwordless root logins for 127.0.0.1 and ::1: a clone on the
# host's network would let any local process in as root through them. Dropped here, in the same
# client call that sets the password, so that images from any build are covered. (The login for
# the build container's name is never matched: the server skips name resolution.)
until printf "DROP USER IF EXISTS 'root'@'127.0.0.1', 'root'@'::1';\\nALTER USER 'root'@'%%' IDENTIFIED BY '%s' ACCOUNT UNLOCK;\\n" "$DATACLONE_PASSWORD" | ${CLIENT} >/dev/null 2>&1; do
  if ! kill -0 "$server" 2>/dev/null; then wait "$server"; exit $?; fi
  sleep 0.01
done
unset DATACLONE_PASSWORD
echo "${CLONE_READY}"
wait "$server"
wait "$server"`;
}

export type SqlInput = ShellInput | { kind: 'text'; text: string };

export function sqlInput(file: string): ShellInput {
  return { kind: 'file', path: file, gunzip: file.endsWith('.gz') };
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
