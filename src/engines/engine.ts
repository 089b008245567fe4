import type { Transform } from 'node:stream';
import type { Reporter } from '../core/reporter.js';
import type {
  DatabaseDefinition,
  LiveSource,
  PhysicalBackup,
  ScriptStep,
  SqlSource,
} from '../definition/types.js';
import type { LiveDumpClient } from '../sources/live-source.js';

/**
 * What one database server product needs from dataclone: how to initialise an instance in a
 * build container, restore databases into it, stop it cleanly, start it in a clone with the
 * clone's own password, tell when it accepts queries, and how clients connect to it.
 *
 * Engines run the server binaries directly; they never rely on an image's entrypoint script, so
 * an official image and one built locally behave the same.
 */
export interface Engine {
  readonly name: string;
  /** The port the server listens on inside the container. */
  readonly port: number;
  /** The database superuser clients log in as (postgres, root). */
  readonly superuser: string;
  /** The operating-system user the server runs as in the container (postgres, mysql). */
  readonly serverUser: string;
  /** The database scripts run in when they name none (postgres, mysql). */
  readonly maintenanceDatabase: string;
  /** Where the instance's data lives in a data image: outside any VOLUME, so it is in the layers. */
  readonly dataDirectory: string;
  /**
   * Folders the server fills afresh at every start and needs for that start only (MySQL's
   * temporary tablespaces): a tmpfs in clones, so a clone's start writes nothing of them to
   * disk. The build makes them (a clone's tmpfs takes the mode of the folder it covers, so
   * they are writable by all) and empties them before the commit.
   */
  readonly scratchDirectories: readonly string[];

  /** A command that prints the server binary's version (`postgres --version`), run in a build container. */
  serverVersionCommand(): string[];
  /** Creates the instance in the build container and starts its server. */
  initialise(shell: BuildShell): Promise<void>;
  /**
   * Instead of `initialise`: the instance's files copied from a physical backup, the clone's own
   * settings put in place of the backup's, and the server started (crash recovery). Engines
   * without it do not restore physical backups (the definition refuses them).
   */
  initialiseFromBackup?(shell: BuildShell, backup: PhysicalBackup): Promise<void>;
  createDatabase(shell: BuildShell, name: string): Promise<void>;
  runScript(shell: BuildShell, script: ScriptStep, label: string): Promise<void>;
  restoreDatabase(shell: BuildShell, database: DatabaseDefinition, reporter: Reporter): Promise<void>;
  /**
   * The instance's user databases as the server lists them now, without system ones (template
   * databases and an empty `postgres`; mysql, sys, information_schema, performance_schema):
   * compared before and after a restore, the databases it brought.
   */
  listDatabases(shell: BuildShell): Promise<string[]>;
  /**
   * Runs a dump of a whole server (pg_dumpall, mysqldump --all-databases) in the maintenance
   * database: a file, or a live server's dumped now.
   */
  restoreInstance(
    shell: BuildShell,
    source: SqlSource | LiveSource,
    label: string,
    reporter: Reporter,
  ): Promise<void>;
  /** How the base image's own client dumps a live server, and how the instance reads the dump. */
  readonly liveDump: LiveDumpClient;
  /**
   * Every login that could accept a password from outside, with a fingerprint of its
   * credential: compared before and after a restore, the logins it brought or changed. The
   * superuser's logins, which a clone sets itself, are not listed (MySQL, MariaDB).
   */
  listLogins(shell: BuildShell): Promise<Login[]>;
  /**
   * Makes sure none of these logins accepts the password it came with (PostgreSQL: no password,
   * so it logs in only over the container's trusted socket; MySQL, MariaDB: locked).
   */
  disableLogins(shell: BuildShell, logins: Login[]): Promise<void>;
  /**
   * Whether the instance's databases may connect to the server itself over TCP (postgres_fdw or
   * dblink, FEDERATED tables), which reach it at localhost and the engine's port only in a clone
   * with a network of its own. Asked of the running server before `finalise`.
   */
  connectsToItself(shell: BuildShell, databases: string[]): Promise<boolean>;
  /** Makes the instance cheap to clone (statistics, frozen rows) and stops the server cleanly. */
  finalise(shell: BuildShell): Promise<void>;

  /**
   * A command, run in a clone's container as the server user, that writes everything the server
   * holds in memory to its files, so that a snapshot of the running container (clone save) needs
   * only a short recovery when a clone starts from it.
   */
  checkpointCommand(): string[];
  /**
   * The engine's own client (psql; mariadb or mysql), run in a clone's container as the server
   * user: logged in as the superuser over the server's socket, so with no password, in
   * `database`, with `args` (the user's own client options) after.
   */
  clientCommand(database: string, args: string[]): string[];
  /** How a clone's container starts the server and applies the clone's password. */
  cloneStart(): CloneStart;
  /** Resolves once a real query succeeds with the clone's credentials; rejects on timeout. */
  waitUntilReady(
    endpoint: Endpoint,
    credentials: Credentials,
    database: string,
    signal: AbortSignal,
  ): Promise<void>;
  connectionDetails(
    endpoint: Endpoint,
    credentials: Credentials,
    databases: string[],
    primary: string,
  ): ConnectionDetails;
}

export interface Login {
  /** The role (PostgreSQL) or the account, 'user'@'host' (MySQL, MariaDB). */
  name: string;
  /** A digest of its password hash and how it authenticates; the hash itself never leaves the server. */
  credential: string;
}

/** Runs commands in the build container. Implemented by the image builder over Docker. */
export interface BuildShell {
  /** Runs `command`; throws a BuildStepError carrying standard error when it exits non-zero. */
  run(command: string[], options?: ShellRunOptions): Promise<string>;
  /**
   * Unpacks a tar file (gzip'd or not) or a folder into `directory` of the build container,
   * with the owners the archive records (root for a folder's files): fix them afterwards.
   */
  unpack(input: ShellInput, directory: string, label: string): Promise<void>;
}

export interface ShellRunOptions {
  /** 'root' for set-up only; the default runs as the engine's server user. */
  user?: 'root' | 'server';
  env?: Record<string, string>;
  /** What to feed to standard input, streamed from the machine running dataclone. */
  input?: ShellInput;
  /** Names the step in progress reports and errors, e.g. `restore customers`. */
  label: string;
  onStderrLine?: (line: string) => void;
}

export type ShellInput =
  | {
      kind: 'file';
      path: string;
      gunzip?: boolean;
      /** Rewrites the (decompressed) stream on its way in, e.g. statements the instance cannot run. */
      rewrite?: () => Transform;
    }
  | { kind: 'folder-as-tar'; path: string }
  /** SQL the build writes itself, streamed so that nothing of it is on a command line or in an environment. */
  | { kind: 'text'; text: string };

/**
 * Where a clone's server listens, in the clone's start script: the engine's port on every address
 * of the container's own network (bridge networking, Docker publishes the port), or a port of the
 * Docker host on the bind address (host networking). Unset, the script listens as with bridge
 * networking (a standby's servers); `clone save` clears them so an image never carries a clone's.
 */
export const LISTEN_PORT_VARIABLE = 'DATACLONE_LISTEN_PORT';
export const LISTEN_ADDRESS_VARIABLE = 'DATACLONE_LISTEN_ADDRESS';
/** `host` when the clone shares the Docker host's network: its loopback is then not its own. */
export const NETWORK_VARIABLE = 'DATACLONE_NETWORK';
/** The database clients use first (the image's primary database): the one a start script uses too. */
export const DATABASE_VARIABLE = 'DATACLONE_DATABASE';

/**
 * Where a clone's start script finds the clone's password at its first start: written through the
 * archive API as the container starts (HANDOVER_VARIABLE) or before, read with shell builtins (so never on a command line
 * or in any process's environment) and removed once the server holds the password. A start
 * without it is a restart of the same container (the Docker Engine restarted): the data in its
 * writable layer holds the clone's credentials already.
 */
export const PASSWORD_HANDOVER_FILE = '/tmp/dataclone-handover/password';

/**
 * Where dataclone keeps a clone's password for the steps after its creation: a root-only file on
 * a volume of the clone's container (see clones/clone-password.ts). A start script only asks
 * whether it is there (see HANDOVER_VARIABLE), never reads it.
 */
export const PASSWORD_RECORD_FILE = '/var/lib/dataclone-clone/password';

/**
 * Set to `after-start` in a clone's container when dataclone writes the hand-over while the
 * container starts, not before: one call to the Docker Engine fewer before the server starts,
 * and it overlaps with the server's own start. The record is in the same archive, after the
 * hand-over, so the start script waits for the record: once it is there the hand-over is
 * complete, or (a restart of the container, the hand-over removed long ago) was used already.
 */
export const HANDOVER_VARIABLE = 'DATACLONE_HANDOVER';
export const HANDOVER_AFTER_START = 'after-start';

export interface CloneStart {
  entrypoint: string[];
  user: string;
  /** Environment of the clone's container: never the password (see PASSWORD_HANDOVER_FILE). */
  env: Record<string, string>;
  /**
   * A line the container logs once the server runs with the clone's password, and before it
   * takes any connection with other credentials.
   */
  readyLogLine: string;
}

export interface Endpoint {
  host: string;
  port: number;
}

export interface Credentials {
  user: string;
  password: string;
}

export interface DatabaseConnection {
  name: string;
  url: string;
  jdbcUrl: string;
}

export interface ConnectionDetails {
  engine: string;
  host: string;
  port: number;
  user: string;
  password: string;
  primaryDatabase: string;
  databases: DatabaseConnection[];
  /** The engine's usual client variables (PGHOST, PGPORT, ...) for the primary database. */
  clientEnvironment: Record<string, string>;
}

/**
 * A database's URL and JDBC URL, every part encoded: the user and password, the host (an IPv6
 * address in brackets) and the database name as a path segment, so that no part can add to the
 * URL what it does not say (a name with `?socketFactory=...` sets no driver option).
 */
export function databaseConnection(
  schemes: { url: string; jdbc: string },
  endpoint: Endpoint,
  credentials: Credentials,
  name: string,
): DatabaseConnection {
  const auth = `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}`;
  const server = `${urlHost(endpoint.host)}:${endpoint.port}`;
  const path = encodeURIComponent(name);
  return {
    name,
    url: `${schemes.url}://${auth}@${server}/${path}`,
    jdbcUrl: `${schemes.jdbc}://${server}/${path}`,
  };
}

function urlHost(host: string): string {
  if (host.includes(':')) return `[${host.replace(/^\[|\]$/g, '')}]`;
  return encodeURIComponent(host);
}
