import * as core from '@actions/core';
import os from 'node:os';
import type { CiPlatform } from '../adapters/ci-platform.js';
import { outcomeText } from '../adapters/pull-request-comment.js';
import { GithubReporter } from './github-reporter.js';
import { pullRequestOfRun, upsertPullRequestComment } from './pull-request-comment.js';

/** GitHub Actions' side of a dataclone step: outputs, the job summary, the step's result. */
export function githubPlatform(): CiPlatform {
  return {
    reporter: new GithubReporter(),
    setOutput: (name, value) => core.setOutput(name, value),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write();
    },
    fail: (message) => core.setFailed(message),
    tempDir: process.env.RUNNER_TEMP || os.tmpdir(),
    commentOnPullRequest: async (markdown) => {
      const token = core.getInput('github-token');
      if (token) core.setSecret(token);
      const pull = pullRequestOfRun(process.env, token);
      if ('skipped' in pull) return pull.skipped;
      const outcome = await upsertPullRequestComment(pull.target, markdown);
      if (outcome.kind === 'warning') core.warning(outcome.message);
      return outcomeText(outcome);
    },
  };
}
