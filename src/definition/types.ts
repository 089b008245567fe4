import type { MaskDefinition } from '../masking/types.js';
import type { MigrationThresholds } from '../migration-checks/thresholds.js';

/** An image definition (`dataclone.yaml`) after validation, with every path made absolute. */
export interface ImageDefinition {
  /** Absolute path of the definition file. */
  file: string;
  /** The folder the definition's relative paths are resolved against. */
  directory: string;
  name: string;
  engine: EngineName;
  /** Major version of the server, as written ("15", "8.0", "11.4"). */
  version: string;
  /** Image the build container starts from; the official one for the engine unless given. */
  baseImage: string;
  /** The databases in restore order: every database comes after those it depends on. */
  databases: DatabaseDefinition[];
  /**
   * The database DATABASE_URL points at: `primary` if given, else the first one listed. Empty
   * when an instance source brings every database: the build then takes the first it finds.
   */
  primaryDatabase: string;
  /** A dump of a whole server, restored before the databases' own sources; its databases are found after. */
  instance?: InstanceDefinition;
  /** Scripts run before any restore (roles, extensions), in the order listed. */
  setup: ScriptStep[];
  /** Scripts run after every restore (masking, sanitising), in the order listed. */
  after: ScriptStep[];
  /** Masking rules, run after every restore and before the after scripts. */
  mask?: MaskDefinition;
  labels: Record<string, string>;
  /** sha256 over the definition text and every file it references, as `sha256:<hex>`. */
  digest: string;
}

/** mariadb is the mysql engine with MariaDB's official image as its default base image. */
export type EngineName = 'postgres' | 'mysql' | 'mariadb';

export interface DatabaseDefinition {
  name: string;
  source: DatabaseSource;
  /** Names of databases that must be restored (and migrated) before this one. */
  dependsOn: string[];
  /** Absolute path of the folder of Flyway migrations for this database, when given. */
  migrations?: string;
  /** Thresholds that fail the migrate step when its migrations cross them. */
  checks?: MigrationThresholds;
}

export type DatabaseSource =
  | { kind: 'empty' }
  /** The database comes from the definition's instance source; the entry adds migrations and order. */
  | { kind: 'instance' }
  | { kind: 'pg-custom'; path: string }
  | { kind: 'pg-directory'; path: string }
  | SqlSource
  | { kind: 'scripts'; path: string; files: string[] }
  | LiveSource;

/**
 * A running server the build dumps from with the base image's own client (pg_dump, pg_dumpall;
 * mysqldump or mariadb-dump), streamed into the restore. Its credentials are read from the
 * environment variables named here when the build runs: never from the definition, never on a
 * command line.
 */
export interface LiveSource {
  kind: 'live';
  /** The URL as written, without credentials: what logs and errors show. */
  url: string;
  host: string;
  port: number;
  /** The database to dump; undefined for a whole server (an instance source). */
  database?: string;
  /** The user, when the URL names it; else read from userEnv. */
  user?: string;
  userEnv?: string;
  passwordEnv?: string;
  /** PostgreSQL's sslmode, from ?sslmode= in the URL. */
  sslmode?: string;
  /** `file: field` of the source in the definition, for errors raised when the build runs. */
  field: string;
}

export interface SqlSource {
  kind: 'sql' | 'sql-gz';
  path: string;
  /**
   * The script creates and connects to its own database (pg_dump --create, mysqldump
   * --databases): it runs in the maintenance database, and the build does not create it first.
   */
  createsDatabase?: boolean;
}

/** A dump (a file, or a live server's) or a backup of a whole server: exactly one of the two. */
export type InstanceDefinition =
  | {
      /** A pg_dumpall script, or mysqldump --all-databases / --databases output (.sql or .sql.gz). */
      source: SqlSource | LiveSource;
      backup?: undefined;
    }
  | { source?: undefined; backup: PhysicalBackup };

/**
 * pg_basebackup output: a plain copy of the data directory, or tar files (gzip'd or not); or a
 * prepared mariabackup (mariadb-backup) folder, or a tar of it.
 */
export type PhysicalBackup =
  | { kind: 'pg-basebackup-plain'; path: string }
  | {
      kind: 'mariabackup';
      /** The folder mariabackup --backup --target-dir wrote (and --prepare prepared), or a tar of its content. */
      path: string;
      form: 'folder' | 'tar' | 'tar.gz';
    }
  | {
      kind: 'pg-basebackup-tar';
      /** base.tar or base.tar.gz. */
      base: string;
      /** pg_wal.tar(.gz), written beside base.tar by -X stream; -X fetch puts the WAL in base.tar. */
      wal?: string;
    };

export interface ScriptStep {
  /** Absolute path of the script (.sql or .sql.gz). */
  path: string;
  /** The database it runs in; undefined means the engine's maintenance database. */
  database?: string;
}
