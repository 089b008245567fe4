import * as core from '@actions/core';
import { describeError } from '../core/errors.js';
import { DockerHost } from '../docker/docker-host.js';
import { runStep } from '../pipeline/run-step.js';
import { markdownSummary } from '../report/markdown-summary.js';
import { stepOutputs } from '../report/step-outputs.js';
import { GithubReporter } from './github-reporter.js';
import { readInputs } from './inputs.js';
import { markMainStarted, saveState } from './state.js';

/** The action's main step: one dataclone step, its outputs and a job summary. */
export async function main(): Promise<void> {
  markMainStarted();
  try {
    const inputs = readInputs();
    // Saved first: if anything below fails or the runner kills this step, post still cleans up.
    saveState({ owner: inputs.owner, keep: inputs.keep, dockerHost: inputs.dockerHost });
    const host = dockerHost(inputs.dockerHost);
    const reporter = new GithubReporter();
    const outcome = await runStep({ host, reporter, owner: inputs.owner }, inputs.request);
    const outputs = stepOutputs(outcome);
    for (const secret of outputs.secrets) core.setSecret(secret);
    for (const [name, value] of Object.entries(outputs.values)) core.setOutput(name, value);
    if (outcome.kind === 'step') {
      await core.summary.addRaw(markdownSummary(outcome.result)).write();
      if (outcome.failed) core.setFailed(failureMessage(outcome));
    } else {
      await core.summary
        .addRaw(
          `## dataclone\n\nBuilt data image \`${outcome.image.tag}\` in ${(outcome.image.durationMs / 1000).toFixed(1)} s.\n`,
        )
        .write();
    }
  } catch (error) {
    const { message, hint } = describeError(error);
    core.setFailed(hint ? `${message}\n${hint}` : message);
  }
}

export function dockerHost(given: string): DockerHost {
  if (given) process.env.DOCKER_HOST = given;
  return new DockerHost(undefined, given ? `docker-host ${given}` : undefined);
}

function failureMessage(outcome: Extract<Awaited<ReturnType<typeof runStep>>, { kind: 'step' }>): string {
  const result = outcome.result;
  if (result.step === 'run' && result.error)
    return `${result.error.message}${result.error.hint ? `\n${result.error.hint}` : ''}`;
  if (result.step === 'migrate') {
    const failed = result.databases.at(-1);
    return `migration of ${failed?.database} failed (${failed?.error?.code}): ${failed?.error?.message}`;
  }
  return `tests failed with exit code ${outcome.exitCode}`;
}
