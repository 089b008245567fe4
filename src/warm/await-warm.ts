import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import { processRuns, readWarmRecord, warmLogPath, type WarmImage, type WarmRecord } from './warm-record.js';

/** What provision got from the job's warm step, for its summary. */
export interface WarmOutcome {
  /** How long provision waited for the pulls still running when it started. */
  waitedMs: number;
  /** How long before provision the warm step started. */
  startedBeforeMs: number;
  images: { reference: string; pinned: string; pullMs?: number; flushMs?: number }[];
}

const POLL_MS = 200;
/** A warm step waits this long for its background process to start; then it records a failure. */
const WORKER_START_MS = 60_000;

/**
 * Waits for the warm step's pulls of `references` to end and returns the pinned image of each:
 * the digest its tag named when the warm step started. Undefined when no warm step pulled any
 * of them. A failed pull fails here with the pull's own error (registry, image, reason); a
 * background process that is gone before it recorded an outcome fails at once, never by timeout.
 */
export async function awaitWarm(
  file: string,
  references: string[],
  reporter: Reporter,
): Promise<{ pinned: Map<string, string>; outcome: WarmOutcome } | undefined> {
  const started = performance.now();
  const first = await readWarmRecord(file);
  if (!first) return undefined;
  const wanted = references.filter((reference) => first.images.some((i) => i.reference === reference));
  if (wanted.length === 0) {
    reporter.info(
      `The warm step pulled ${first.images.map((i) => i.reference).join(', ')}, not ${references.join(', ')}`,
    );
    return undefined;
  }
  let record: WarmRecord = first;
  let announced = false;
  for (;;) {
    const images = wanted.map((reference) => imageOf(record, reference));
    const failed = images.find((image) => image.state === 'failed' || image.state === 'stopped');
    if (failed) throw warmFailure(failed, file);
    if (images.every((image) => image.state === 'pulled')) break;
    if (!announced) {
      reporter.info(
        `Waiting for the warm pull of ${images
          .filter((i) => i.state === 'pulling')
          .map((i) => i.pinned)
          .join(', ')}`,
      );
      announced = true;
    }
    for (const image of images.filter((i) => i.state === 'pulling' && i.total))
      reporter.progress({
        task: `pull ${image.pinned}`,
        done: image.done ?? 0,
        total: image.total,
        unit: 'bytes',
      });
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const next = await readWarmRecord(file);
    if (!next) throw new DatacloneError(`the warm record ${file} was removed while provision waited for it`);
    if (next.pid === undefined && Date.now() - next.startedAt > WORKER_START_MS)
      throw workerGone(next, wanted, file);
    if (next.pid !== undefined && next.finishedAt === undefined && !processRuns(next.pid)) {
      // The last write may have landed between the read and the check.
      const last = (await readWarmRecord(file)) ?? next;
      if (last.finishedAt === undefined) throw workerGone(last, wanted, file);
      record = last;
    } else record = next;
  }
  const waitedMs = Math.round(performance.now() - started);
  const outcome: WarmOutcome = {
    waitedMs,
    startedBeforeMs: Math.max(0, Date.now() - waitedMs - record.startedAt),
    images: wanted.map((reference) => {
      const image = imageOf(record, reference);
      return { reference, pinned: image.pinned ?? reference, pullMs: image.pullMs, flushMs: image.flushMs };
    }),
  };
  reporter.info(
    waitedMs >= 100
      ? `Waited ${seconds(waitedMs)} for the warm pull`
      : 'The warm pull had finished: provision waited for nothing',
  );
  return { pinned: new Map(outcome.images.map((i) => [i.reference, i.pinned])), outcome };
}

function imageOf(record: WarmRecord, reference: string): WarmImage {
  const image = record.images.find((i) => i.reference === reference);
  if (!image) throw new DatacloneError(`the warm record no longer lists ${reference}`);
  return image;
}

function warmFailure(image: WarmImage, file: string): DatacloneError {
  if (image.state === 'stopped')
    return new DatacloneError(
      `the warm pull of ${image.reference} was stopped before it finished`,
      'The job was cancelled, or its post step ran: run the job again.',
    );
  return new DatacloneError(
    `the warm step could not pull ${image.reference}: ${image.error?.message ?? 'no reason recorded'}`,
    image.error?.hint ?? `Its log is ${warmLogPath(file)}.`,
  );
}

function workerGone(record: WarmRecord, wanted: string[], file: string): DatacloneError {
  return new DatacloneError(
    `the warm pull of ${wanted.join(', ')} ended before it finished: ${record.pid === undefined ? 'its process never started' : `its process ${record.pid} is gone`}`,
    `It was killed or crashed; its log is ${warmLogPath(file)}. Run the job again, or turn warm off.`,
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
