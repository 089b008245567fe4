/**
 * Which server an image runs, and whether that is the major version a definition or a data
 * image's label names. A data directory starts only under the major version that wrote it (and
 * what differs between versions is chosen from the label), so a definition's `version` must be
 * the base image's, and a data image must run the server its label names.
 */

/** The server product and version, e.g. PostgreSQL 15.10, MariaDB 11.8.2, MySQL 9.7.0. */
export interface ServerVersion {
  product: 'PostgreSQL' | 'MariaDB' | 'MySQL';
  version: string;
}

/** The product that runs a dataclone engine's instances. */
export const ENGINE_PRODUCTS: Record<string, ServerVersion['product']> = {
  postgres: 'PostgreSQL',
  mariadb: 'MariaDB',
  mysql: 'MySQL',
};

/**
 * What a server binary prints for `--version`: `postgres (PostgreSQL) 15.10 (Debian ...)`,
 * `mariadbd  Ver 11.8.2-MariaDB-ubu2404 for debian-linux-gnu`, `mysqld  Ver 10.11.6-MariaDB-0+deb12u1`
 * (MariaDB's older name), `mysqld  Ver 9.7.0 for Linux on x86_64 (MySQL Community Server - GPL)`.
 */
export function parseServerVersion(text: string): ServerVersion | undefined {
  const version = /\b(\d+\.\d+(?:\.\d+)?)/.exec(text)?.[1];
  if (!version) return undefined;
  if (/PostgreSQL/.test(text)) return { product: 'PostgreSQL', version };
  if (/MariaDB/i.test(text)) return { product: 'MariaDB', version };
  if (/mysqld|MySQL/.test(text)) return { product: 'MySQL', version };
  return undefined;
}

/**
 * The server version an image's environment declares, as the official images set it
 * (PG_MAJOR, or the server's folder on PATH; MARIADB_VERSION; MYSQL_VERSION or MYSQL_MAJOR;
 * images built FROM them inherit it); undefined when it declares none.
 */
export function declaredServerVersion(
  engine: string,
  env: Record<string, string>,
): ServerVersion | undefined {
  const numeric = (value: string | undefined) =>
    // MARIADB_VERSION=1:11.8.2+maria~ubu2404, MYSQL_VERSION=9.1.0-1.el9, MYSQL_MAJOR=innovation.
    value ? /^(?:\d+:)?(\d+(?:\.\d+)*)/.exec(value)?.[1] : undefined;
  const version =
    engine === 'postgres'
      ? (numeric(env.PG_MAJOR) ?? /\/usr\/lib\/postgresql\/(\d+)\/bin/.exec(env.PATH ?? '')?.[1])
      : engine === 'mariadb'
        ? (numeric(env.MARIADB_VERSION) ?? numeric(env.MARIADB_MAJOR))
        : engine === 'mysql'
          ? (numeric(env.MYSQL_VERSION) ?? numeric(env.MYSQL_MAJOR))
          : undefined;
  const product = ENGINE_PRODUCTS[engine];
  return version && product ? { product, version } : undefined;
}

/** Whether a server of `server`'s version is of the major version `version` (e.g. "15", "11.8", "9"). */
export function isOfVersion(server: ServerVersion, version: string): boolean {
  return (
    server.version === version ||
    server.version.startsWith(`${version}.`) ||
    version.startsWith(`${server.version}.`)
  );
}

/** `PostgreSQL 15.10` */
export function describeServer(server: ServerVersion): string {
  return `${server.product} ${server.version}`;
}
