import type { LiveDumpClient } from '../sources/live-source.js';
import { FIND_BINARIES, PSQL } from './postgres-client.js';

/**
 * libpq's own variables for the source, set in the dump's subshell only: psql, restoring over
 * the socket, never sees them. -w: a missing or wrong password fails at once, no prompt.
 */
const SOURCE_CONNECTION = `[ -z "\${SOURCE_PASSWORD+x}" ] || export PGPASSWORD="$SOURCE_PASSWORD"
  [ -z "\${SOURCE_SSLMODE:-}" ] || export PGSSLMODE="$SOURCE_SSLMODE"
  export PGCONNECT_TIMEOUT=10`;

/**
 * pg_dump of one database as plain SQL, without owners and privileges: it restores into an
 * instance that lacks the source's roles, owned by postgres. pg_dumpall of a whole server, its
 * roles without their passwords (a production password hash never reaches the image), and
 * pg_dumpall's `CREATE ROLE postgres` left out as for a dump file (pg-dumpall-roles.ts):
 * postgres is the instance's own superuser.
 */
export const postgresLiveDump: LiveDumpClient = {
  dumpFunction(scope) {
    const dump =
      scope === 'instance'
        ? 'pg_dumpall -w -h "$SOURCE_HOST" -p "$SOURCE_PORT" -U "$SOURCE_USER" ${SOURCE_DATABASE:+-l "$SOURCE_DATABASE"} --no-role-passwords'
        : 'pg_dump -w -h "$SOURCE_HOST" -p "$SOURCE_PORT" -U "$SOURCE_USER" -d "$SOURCE_DATABASE" --no-owner --no-privileges';
    return `dump_source() (
  ${FIND_BINARIES}
  ${SOURCE_CONNECTION}
  exec ${dump}
)`;
  },

  restoreFunction(scope) {
    const psql = `${PSQL.join(' ')} -d "\${TARGET_DATABASE:-postgres}" -f -`;
    const restore =
      scope === 'instance'
        ? `sed -E '/^\\\\connect/,$!s/^(CREATE|DROP) ROLE (IF EXISTS )?postgres;$/-- dataclone: left out, postgres is the instance'"'"'s own superuser: &/' | ${psql}`
        : psql;
    return `restore_target() (
  ${FIND_BINARIES}
  ${restore}
)`;
  },
};
