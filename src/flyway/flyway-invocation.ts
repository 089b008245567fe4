import { DatacloneError } from '../core/errors.js';

/** One database to migrate: where it is, who to connect as, where its migrations are. */
export interface FlywayTarget {
  database: string;
  jdbcUrl: string;
  user: string;
  /** Secret: only ever in the child's environment (FLYWAY_PASSWORD), never in its arguments. */
  password: string;
  /** Absolute folders of migrations. */
  locations: string[];
}

/** The user's Flyway settings, the same for every database of a job. */
export interface FlywaySettings {
  /** The Flyway executable; default `flyway` on PATH, else the official Docker image. */
  executable?: string;
  /** flyway.toml or flyway.conf files (one kind, not both). */
  configFiles?: string[];
  /** Where Flyway runs, and where it finds a flyway.toml of its own. */
  workingDirectory?: string;
  placeholders?: Record<string, string>;
  /** Default true: a data image's databases already hold tables, so the first migrate baselines. */
  baselineOnMigrate?: boolean;
  /** More Flyway flags, passed as they are (never -url, -user or -password). */
  extraArgs?: string[];
}

export interface FlywayInvocation {
  args: string[];
  env: Record<string, string>;
}

const REFUSED_FLAGS = /^-(url|user|password)=/i;

/**
 * The command line and environment of one `flyway migrate`. Connection details travel in
 * Flyway's environment variables, which the command line overrides, so the user's config files
 * cannot point a migration at another database, and the password is never on a command line.
 */
export function flywayInvocation(target: FlywayTarget, settings: FlywaySettings): FlywayInvocation {
  const extra = settings.extraArgs ?? [];
  const refused = extra.find((arg) => REFUSED_FLAGS.test(arg));
  if (refused) {
    throw new DatacloneError(
      `flyway arguments: '${refused.split('=')[0]}' cannot be given: dataclone connects Flyway to each clone itself`,
      'Remove it; the url, user and password of every clone reach Flyway through its environment.',
    );
  }
  checkConfigFiles(settings.configFiles ?? []);
  const args = [
    '-outputType=json',
    '-outputLogsInJson=true',
    '-skipCheckForUpdate',
    `-url=${target.jdbcUrl}`,
    `-user=${target.user}`,
  ];
  if (target.locations.length)
    args.push(`-locations=${target.locations.map((folder) => `filesystem:${folder}`).join(',')}`);
  if (settings.configFiles?.length) args.push(`-configFiles=${settings.configFiles.join(',')}`);
  if (settings.workingDirectory) args.push(`-workingDirectory=${settings.workingDirectory}`);
  if (settings.baselineOnMigrate ?? true) args.push('-baselineOnMigrate=true');
  for (const [key, value] of Object.entries(settings.placeholders ?? {}))
    args.push(`-placeholders.${key}=${value}`);
  args.push(...extra, 'migrate');
  return { args, env: { FLYWAY_PASSWORD: target.password } };
}

function checkConfigFiles(files: string[]): void {
  const kinds = new Set(files.map((file) => (file.endsWith('.toml') ? 'toml' : 'conf')));
  if (kinds.size > 1) {
    throw new DatacloneError(
      `flyway config files: ${files.join(', ')} mix flyway.toml and flyway.conf files, which Flyway refuses`,
      'Give files of one kind: Flyway 10 and later read flyway.toml.',
    );
  }
}
