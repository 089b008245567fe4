import { describeError } from '../core/errors.js';
import { Labels } from '../docker/labels.js';
import { teardown } from '../pipeline/teardown.js';
import { stopWarm } from '../warm/stop-warm.js';
import { warmRecordPath } from '../warm/warm-record.js';
import type { Job } from '../pipeline/job.js';
import type { CiPlatform, PostState } from './ci-platform.js';
import { dockerHostFor } from './docker-host-input.js';

// A module of its own, apart from run-ci-step.ts: the post entries bundle teardown, not every step.
/**
 * A CI adapter's post step: removes every clone the job owns unless keep, also after main failed
 * or was killed. It only warns: cleanup must never turn a green job red. With no saved state,
 * `deriveState` (where the platform can) finds the job from the inputs and the run, as main did:
 * main saves its state before it makes anything, but a post that cleans up what it can derive
 * does not depend on that.
 */
export async function runCiPost(
  platform: CiPlatform,
  saved: PostState | undefined,
  deriveState?: () => PostState,
  warmOwner?: string,
): Promise<void> {
  await stopWarmPull(platform, saved?.owner ?? warmOwner);
  let state = saved;
  if (!state && deriveState) {
    try {
      state = deriveState();
    } catch (error) {
      platform.reporter.warn(`dataclone: main saved no state, and ${describeError(error).message}`);
      return;
    }
    platform.reporter.info(
      `dataclone: main saved no state; cleaning up job ${state.owner} as the inputs name it`,
    );
    await stopWarmPull(platform, state.owner);
  }
  if (!state) {
    platform.reporter.info('dataclone: main did not start, nothing to clean up');
    return;
  }
  if (state.keep) {
    platform.reporter.info(`dataclone: keep is set, the clones of job ${state.owner} stay running`);
    return;
  }
  try {
    const job = { host: dockerHostFor(state.dockerHost), reporter: platform.reporter, owner: state.owner };
    await teardown(job);
    if (!state.mainFinished) await removeLateContainers(job);
  } catch (error) {
    platform.reporter.warn(
      `dataclone: teardown of job ${state.owner} failed: ${describeError(error).message}`,
    );
  }
}

/**
 * A warm step's pull still running when the job ends (cancelled, or provision never ran) is
 * stopped, also with keep: it is a process of the runner, not a clone.
 */
async function stopWarmPull(platform: CiPlatform, owner: string | undefined): Promise<void> {
  if (!owner) return;
  try {
    await stopWarm(warmRecordPath(platform.tempDir, owner), platform.reporter);
  } catch (error) {
    platform.reporter.warn(
      `dataclone: could not stop the warm pull of job ${owner}: ${describeError(error).message}`,
    );
  }
}

const LATE_CONTAINER_WATCH_MS = 3000;

/**
 * A main killed while its request to create a container was on the way leaves that request to
 * the Docker Engine, which may create the container after teardown looked (seen under load, over
 * a second after the kill). So when main did not run to its end, post keeps looking a few seconds.
 */
async function removeLateContainers(job: Job): Promise<void> {
  const until = Date.now() + LATE_CONTAINER_WATCH_MS;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const late = await job.host.findContainers({ [Labels.owner]: job.owner });
    for (const id of late) await job.host.removeContainer(id);
    if (late.length)
      job.reporter.info(
        `Removed ${late.length} container(s) of job ${job.owner} that Docker created after main stopped`,
      );
  }
  for (const id of await job.host.findNetworks({ [Labels.owner]: job.owner }))
    await job.host.removeNetwork(id);
}
