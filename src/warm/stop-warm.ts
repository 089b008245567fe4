import type { Reporter } from '../core/reporter.js';
import { processRuns, readWarmRecord, removeWarmRecord, writeWarmRecord } from './warm-record.js';

const STOP_GRACE_MS = 5000;

/**
 * Ends a job's warm step: a background pull still running is stopped (its process group gets
 * SIGTERM, then SIGKILL), which ends its request to the Docker Engine, and the Engine drops the
 * download: nothing half pulled is tagged. Then the record goes. Safe to run twice, and when no
 * warm step ran. Says what it stopped.
 */
export async function stopWarm(file: string, reporter: Reporter): Promise<void> {
  const record = await readWarmRecord(file);
  if (!record) return;
  const pid = record.pid;
  if (pid !== undefined && record.finishedAt === undefined && processRuns(pid)) {
    signalGroup(pid, 'SIGTERM');
    const until = Date.now() + STOP_GRACE_MS;
    while (processRuns(pid) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    if (processRuns(pid)) signalGroup(pid, 'SIGKILL');
    // Read again: a pull may have ended just before the signal.
    const last = (await readWarmRecord(file)) ?? record;
    const pulling = last.images
      .filter((image) => image.state === 'pulling')
      .map((i) => i.pinned ?? i.reference);
    await writeWarmRecord(file, {
      ...last,
      finishedAt: Date.now(),
      images: last.images.map((image) =>
        image.state === 'pulling' ? { ...image, state: 'stopped' } : image,
      ),
    });
    reporter.info(`Stopped the warm pull of ${pulling.join(', ')} (process ${pid})`);
  }
  await removeWarmRecord(file);
}

/** The background process leads a process group of its own (it was started detached). */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // gone already
    }
  }
}
