import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { createReadStream } from 'node:fs';

/**
 * What the opening statements of a plain SQL dump say about where it runs: `pg_dump --create`,
 * `mysqldump --databases x` and many hand-written scripts begin by creating their own database
 * (`DROP DATABASE IF EXISTS x; CREATE DATABASE x; \c x` or `USE x`), so they must run in the
 * maintenance database, not in a database made for them. `pg_dumpall` output begins with the
 * cluster's roles and says so in its header.
 */
export interface SqlHead {
  /** Databases created before the first statement that is not set-up (SET, DROP/ALTER DATABASE, ...). */
  creates: string[];
  /** Databases the preamble switches to (`\connect x`, `\c x`, `USE x`). */
  connectsTo: string[];
  /** A pg_dumpall dump of a whole server (roles, then every database). */
  isClusterDump: boolean;
}

/** How much of a dump is read to find its preamble: pg_dump's comes within the first few kB. */
const HEAD_BYTES = 256 * 1024;

/** The head of a .sql or .sql.gz file, decompressed; a truncated gzip yields what it could. */
export async function readSqlHead(file: string, gzip: boolean): Promise<string> {
  if (!gzip) {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  }
  const chunks: Buffer[] = [];
  let length = 0;
  const input = createReadStream(file);
  const gunzip = createGunzip();
  try {
    for await (const chunk of input.pipe(gunzip)) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= HEAD_BYTES) break;
    }
  } catch {
    // A corrupt gzip is reported by the restore with the file's name; the head read so far stands.
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  return Buffer.concat(chunks).subarray(0, HEAD_BYTES).toString('utf8');
}

/**
 * Reads the statements at the head of a SQL script up to the first one that does real work
 * (CREATE TABLE, CREATE ROLE, INSERT, ...). Unquoted PostgreSQL names are folded to lower case,
 * as the server folds them; MySQL's are kept as written.
 */
export function describeSqlHead(text: string, dialect: 'postgres' | 'mysql'): SqlHead {
  const head: SqlHead = {
    creates: [],
    connectsTo: [],
    isClusterDump: /^--\s*PostgreSQL database cluster dump/m.test(text.slice(0, 2000)),
  };
  for (const statement of statements(text)) {
    const words = statement.trim();
    if (words === '') continue;
    if (words.startsWith('\\')) {
      const meta = /^\\(\w+)\s*(.*)$/.exec(words);
      const [command = '', argument = ''] = meta ? [meta[1], meta[2]] : [];
      if (command === 'connect' || command === 'c') {
        const name = connectTarget(argument);
        if (name !== undefined) head.connectsTo.push(name);
        continue;
      }
      if (command === 'restrict' || command === 'unrestrict' || command === 'encoding') continue;
      break;
    }
    const create = /^CREATE\s+(?:DATABASE|SCHEMA)\s+(?:IF\s+NOT\s+EXISTS\s+)?(\S+)/i.exec(words);
    if (create && (dialect === 'mysql' || /^CREATE\s+DATABASE/i.test(words))) {
      head.creates.push(identifier(create[1] ?? '', dialect));
      continue;
    }
    const use = /^USE\s+(\S+)$/i.exec(words);
    if (use && dialect === 'mysql') {
      head.connectsTo.push(identifier(use[1] ?? '', dialect));
      continue;
    }
    if (PREAMBLE.some((pattern) => pattern.test(words))) continue;
    break;
  }
  return head;
}

/** Statements that set a session up or prepare the database, before any real work. */
const PREAMBLE = [
  /^SET\s/i,
  /^SELECT\s+pg_catalog\.set_config\s*\(/i,
  /^DROP\s+(?:DATABASE|SCHEMA)\s/i,
  /^ALTER\s+DATABASE\s/i,
  /^COMMENT\s+ON\s+DATABASE\s/i,
  /^UPDATE\s+pg_catalog\.pg_database\s/i,
];

/**
 * The statements of a script, comments removed: SQL up to each `;` outside quotes, and psql's
 * backslash commands, which end at the end of their line. Stops at a dollar quote: a function
 * body comes long after any preamble.
 */
function* statements(text: string): Generator<string> {
  let current = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (char === '-' && next === '-') {
      i = endOf(text, '\n', i);
    } else if (char === '#' && current.trim() === '') {
      i = endOf(text, '\n', i);
    } else if (char === '/' && next === '*') {
      i = endOf(text, '*/', i + 2) + 2;
      current += ' ';
    } else if (char === '\\' && current.trim() === '') {
      const end = endOf(text, '\n', i);
      yield text.slice(i, end);
      i = end;
    } else if (char === "'" || char === '"' || char === '`') {
      const end = endOf(text, char, i + 1);
      current += text.slice(i, end + 1);
      i = end + 1;
    } else if (char === '$') {
      return;
    } else if (char === ';') {
      yield current;
      current = '';
      i += 1;
    } else {
      current += char;
      i += 1;
    }
  }
}

function endOf(text: string, token: string, from: number): number {
  const at = text.indexOf(token, from);
  return at < 0 ? text.length : at;
}

/** `\connect x`, `\c "X"`, or pg_dump's `\connect -reuse-previous=on "dbname='x'"`. */
function connectTarget(argument: string): string | undefined {
  const dbname = /dbname='((?:[^']|'')*)'/.exec(argument);
  if (dbname) return (dbname[1] ?? '').replace(/''/g, "'");
  const first = argument.trim().split(/\s+/)[0];
  if (!first || first.startsWith('-')) return undefined;
  return identifier(first, 'postgres');
}

function identifier(written: string, dialect: 'postgres' | 'mysql'): string {
  const quoted = /^(["`])(.*)\1$/.exec(written);
  if (quoted) return (quoted[2] ?? '').replaceAll(`${quoted[1]}${quoted[1]}`, quoted[1] ?? '');
  return dialect === 'postgres' ? written.toLowerCase() : written;
}
