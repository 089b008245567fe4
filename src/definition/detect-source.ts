import path from 'node:path';
import { FieldProblem } from './definition-error.js';
import {
  checkGzip,
  inspectPath,
  listFiles,
  sniffFile,
  type FileContent,
  type WrittenPath,
} from './inspect-path.js';
import type { DatabaseSource, EngineName } from './types.js';

/** The `format` a definition can give a source, to override detection. */
export type SourceFormat = 'custom' | 'directory' | 'sql' | 'sql.gz' | 'scripts';

const SCRIPT_NAME = /\.sql(\.gz)?$/i;

/**
 * What a source holds, read from its content where it can be (a pg_dump archive starts with
 * PGDMP, gzip with 1f 8b, a directory-format dump has a toc.dat), then checked against an
 * explicit `format` and against what the engine can restore.
 */
export async function detectSource(
  where: WrittenPath,
  format: SourceFormat | undefined,
  engine: EngineName,
): Promise<DatabaseSource> {
  const { isFolder } = await inspectPath(where, 'path');
  const source = isFolder ? await detectFolder(where, format) : await detectFile(where, format);
  if (engine !== 'postgres' && (source.kind === 'pg-custom' || source.kind === 'pg-directory')) {
    throw new FieldProblem(
      `"${where.written}" is a pg_dump ${source.kind === 'pg-custom' ? 'custom-format archive' : 'directory-format dump'}, which ${engine} cannot restore`,
      `Give ${engine} a mysqldump .sql or .sql.gz file, or a folder of .sql scripts.`,
    );
  }
  return source;
}

async function detectFile(where: WrittenPath, format: SourceFormat | undefined): Promise<DatabaseSource> {
  const content = await sniffFile(where);
  const { isPgDumpArchive, isGzip } = content;
  const { absolute, written } = where;
  const kind = format ?? detectFileFormat(written, content);
  switch (kind) {
    case 'custom':
      if (!isPgDumpArchive) {
        throw new FieldProblem(
          `"${written}" is not a pg_dump custom-format archive (no PGDMP header)`,
          'Make it with pg_dump -Fc; if it is plain SQL, name it .sql or set format: sql.',
        );
      }
      return { kind: 'pg-custom', path: absolute };
    case 'sql.gz':
      await checkGzip(where);
      return { kind: 'sql-gz', path: absolute };
    case 'sql':
      if (isPgDumpArchive || isGzip) {
        throw new FieldProblem(
          `"${written}" is ${isGzip ? 'gzip-compressed' : 'a pg_dump custom-format archive'}, not plain SQL`,
          `Set format: ${isGzip ? 'sql.gz' : 'custom'}, or remove format to detect it.`,
        );
      }
      return { kind: 'sql', path: absolute };
    case undefined:
      throw new FieldProblem(
        `cannot tell what "${written}" holds: it is not a pg_dump archive or gzip, and its name does not end in .sql`,
        'Set format: sql if it is a plain SQL script (pg_dump -Fp, mysqldump); pg_dump -Ft tar archives are not supported.',
      );
    default:
      throw new FieldProblem(
        `"${written}" is a file, but format ${kind} is a folder`,
        'Point source at the folder, or change format.',
      );
  }
}

/**
 * The content decides where it can; otherwise the name, which the content must then bear out
 * (a .dump without a PGDMP header, a .gz without gzip's magic bytes are errors).
 */
function detectFileFormat(written: string, content: FileContent): SourceFormat | undefined {
  if (content.isPgDumpArchive || /\.(dump|backup)$/i.test(written)) return 'custom';
  if (content.isGzip || /\.gz$/i.test(written)) return 'sql.gz';
  if (/\.sql$/i.test(written)) return 'sql';
  return undefined;
}

async function detectFolder(where: WrittenPath, format: SourceFormat | undefined): Promise<DatabaseSource> {
  const { absolute, written } = where;
  const isDumpFolder = (await listFiles(absolute, /^toc\.dat$/, where.root)).length > 0;
  const kind = format ?? (isDumpFolder ? 'directory' : 'scripts');
  if (kind === 'directory') {
    if (!isDumpFolder) {
      throw new FieldProblem(
        `"${written}" is not a pg_dump directory-format dump (it has no toc.dat)`,
        'Make it with pg_dump -Fd, or set format: scripts for a folder of .sql scripts.',
      );
    }
    return { kind: 'pg-directory', path: absolute };
  }
  if (kind !== 'scripts') {
    throw new FieldProblem(
      `"${written}" is a folder, but format ${kind} is a file`,
      'Point source at the file, or change format.',
    );
  }
  return { kind: 'scripts', path: absolute, files: await listScripts(where) };
}

async function listScripts(where: WrittenPath): Promise<string[]> {
  const files = await listFiles(where.absolute, SCRIPT_NAME, where.root);
  if (files.length === 0) {
    throw new FieldProblem(
      `the folder "${where.written}" has no .sql or .sql.gz scripts`,
      'Add the scripts (they run in name order: 1_schema.sql, 2_data.sql.gz, ...), or leave source out for an empty database.',
    );
  }
  for (const file of files.filter((name) => /\.gz$/i.test(name))) {
    await checkGzip({ written: path.join(where.written, path.basename(file)), absolute: file });
  }
  return files;
}
