import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { FieldProblem } from './definition-error.js';

/** A path of the definition: as written (for messages) and resolved against its folder. */
export interface WrittenPath {
  written: string;
  absolute: string;
  /** The definition's folder: symbolic links may point anywhere inside it, and nowhere else. */
  root?: string;
}

export function resolveWrittenPath(directory: string, written: string): WrittenPath {
  return { written, absolute: path.resolve(directory, written), root: directory };
}

/** Whether a path is a folder; a missing path is a problem naming it as written and as resolved. */
export async function inspectPath(
  where: WrittenPath,
  expected: 'file' | 'folder' | 'path',
): Promise<{ isFolder: boolean }> {
  const info = await stat(where.absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw cannotRead(where, error);
  });
  if (!info) {
    const what = expected === 'path' ? guessWhat(where.written) : expected;
    throw new FieldProblem(
      `${what} "${where.written}" does not exist (looked for ${where.absolute})`,
      'Fix the path: a relative path is taken from the folder of the definition file.',
    );
  }
  return { isFolder: info.isDirectory() };
}

/** What a file holds, by its first bytes. */
export interface FileContent {
  isPgDumpArchive: boolean;
  isGzip: boolean;
}

/** What a file starts with, read from its first bytes rather than its name. */
export async function sniffFile(where: WrittenPath): Promise<FileContent> {
  const head = await readHead(where.absolute, 5).catch((error: NodeJS.ErrnoException) => {
    throw cannotRead(where, error);
  });
  return {
    isPgDumpArchive: head.toString('latin1') === 'PGDMP',
    isGzip: head[0] === 0x1f && head[1] === 0x8b,
  };
}

/** A .sql.gz file must really be gzip: finding out at restore time, in the build container, is late. */
export async function checkGzip(where: WrittenPath): Promise<void> {
  if ((await sniffFile(where)).isGzip) return;
  throw new FieldProblem(
    `"${where.written}" is not gzip (it does not start with gzip's 1f 8b): it is corrupt or not compressed`,
    'Compress it again (gzip -k file.sql), or rename it to .sql if it is plain SQL.',
  );
}

/**
 * The files directly in a folder whose names match, in natural order: 2_x.sql before 10_x.sql.
 * A symbolic link counts as the file it points to when that is inside `root` (the definition's
 * folder); one that points outside it, or nowhere, is a problem naming it, never skipped.
 */
export async function listFiles(folder: string, name: RegExp, root = folder): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.filter((candidate) => name.test(candidate.name))) {
    if (entry.isFile()) files.push(entry.name);
    else if (entry.isSymbolicLink() && (await checkLinkedFile(path.join(folder, entry.name), root)))
      files.push(entry.name);
  }
  return files.sort(naturalOrder).map((entry) => path.join(folder, entry));
}

/** Whether a link points to a file inside `root`: true, false for a folder, a problem otherwise. */
async function checkLinkedFile(link: string, root: string): Promise<boolean> {
  const target = await realpath(link).catch(() => undefined);
  if (!target) {
    throw new FieldProblem(
      `"${path.relative(root, link)}" is a symbolic link to a file that does not exist`,
      "Point it at an existing file inside the definition's folder, or remove it.",
    );
  }
  const inside = path.relative(await realpath(root), target);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new FieldProblem(
      `"${path.relative(root, link)}" is a symbolic link to ${target}, outside the definition's folder (${root})`,
      "A build reads only files inside the definition's folder, so that what it restores is what the definition's digest covers: copy the file in, or link to a file inside the folder.",
    );
  }
  return (await stat(target)).isFile();
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/** Numbers compare as numbers; names the collator finds equal (1_x, 01_x) by code point, to be stable. */
function naturalOrder(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function cannotRead(where: WrittenPath, error: NodeJS.ErrnoException): FieldProblem {
  return new FieldProblem(
    `cannot read "${where.written}" (${where.absolute}): ${error.code ?? error.message}`,
    'Check that the user running dataclone may read it.',
  );
}

function guessWhat(written: string): string {
  if (/[\\/]$/.test(written)) return 'folder';
  return path.extname(written) ? 'file' : 'file or folder';
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
