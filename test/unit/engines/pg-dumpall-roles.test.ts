import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { rewriteBootstrapRole } from '../../../src/engines/pg-dumpall-roles.js';

const DUMPALL = `SET default_transaction_read_only = off;
DROP ROLE IF EXISTS admin;
DROP ROLE IF EXISTS postgres;
CREATE ROLE admin;
ALTER ROLE admin WITH SUPERUSER INHERIT CREATEROLE CREATEDB LOGIN NOREPLICATION NOBYPASSRLS PASSWORD 'SCRAM-SHA-256$4096:x';
CREATE ROLE postgres;
ALTER ROLE postgres WITH SUPERUSER INHERIT CREATEROLE CREATEDB LOGIN REPLICATION BYPASSRLS;
CREATE ROLE "Postgres";
\\connect template1
CREATE ROLE postgres;
`;

/** Feeds the dump in chunks of `size` bytes, as a file stream does, and collects what comes out. */
async function rewrite(dump: string, size: number): Promise<string> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < dump.length; i += size) chunks.push(Buffer.from(dump.slice(i, i + size)));
  return text(Readable.from(chunks).pipe(rewriteBootstrapRole()));
}

describe('rewriteBootstrapRole', () => {
  it.each([1, 7, 64, 10_000])(
    "leaves out the roles section's CREATE and DROP of postgres, and nothing else (chunks of %i bytes)",
    async (size) => {
      const out = await rewrite(DUMPALL, size);
      const kept = out.split('\n').filter((line) => !line.startsWith('-- dataclone:'));
      expect(kept).toEqual(DUMPALL.split('\n').filter((_line, index) => index !== 2 && index !== 5));
      expect(out).toMatch(/^ALTER ROLE postgres WITH SUPERUSER/m);
      expect(out).toMatch(/^CREATE ROLE "Postgres";$/m);
      // After the first \connect the dump is the databases' own, passed on untouched.
      expect(out.endsWith('\\connect template1\nCREATE ROLE postgres;\n')).toBe(true);
    },
  );
});
