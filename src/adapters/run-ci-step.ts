import { describeError } from '../core/errors.js';
import { runStep, type StepOutcome } from '../pipeline/run-step.js';
import { markdownSummary, type StepResult } from '../report/markdown-summary.js';
import { maskingMarkdown } from '../report/masking-summary.js';
import { checksMarkdown } from '../report/migration-checks-summary.js';
import { stepOutputs } from '../report/step-outputs.js';
import type { CiPlatform, PostState } from './ci-platform.js';
import { dockerHostFor } from './docker-host-input.js';
import type { StepInputs } from './step-inputs.js';
import { warmRecordPath } from '../warm/warm-record.js';

/**
 * A CI adapter's main step: `readInputs` and `saveState` come from the platform; this runs the
 * step, sets its outputs (secrets masked first), writes the job summary and fails the step with
 * one message when something went wrong.
 */
export async function runCiStep(
  platform: CiPlatform,
  readInputs: () => StepInputs,
  saveState: (state: PostState) => void,
): Promise<void> {
  let saved: PostState | undefined;
  try {
    const inputs = readInputs();
    // Saved first: if anything below fails or the step is killed, the post step still cleans up.
    saved = { owner: inputs.owner, keep: inputs.keep, dockerHost: inputs.dockerHost };
    saveState(saved);
    const { request } = inputs;
    const provision = request.provision && {
      ...request.provision,
      warmRecord: warmRecordPath(platform.tempDir, inputs.owner),
    };
    const outcome = await runStep(
      { host: dockerHostFor(inputs.dockerHost), reporter: platform.reporter, owner: inputs.owner },
      { ...request, provision },
    );
    const outputs = stepOutputs(outcome);
    for (const secret of outputs.secrets) platform.reporter.maskSecret(secret);
    for (const [name, value] of Object.entries(outputs.values)) {
      platform.setOutput(
        name,
        value,
        outputs.secrets.some((secret) => value.includes(secret)),
      );
    }
    if (outcome.kind === 'image') {
      await platform.writeSummary(
        `## dataclone\n\nBuilt data image \`${outcome.image.tag}\` in ${(outcome.image.durationMs / 1000).toFixed(1)} s.\n${outcome.image.masking ? `\n${maskingMarkdown(outcome.image.masking)}` : ''}`,
      );
      return;
    }
    const comment = inputs.pullRequestComment
      ? await commentOnPullRequest(platform, outcome.result)
      : undefined;
    await platform.writeSummary(
      `${markdownSummary(outcome.result)}${comment ? `\n> Pull request comment: ${comment}\n` : ''}`,
    );
    if (outcome.failed) platform.fail(failureMessage(outcome));
  } catch (error) {
    const { message, hint } = describeError(error);
    platform.fail(hint ? `${message}\n${hint}` : message);
  } finally {
    if (saved) saveState({ ...saved, mainFinished: true });
  }
}

/** The migration report of a migrate or run step, on the pull request; what happened, in a line. */
async function commentOnPullRequest(platform: CiPlatform, result: StepResult): Promise<string | undefined> {
  const steps = result.step === 'run' ? result.steps : [result];
  const migrated = steps.find((step) => step.step === 'migrate');
  if (!migrated || migrated.checks.length === 0) return undefined;
  if (!platform.commentOnPullRequest)
    return 'not posted: this CI platform has no pull request comments in dataclone yet';
  return platform.commentOnPullRequest(`## dataclone\n\n${checksMarkdown(migrated.checks)}\n`);
}

function failureMessage(outcome: Extract<StepOutcome, { kind: 'step' }>): string {
  const result = outcome.result;
  if (result.step === 'run' && result.error)
    return `${result.error.message}${result.error.hint ? `\n${result.error.hint}` : ''}`;
  if (result.step === 'migrate' && result.violations.length)
    return `migration checks failed: ${result.violations.map((v) => v.message).join('; ')}`;
  if (result.step === 'migrate') {
    const failed = result.databases.at(-1);
    return `migration of ${failed?.database} failed (${failed?.error?.code}): ${failed?.error?.message}`;
  }
  return `tests failed with exit code ${outcome.exitCode}`;
}
