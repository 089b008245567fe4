import { Transform } from 'node:stream';

/** The role initdb makes, which every instance has and clones log in as. */
const BOOTSTRAP_SUPERUSER = 'postgres';

/**
 * pg_dumpall writes `CREATE ROLE x;` then `ALTER ROLE x WITH ...` for every role, the one it ran
 * as and the bootstrap superuser included, counting on the CREATE failing harmlessly for a role
 * that exists (and, with --clean, `DROP ROLE` for every role). Run with ON_ERROR_STOP, as every
 * restore here is, `CREATE ROLE postgres` stops it: initdb made postgres, and dataclone's clones
 * log in as it. So in the roles section (before the first \connect) the bootstrap superuser's
 * CREATE and DROP are left out; its ALTER ROLE still applies the dump's attributes (its
 * password is removed after the restore). Everything after passes through untouched.
 */
export function rewriteBootstrapRole(): Transform {
  let pending = '';
  let inRoles = true;
  const rewriteLine = (line: string): string => {
    if (line.startsWith('\\connect')) {
      inRoles = false;
      return line;
    }
    const role = /^(CREATE|DROP) ROLE (?:IF EXISTS )?("(?:[^"]|"")+"|[^\s;]+);$/.exec(line);
    if (role && roleName(role[2] ?? '') === BOOTSTRAP_SUPERUSER)
      return `-- dataclone: left out, ${BOOTSTRAP_SUPERUSER} is the instance's own superuser: ${line}`;
    return line;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!inRoles) return callback(null, chunk);
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      const out: string[] = [];
      for (const [index, line] of lines.entries()) {
        out.push(rewriteLine(line));
        if (!inRoles) {
          // The rest of this chunk, and every chunk after, is the databases: passed on as it is.
          const rest = [...lines.slice(index + 1), pending].join('\n');
          pending = '';
          return callback(null, `${out.join('\n')}\n${rest}`);
        }
      }
      callback(null, out.length > 0 ? `${out.join('\n')}\n` : '');
    },
    flush(callback) {
      callback(null, inRoles && pending ? rewriteLine(pending) : pending);
    },
  });
}

function roleName(written: string): string {
  return written.startsWith('"') ? written.slice(1, -1).replaceAll('""', '"') : written.toLowerCase();
}
