import { fieldName, FieldProblem, locate, type DefinitionSite, type FieldPath } from './definition-error.js';
import type { EngineName, LiveSource } from './types.js';

/** A live source as written: a URL, or a URL and the environment variables holding its credentials. */
export type RawLiveSource = string | { url: string; userEnv?: string; passwordEnv?: string };

/** `postgresql://`, `mysql://`, ...: a source written as a URL is a live server, not a file. */
export function isLiveSourceUrl(written: unknown): boolean {
  return typeof written === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(written);
}

/** Where a live source sits in the definition (`file:line:column: databases[0].source`), for errors raised when the build runs. */
export function liveField(site: DefinitionSite, field: FieldPath): string {
  return `${locate(site, field)}: ${fieldName(field).replace(/: $/, '')}`;
}

const SCHEMES: Record<EngineName, string[]> = {
  postgres: ['postgresql', 'postgres'],
  mysql: ['mysql'],
  mariadb: ['mariadb', 'mysql'],
};

const DEFAULT_PORTS: Record<EngineName, number> = { postgres: 5432, mysql: 3306, mariadb: 3306 };

/** Names the clients take as they are (no `=`, which libpq reads as connection options). */
const DATABASE_NAME = /^[A-Za-z0-9_$.][A-Za-z0-9_$.-]{0,63}$/;

/**
 * A live server's URL checked and taken apart. `database` is the entry's name when the source
 * fills one database (the URL may name another database to dump), undefined for an instance.
 */
export function resolveLiveSource(
  raw: RawLiveSource,
  engine: EngineName,
  target: { database?: string; field: string },
): LiveSource {
  const written = typeof raw === 'string' ? { url: raw } : raw;
  const url = parseUrl(written.url, engine);
  const scheme = url.protocol.replace(/:$/, '');
  const shown = withoutCredentials(url);
  if (!SCHEMES[engine].includes(scheme)) {
    throw new FieldProblem(
      `"${shown}" is a ${scheme}:// URL, and this image's engine is ${engine}`,
      `Give ${engine} a ${SCHEMES[engine].map((s) => `${s}://`).join(' or ')} URL (${exampleUrl(engine)}).`,
    );
  }
  if (url.password !== '') {
    throw new FieldProblem(
      `the URL "${shown}" carries a password, and a definition must not hold one`,
      `Remove it from the URL and name the environment variable that holds it: source: { url: ${shown}, passwordEnv: SOURCE_PASSWORD }.`,
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === '') {
    throw new FieldProblem(`the URL "${shown}" names no host`, `Write it as ${exampleUrl(engine)}.`);
  }
  const user = url.username === '' ? undefined : decodeURIComponent(url.username);
  if (user !== undefined && written.userEnv !== undefined) {
    throw new FieldProblem(
      `the URL "${shown}" names user '${user}', and userEnv names another place for it`,
      'Keep one of the two: the user in the URL, or userEnv.',
    );
  }
  if (user === undefined && written.userEnv === undefined) {
    throw new FieldProblem(
      `the URL "${shown}" names no user to log in as`,
      `Put it in the URL (${exampleUrl(engine).replace('://', '://reader@')}), or name the environment variable that holds it with userEnv.`,
    );
  }
  return {
    kind: 'live',
    url: shown,
    host,
    port: url.port === '' ? DEFAULT_PORTS[engine] : Number(url.port),
    ...databaseOf(url, engine, target.database, shown),
    ...(user !== undefined && { user }),
    ...(written.userEnv !== undefined && { userEnv: written.userEnv }),
    ...(written.passwordEnv !== undefined && { passwordEnv: written.passwordEnv }),
    ...optionsOf(url, engine, shown),
    field: target.field,
  };
}

function parseUrl(written: string, engine: EngineName): URL {
  try {
    return new URL(written);
  } catch {
    // The text may hold a password: the error does not repeat it.
    throw new FieldProblem(
      'this is not a URL a live source can be read from',
      `Write it as ${exampleUrl(engine)}.`,
    );
  }
}

/**
 * The database to dump: the URL's path, else the entry's own name. An instance source dumps the
 * whole server: PostgreSQL's path is then the database pg_dumpall first connects to.
 */
function databaseOf(
  url: URL,
  engine: EngineName,
  entry: string | undefined,
  shown: string,
): { database?: string } {
  const path = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (entry === undefined && path !== '' && engine !== 'postgres') {
    throw new FieldProblem(
      `the instance source "${shown}" names database '${path}', and an instance source dumps every database`,
      `Leave the database out (${exampleUrl(engine).replace(/\/[^/]*$/, '')}), or list it under databases with this URL as its source.`,
    );
  }
  const database = path || entry;
  if (database === undefined) return {};
  if (!DATABASE_NAME.test(database)) {
    throw new FieldProblem(
      `the URL "${shown}" names database '${database}', which live sources cannot dump`,
      'A live source dumps a database whose name is letters, digits, _, $, . and - (at most 64); dump others to a file and give that file as the source.',
    );
  }
  return { database };
}

function optionsOf(url: URL, engine: EngineName, shown: string): { sslmode?: string } {
  const options: { sslmode?: string } = {};
  for (const [name, value] of url.searchParams) {
    if (engine === 'postgres' && name === 'sslmode' && /^[a-z-]+$/.test(value)) {
      options.sslmode = value;
      continue;
    }
    throw new FieldProblem(
      `the URL "${shown}" sets ${name}, which live sources do not take`,
      engine === 'postgres'
        ? 'The only option a live source takes is sslmode (?sslmode=require).'
        : 'Leave the options out: a live source takes the host, port, user and database from the URL.',
    );
  }
  return options;
}

/** The URL as it may be shown: no user's password in it, whatever was written. */
function withoutCredentials(url: URL): string {
  const copy = new URL(url.href);
  copy.password = '';
  return copy.href;
}

function exampleUrl(engine: EngineName): string {
  return engine === 'postgres'
    ? 'postgresql://replica.internal:5432/orders'
    : 'mysql://replica.internal:3306/orders';
}
