import { formatBytes } from '../core/bytes.js';
import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import type { ImageDefinition, LiveSource } from '../definition/types.js';
import type { BuildShell } from '../engines/engine.js';
import { missingObjectHint } from '../images/build-shell.js';

/** What an engine dumps from a live server: one database, or the whole server. */
export type LiveScope = 'database' | 'instance';

/**
 * An engine's side of live sources, as shell functions the stream below calls:
 * `dump_source` writes the dump to standard output, `restore_target` reads it from standard
 * input. They find the source in SOURCE_HOST, SOURCE_PORT, SOURCE_USER, SOURCE_DATABASE,
 * SOURCE_PASSWORD (set only when the definition names passwordEnv) and SOURCE_SSLMODE, the
 * database to fill in TARGET_DATABASE (unset for an instance), and a private folder for files
 * that must not outlive the dump (a client's defaults file) in $dir.
 */
export interface LiveDumpClient {
  dumpFunction(scope: LiveScope): string;
  restoreFunction(scope: LiveScope): string;
}

/**
 * Dumps a live server inside the build container with the base image's own client, so that the
 * client matches the server's major version, straight into the restore: `dump | dd | restore`,
 * no temporary copy, dd counting the bytes for progress. The credentials are read from the
 * environment variables the definition names, now, and reach the container in the exec's
 * environment: never on a command line, never in the image (the commit sees no exec's
 * environment, and $dir is removed when the stream ends).
 */
export async function streamLiveSource(
  shell: BuildShell,
  client: LiveDumpClient,
  source: LiveSource,
  target: { scope: LiveScope; database?: string; label: string; reporter: Reporter },
): Promise<void> {
  const { reporter, label } = target;
  const credentials = readCredentials(source);
  if (credentials.password !== undefined) reporter.maskSecret(credentials.password);
  const started = performance.now();
  let bytes = 0;
  const out = await shell.run(['sh', '-c', streamScript(client, target.scope)], {
    env: {
      SOURCE_HOST: source.host,
      SOURCE_PORT: String(source.port),
      SOURCE_USER: credentials.user,
      ...(source.database !== undefined && { SOURCE_DATABASE: source.database }),
      ...(source.sslmode !== undefined && { SOURCE_SSLMODE: source.sslmode }),
      ...(credentials.password !== undefined && { SOURCE_PASSWORD: credentials.password }),
      ...(target.database !== undefined && { TARGET_DATABASE: target.database }),
    },
    label,
    onStderrLine: (line) => {
      const copied = /^(\d+) bytes/.exec(line);
      if (!copied) return;
      bytes = Number(copied[1]);
      reporter.progress({ task: label, done: bytes, unit: 'bytes' });
    },
  });
  const outcome = readOutcome(out);
  const scrub = (text: string) =>
    credentials.password ? text.replaceAll(credentials.password, '***') : text;
  if (outcome.dumpFailed) {
    throw new DatacloneError(
      `${source.field}: could not dump ${source.url} (host ${source.host}, port ${source.port}) as user '${credentials.user}':\n${indent(scrub(outcome.dumpErrors))}`,
      `Check that the build container reaches ${source.host}:${source.port} (image build --network joins it to a Docker network), and that the user${source.userEnv ? ` in ${source.userEnv}` : ''}${source.passwordEnv ? ` and the password in ${source.passwordEnv}` : ''} may read ${target.scope === 'instance' ? 'the whole server' : `database ${source.database}`}; nothing was tagged.`,
    );
  }
  if (outcome.restoreFailed) {
    throw new DatacloneError(
      `image build failed at step "${label}": the dump of ${source.url} did not restore:\n${indent(scrub(outcome.restoreErrors))}`,
      `${missingObjectHint(outcome.restoreErrors) ?? 'Fix what the restore names and build again'}; nothing was tagged.`,
    );
  }
  reporter.info(
    `Dumped ${formatBytes(bytes)} from ${source.url} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * Reads the credentials of every live source of the definition: a variable that is not set
 * fails the build before it starts a container, not half way through.
 */
export function checkLiveCredentials(definition: ImageDefinition): void {
  const sources = [definition.instance?.source, ...definition.databases.map((db) => db.source)];
  for (const source of sources) if (source?.kind === 'live') readCredentials(source);
}

/** The user and password, from the URL and the environment variables the definition names. */
export function readCredentials(
  source: LiveSource,
  env: NodeJS.ProcessEnv = process.env,
): { user: string; password?: string } {
  const variable = (name: string, field: 'userEnv' | 'passwordEnv') => {
    const value = env[name];
    if (value === undefined || value === '') {
      throw new DatacloneError(
        `${source.field}.${field}: the environment variable ${name} is not set, so the build cannot log in to ${source.url}`,
        `Set ${name} in the environment of the build (a CI secret: GitHub secrets, an Azure secret variable).`,
      );
    }
    if (/[\r\n\0]/.test(value)) {
      throw new DatacloneError(
        `${source.field}.${field}: the environment variable ${name} holds a line break or NUL, which no client takes`,
        `Set ${name} to the ${field === 'userEnv' ? 'user' : 'password'} alone.`,
      );
    }
    return value;
  };
  const user = source.user ?? variable(source.userEnv ?? '', 'userEnv');
  if (source.passwordEnv === undefined) return { user };
  return { user, password: variable(source.passwordEnv, 'passwordEnv') };
}

/**
 * The dump's and the restore's exit status and standard error each go to a file of their own,
 * reported on standard output once both have ended: a dump that cannot connect writes nothing,
 * and a restore of nothing succeeds, so only the dump's own status tells that it failed.
 * Standard error carries dd's progress alone.
 */
function streamScript(client: LiveDumpClient, scope: LiveScope): string {
  return `dir=$(mktemp -d /tmp/dataclone-live.XXXXXX) || exit 1
trap 'rm -rf "$dir"' EXIT
${client.dumpFunction(scope)}
${client.restoreFunction(scope)}
{ dump_source 2>"$dir/dump.err"; echo $? >"$dir/dump.status"; } |
  dd bs=1M iflag=fullblock status=progress |
  { restore_target >/dev/null 2>"$dir/restore.err"; echo $? >"$dir/restore.status"; }
echo "dump $(cat "$dir/dump.status")"
echo "restore $(cat "$dir/restore.status")"
echo "${DUMP_ERRORS}"
tail -n 20 "$dir/dump.err"
echo "${RESTORE_ERRORS}"
tail -n 20 "$dir/restore.err"`;
}

const DUMP_ERRORS = '--- dataclone: dump errors';
const RESTORE_ERRORS = '--- dataclone: restore errors';

/**
 * A dump that failed by itself (not broken off because the restore stopped reading) is the
 * cause, whatever the restore then did; otherwise a restore that failed is.
 */
function readOutcome(out: string) {
  const status = (name: string) => new RegExp(`^${name} (\\d+)$`, 'm').exec(out)?.[1];
  const dumpErrors = between(out, DUMP_ERRORS, RESTORE_ERRORS).trim();
  const restoreErrors = between(out, RESTORE_ERRORS).trim();
  const restoreFailed = status('restore') !== '0';
  // 141: killed by SIGPIPE; pg_dump and mysqldump may instead say so and exit 1.
  const brokenOff =
    restoreFailed && (status('dump') === '141' || /broken pipe|Got errno 32/i.test(dumpErrors));
  const dumpFailed = status('dump') !== '0' && !brokenOff;
  return {
    dumpFailed,
    restoreFailed,
    dumpErrors: dumpErrors || '(no output)',
    restoreErrors: restoreErrors || '(no output)',
  };
}

function between(text: string, start: string, end?: string): string {
  const from = text.indexOf(start);
  if (from < 0) return '';
  const to = end === undefined ? text.length : text.indexOf(end, from);
  return text.slice(from + start.length, to < 0 ? text.length : to);
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}
