import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseSource, EngineName } from './types.js';

export type SourceFormat = 'custom' | 'directory' | 'sql' | 'sql.gz' | 'scripts';

/** A source that cannot be used: `problem` says why, `hint` what to do. */
export class SourceProblem extends Error {
  constructor(
    readonly problem: string,
    readonly hint: string,
  ) {
    super(problem);
  }
}

/**
 * What kind of source a path holds, read from its content where it can be (a pg_dump archive
 * starts with PGDMP, gzip with 1f 8b, a directory-format dump has toc.dat), checked against an
 * explicit `format` and against what the engine can restore.
 */
export async function detectSource(
  absolute: string,
  written: string,
  format: SourceFormat | undefined,
  engine: EngineName,
): Promise<DatabaseSource> {
  const info = await stat(absolute).catch(() => undefined);
  if (!info) {
    throw new SourceProblem(
      `"${written}" does not exist (looked for ${absolute})`,
      'Check the path: it is relative to the definition file.',
    );
  }
  const source = info.isDirectory()
    ? await detectFolder(absolute, written, format)
    : await detectFile(absolute, written, format);
  if (engine !== 'postgres' && (source.kind === 'pg-custom' || source.kind === 'pg-directory')) {
    throw new SourceProblem(
      `"${written}" is a pg_dump archive, which ${engine} cannot restore`,
      'Use a mysqldump .sql or .sql.gz file, or a folder of .sql scripts.',
    );
  }
  return source;
}

async function detectFile(
  absolute: string,
  written: string,
  format: SourceFormat | undefined,
): Promise<DatabaseSource> {
  const head = await readHead(absolute, 5);
  const isArchive = head.toString('latin1') === 'PGDMP';
  const isGzip = head[0] === 0x1f && head[1] === 0x8b;
  const kind =
    format ??
    (isArchive
      ? 'custom'
      : /\.(sql\.gz|gz)$/i.test(absolute)
        ? 'sql.gz'
        : /\.(dump|backup)$/i.test(absolute)
          ? 'custom'
          : 'sql');
  switch (kind) {
    case 'custom':
      if (!isArchive) {
        throw new SourceProblem(
          `"${written}" is not a pg_dump custom-format archive (no PGDMP header)`,
          'Make it with pg_dump -Fc, or set format: sql if it is a plain SQL script.',
        );
      }
      return { kind: 'pg-custom', path: absolute };
    case 'sql.gz':
      if (!isGzip) {
        throw new SourceProblem(
          `"${written}" is not a gzip file (corrupt, or not compressed)`,
          'Recreate it, e.g. pg_dump db | gzip > file.sql.gz.',
        );
      }
      return { kind: 'sql-gz', path: absolute };
    case 'sql':
      if (isArchive) {
        throw new SourceProblem(
          `"${written}" is a pg_dump custom-format archive, not plain SQL`,
          'Remove format, or set format: custom.',
        );
      }
      return { kind: 'sql', path: absolute };
    default:
      throw new SourceProblem(
        `"${written}" is a file, but format ${kind} needs a folder`,
        'Point source at the folder, or change format.',
      );
  }
}

async function detectFolder(
  absolute: string,
  written: string,
  format: SourceFormat | undefined,
): Promise<DatabaseSource> {
  const entries = await readdir(absolute);
  const isDumpDirectory = entries.includes('toc.dat');
  const kind = format ?? (isDumpDirectory ? 'directory' : 'scripts');
  if (kind === 'directory') {
    if (!isDumpDirectory) {
      throw new SourceProblem(
        `"${written}" is not a pg_dump directory-format dump (no toc.dat)`,
        'Make it with pg_dump -Fd, or set format: scripts.',
      );
    }
    return { kind: 'pg-directory', path: absolute };
  }
  if (kind !== 'scripts') {
    throw new SourceProblem(
      `"${written}" is a folder, but format ${kind} needs a file`,
      'Point source at the file, or change format.',
    );
  }
  const files = entries.filter((name) => /\.sql(\.gz)?$/i.test(name)).sort(naturalOrder);
  if (files.length === 0) {
    throw new SourceProblem(
      `the folder "${written}" has no .sql or .sql.gz scripts`,
      'Add the scripts, or leave source out for an empty database.',
    );
  }
  return { kind: 'scripts', path: absolute, files: files.map((name) => path.join(absolute, name)) };
}

/** Name order as people read it: 2_x.sql before 10_x.sql. */
export function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant' });
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
