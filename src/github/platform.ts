import * as core from '@actions/core';
import type { CiPlatform } from '../adapters/ci-platform.js';
import { GithubReporter } from './github-reporter.js';

/** GitHub Actions' side of a dataclone step: outputs, the job summary, the step's result. */
export function githubPlatform(): CiPlatform {
  return {
    reporter: new GithubReporter(),
    setOutput: (name, value) => core.setOutput(name, value),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write();
    },
    fail: (message) => core.setFailed(message),
  };
}
