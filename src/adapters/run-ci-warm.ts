import { describeError } from '../core/errors.js';
import { dockerHostFromEnvironment } from '../docker/docker-host.js';
import { runWarmWorker } from '../warm/run-warm-worker.js';
import { startWarm } from '../warm/start-warm.js';
import { warmRecordPath } from '../warm/warm-record.js';
import type { CiPlatform } from './ci-platform.js';
import { dockerHostFor } from './docker-host-input.js';
import type { WarmInputs } from './input-source.js';

/** How a pre entry knows it was started again as the warm step's background process. */
const WARM_WORKER_FLAG = '--dataclone-warm-worker';

/**
 * A CI adapter's pre step (GitHub's `pre:`, Azure's prejobexecution), at the start of the job,
 * before checkout: with the warm input, starts pulling the step's image in a background process
 * that outlives this one, records it in the job's temporary folder, and ends; provision waits
 * for what is left and reports a failed pull. Only the image input can be pulled this early: an
 * environment file is not checked out yet. It only warns: a failure is provision's to report.
 * Started with WARM_WORKER_FLAG, the same entry is that background process.
 */
export async function runCiWarm(
  platform: CiPlatform,
  readInputs: () => WarmInputs,
  saveWarmOwner?: (owner: string) => void,
): Promise<void> {
  const worker = workerRecord(process.argv);
  if (worker) {
    await runWarmWorker(dockerHostFromEnvironment(), worker);
    return;
  }
  const { reporter } = platform;
  try {
    const inputs = readInputs();
    if (!inputs.warm) return;
    if (!inputs.image) {
      reporter.warn(
        inputs.environment
          ? 'dataclone: warm pulls the image input, and this step gives an environment file, which is not checked out yet when the job starts; run `dataclone image warm <image>...` right after checkout instead'
          : 'dataclone: warm is set but no image is given: nothing to pull ahead',
      );
      return;
    }
    // Saved before the pull starts: the post step stops it, also when main never ran.
    saveWarmOwner?.(inputs.owner);
    await reporter.group(`Pull ${inputs.image} in the background`, () =>
      startWarm({
        host: dockerHostFor(inputs.dockerHost),
        reporter,
        owner: inputs.owner,
        references: [inputs.image],
        record: warmRecordPath(platform.tempDir, inputs.owner),
        worker: (record) => [
          process.execPath,
          ...process.execArgv,
          process.argv[1] ?? '',
          WARM_WORKER_FLAG,
          record,
        ],
      }),
    );
  } catch (error) {
    const { message, hint } = describeError(error);
    reporter.warn(`dataclone: the warm step did not start: ${message}${hint ? `\n${hint}` : ''}`);
  }
}

function workerRecord(argv: string[]): string | undefined {
  const at = argv.indexOf(WARM_WORKER_FLAG);
  return at >= 0 ? argv[at + 1] : undefined;
}
