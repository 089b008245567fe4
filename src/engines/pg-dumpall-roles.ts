import { Transform } from 'node:stream';

/** The role initdb makes, which every instance has and clones log in as. */
const BOOTSTRAP_SUPERUSER = 'postgres';

/**
 * pg_dumpall writes `CREATE ROLE x;` then `ALTER ROLE x WITH ...` for every role but the one it
 * ran as, which gets only the ALTER. Restored here, `CREATE ROLE postgres` (a dump taken by
 * another superuser) would fail, since initdb made postgres; and a dump taken as another
 * superuser (`admin`) alters a role that does not exist. So, in the roles section (before the
 * first \connect): the bootstrap superuser's CREATE and DROP are left out, and a role altered
 * before it was created is created first. Everything after passes through untouched.
 */
export function rewriteBootstrapRole(): Transform {
  const created = new Set<string>([BOOTSTRAP_SUPERUSER]);
  let pending = '';
  let inRoles = true;
  const rewriteLine = (line: string): string => {
    if (line.startsWith('\\connect')) {
      inRoles = false;
      return line;
    }
    const create = /^CREATE ROLE ("(?:[^"]|"")+"|[^\s;]+);$/.exec(line);
    if (create) {
      const name = roleName(create[1] ?? '');
      if (name === BOOTSTRAP_SUPERUSER) return `-- dataclone: role ${name} exists already`;
      created.add(name);
      return line;
    }
    const drop = /^DROP ROLE (?:IF EXISTS )?("(?:[^"]|"")+"|[^\s;]+);$/.exec(line);
    if (drop && roleName(drop[1] ?? '') === BOOTSTRAP_SUPERUSER)
      return `-- dataclone: role ${BOOTSTRAP_SUPERUSER} is kept`;
    const alter = /^ALTER ROLE ("(?:[^"]|"")+"|[^\s;]+) WITH /.exec(line);
    if (alter) {
      const written = alter[1] ?? '';
      const name = roleName(written);
      if (!created.has(name)) {
        created.add(name);
        return `CREATE ROLE ${written};\n${line}`;
      }
    }
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
