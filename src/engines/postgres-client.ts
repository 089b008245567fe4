/** /tmp exists and is writable in every image; /var/run/postgresql is not created by all of them. */
export const SOCKET_DIRECTORY = '/tmp';

/**
 * Debian-based images keep the server binaries outside PATH when used without their entrypoint.
 * First in PATH: /usr/bin/psql is Debian's Perl wrapper, which takes 45 ms to start the real one.
 */
export const FIND_BINARIES = 'for d in /usr/lib/postgresql/*/bin; do [ -d "$d" ] && PATH="$d:$PATH"; done';

/** psql over the build's socket as postgres, stopping at the first error. */
export const PSQL = ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', SOCKET_DIRECTORY, '-U', 'postgres'];
