import type { MaskSettings } from '../masking/classify/mask-rules.js';
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
  labels: Record<string, string>;
  /** Masking: what classify needs of it (`require`, `rules`). */
  mask?: MaskSettings;
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
  | { kind: 'scripts'; path: string; files: string[] };

export interface SqlSource {
  kind: 'sql' | 'sql-gz';
  path: string;
  /**
   * The script creates and connects to its own database (pg_dump --create, mysqldump
   * --databases): it runs in the maintenance database, and the build does not create it first.
   */
  createsDatabase?: boolean;
}

/** A dump or a backup of a whole server: exactly one of the two. */
export type InstanceDefinition =
  | {
      /** A pg_dumpall script, or mysqldump --all-databases / --databases output (.sql or .sql.gz). */
      source: SqlSource;
      backup?: undefined;
    }
  | { source?: undefined; backup: PhysicalBackup };

/** pg_basebackup output: a plain copy of the data directory, or tar files (gzip'd or not). */
export type PhysicalBackup =
  | { kind: 'pg-basebackup-plain'; path: string }
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
