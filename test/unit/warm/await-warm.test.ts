import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repositoryOf } from '../../../src/images/registry.js';
import { awaitWarm } from '../../../src/warm/await-warm.js';
import { stopWarm } from '../../../src/warm/stop-warm.js';
import {
  processRuns,
  readWarmRecord,
  warmRecordPath,
  writeWarmRecord,
  type WarmImage,
  type WarmRecord,
} from '../../../src/warm/warm-record.js';
import { RecordingReporter } from '../../support/recording-reporter.js';

const TAG = '127.0.0.1:5000/shop:nightly';
const PINNED = `127.0.0.1:5000/shop@sha256:${'a'.repeat(64)}`;
let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-warm-unit-'));
  file = warmRecordPath(dir, 'gh-1-1-test');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function record(image: Partial<WarmImage>, extra: Partial<WarmRecord> = {}): WarmRecord {
  return {
    owner: 'gh-1-1-test',
    startedAt: Date.now() - 30_000,
    pid: process.pid,
    images: [{ reference: TAG, pinned: PINNED, state: 'pulling', ...image }],
    ...extra,
  };
}

describe('provision and the warm record', () => {
  it('finds no warm when no warm step ran', async () => {
    expect(await awaitWarm(file, [TAG], new RecordingReporter())).toBeUndefined();
  });

  it('returns the pinned digest, how long it waited and how long the pull took', async () => {
    await writeWarmRecord(file, record({ done: 10, total: 100 }));
    const later = setTimeout(
      () =>
        void writeWarmRecord(
          file,
          record({ state: 'pulled', pullMs: 12_300, flushMs: 900 }, { finishedAt: Date.now() }),
        ),
      600,
    );
    const reporter = new RecordingReporter();
    const warmed = await awaitWarm(file, [TAG], reporter);
    clearTimeout(later);
    expect(warmed?.pinned.get(TAG)).toBe(PINNED);
    expect(warmed?.outcome.waitedMs).toBeGreaterThanOrEqual(500);
    expect(warmed?.outcome.startedBeforeMs).toBeGreaterThanOrEqual(29_000);
    expect(warmed?.outcome.images).toEqual([
      { reference: TAG, pinned: PINNED, pullMs: 12_300, flushMs: 900 },
    ]);
    expect(reporter.lines).toContain(`Waiting for the warm pull of ${PINNED}`);
    expect(reporter.progressUpdates[0]).toMatchObject({ task: `pull ${PINNED}`, done: 10, total: 100 });
  });

  it('fails with the error of a pull that failed: registry, image and reason', async () => {
    await writeWarmRecord(
      file,
      record({
        state: 'failed',
        error: {
          message: `could not pull ${PINNED} from registry 127.0.0.1:5000: unauthorized`,
          hint: 'Log in.',
        },
      }),
    );
    const error = await awaitWarm(file, [TAG], new RecordingReporter()).catch(
      (e: unknown) => e as Error & { hint?: string },
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      `the warm step could not pull ${TAG}: could not pull ${PINNED} from registry 127.0.0.1:5000: unauthorized`,
    );
    expect((error as { hint?: string }).hint).toBe('Log in.');
  });

  it('fails at once, not by a timeout, when the background process is gone before an outcome', async () => {
    const gone = spawn('true');
    await new Promise((resolve) => gone.once('exit', resolve));
    await writeWarmRecord(file, record({}, { pid: gone.pid }));
    const started = performance.now();
    await expect(awaitWarm(file, [TAG], new RecordingReporter())).rejects.toThrow(
      `the warm pull of ${TAG} ended before it finished: its process ${gone.pid} is gone`,
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('leaves images the warm step did not pull to provision as before', async () => {
    await writeWarmRecord(file, record({}));
    const reporter = new RecordingReporter();
    expect(await awaitWarm(file, ['other:1'], reporter)).toBeUndefined();
    expect(reporter.lines).toContain(`The warm step pulled ${TAG}, not other:1`);
  });
});

describe('stopping a warm pull (post, teardown)', () => {
  it('kills the background process group, marks the pull stopped, and removes the record', async () => {
    const worker = spawn('sh', ['-c', 'sleep 60 & wait'], { detached: true, stdio: 'ignore' });
    const pid = worker.pid ?? 0;
    await writeWarmRecord(file, record({}, { pid }));
    const reporter = new RecordingReporter();
    await stopWarm(file, reporter);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(processRuns(pid)).toBe(false);
    expect(reporter.lines).toContain(`Stopped the warm pull of ${PINNED} (process ${pid})`);
    expect(await readWarmRecord(file)).toBeUndefined();
    await stopWarm(file, reporter);
  });
});

describe('image references', () => {
  it.each([
    ['registry.example.com:5000/shop:1', 'registry.example.com:5000/shop'],
    ['shop', 'shop'],
    [`shop@sha256:${'b'.repeat(64)}`, 'shop'],
    [`reg:5000/a/shop:1@sha256:${'b'.repeat(64)}`, 'reg:5000/a/shop'],
  ])('the repository of %s is %s', (reference, repository) => {
    expect(repositoryOf(reference)).toBe(repository);
  });
});
