import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DatacloneError } from '../core/errors.js';

/**
 * What a warm step records for the rest of the job, in one file: the images it pulls in the
 * background, the digest each tag was pinned to at the start, the progress and the outcome. The
 * background process is its only writer once it runs; provision reads it, post stops the process.
 */
export interface WarmRecord {
  owner: string;
  /** When the warm step started (ms since the epoch). */
  startedAt: number;
  /** The background process that pulls; written by that process itself when it starts. */
  pid?: number;
  /** When every pull ended, pulled or failed. */
  finishedAt?: number;
  images: WarmImage[];
}

export type WarmImageState = 'pulling' | 'pulled' | 'failed' | 'stopped';

export interface WarmImage {
  /** As the job names it: a tag, or a digest. */
  reference: string;
  /** What is pulled and cloned: the digest the tag named at the start (`repo@sha256:...`). */
  pinned?: string;
  state: WarmImageState;
  done?: number;
  total?: number;
  /** The download and unpacking. */
  pullMs?: number;
  /** Writing the pulled image to disk, so that the first clone need not wait for it. */
  flushMs?: number;
  error?: { message: string; hint?: string };
}

/** The record of a job's warm step, in the runner's temporary folder. */
export function warmRecordPath(directory: string, owner: string): string {
  return path.join(directory, `dataclone-warm-${encodeURIComponent(owner)}.json`);
}

/** Where the background process writes its log: beside the record. */
export function warmLogPath(record: string): string {
  return record.replace(/\.json$/, '.log');
}

/** Replaces the record in one step (a rename), so that a reader never sees half of it. */
export async function writeWarmRecord(file: string, record: WarmRecord): Promise<void> {
  const next = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(next, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  await rename(next, file);
}

/**
 * The record, or undefined when no warm step ran for the job. A record another user of the
 * machine wrote (in a shared temporary folder) is refused: it decides which image the job clones.
 */
export async function readWarmRecord(file: string): Promise<WarmRecord | undefined> {
  let text: string;
  try {
    const owner = (await stat(file)).uid;
    if (process.getuid && owner !== process.getuid())
      throw new DatacloneError(
        `the warm record ${file} belongs to another user (uid ${owner})`,
        'Remove it, or give this job a folder of its own (DATACLONE_STATE_DIR).',
      );
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const record = JSON.parse(text) as WarmRecord;
    if (!Array.isArray(record.images)) throw new Error('it lists no images');
    return record;
  } catch (error) {
    throw new DatacloneError(
      `the warm record ${file} cannot be read: ${(error as Error).message}`,
      'Remove it and run the warm step again.',
    );
  }
}

export async function removeWarmRecord(file: string): Promise<void> {
  await rm(file, { force: true });
  await rm(warmLogPath(file), { force: true });
}

/** Whether a process of this machine is still running (signal 0 checks without sending one). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
