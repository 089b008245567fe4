import * as core from '@actions/core';
import { describeError } from '../core/errors.js';
import { teardown } from '../pipeline/teardown.js';
import { GithubReporter } from './github-reporter.js';
import { dockerHost } from './main.js';
import { readState } from './state.js';

/**
 * The post step: removes every clone the job owns unless `keep`, also after main failed or was
 * killed. It warns instead of failing: cleanup must never turn a green job red.
 */
export async function post(): Promise<void> {
  const state = readState();
  if (!state) {
    core.info('dataclone: main did not start, nothing to clean up');
    return;
  }
  if (state.keep) {
    core.info(`dataclone: keep is set, the clones of job ${state.owner} stay running`);
    return;
  }
  try {
    const reporter = new GithubReporter();
    await teardown({ host: dockerHost(state.dockerHost), reporter, owner: state.owner });
  } catch (error) {
    core.warning(`dataclone: teardown of job ${state.owner} failed: ${describeError(error).message}`);
  }
}
