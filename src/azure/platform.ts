import * as tl from 'azure-pipelines-task-lib/task.js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CiPlatform } from '../adapters/ci-platform.js';
import { outcomeText } from '../adapters/pull-request-comment.js';
import { AzureReporter } from './azure-reporter.js';
import { azureName } from './input-source.js';
import { pullRequestOfBuild, upsertPullRequestThread } from './pull-request-thread.js';

/** Azure Pipelines' side of a dataclone step: output variables, the summary tab, the result. */
export function azurePlatform(): CiPlatform {
  const mappedToken = takeMappedToken();
  return {
    reporter: new AzureReporter(),
    // Output variables in camelCase, like the inputs; secret ones are masked by the agent.
    setOutput: (name, value, secret) => tl.setVariable(azureName(name), value, secret, true),
    writeSummary: async (markdown) => {
      const folder = await mkdtemp(
        path.join(tl.getVariable('Agent.TempDirectory') ?? os.tmpdir(), 'dataclone-'),
      );
      const file = path.join(folder, 'dataclone-summary.md');
      await writeFile(file, markdown);
      tl.uploadSummary(file);
    },
    fail: (message) => tl.setResult(tl.TaskResult.Failed, message),
    tempDir: tl.getVariable('Agent.TempDirectory') || os.tmpdir(),
    commentOnPullRequest: async (markdown) => {
      const token = mappedToken || agentToken();
      const pull = pullRequestOfBuild(process.env, token);
      if ('skipped' in pull) return pull.skipped;
      const outcome = await upsertPullRequestThread(pull.target, markdown);
      if (outcome.kind === 'warning') tl.warning(outcome.message);
      return outcomeText(outcome);
    },
  };
}

/**
 * The build's access token as the pipeline maps it into the task's env (SYSTEM_ACCESSTOKEN:
 * $(System.AccessToken)), masked and taken out of the environment at once, so that Flyway and
 * the test command, which inherit the environment, never see it.
 */
function takeMappedToken(): string {
  const token = process.env.SYSTEM_ACCESSTOKEN ?? '';
  delete process.env.SYSTEM_ACCESSTOKEN;
  if (token) tl.setSecret(token);
  return token;
}

/** The token of the agent's SystemVssConnection, which task-lib keeps in its vault, not in env. */
function agentToken(): string {
  // getEndpointAuthorization, not ...Parameter: that one writes the value to the debug log.
  const token = tl.getEndpointAuthorization('SystemVssConnection', true)?.parameters?.AccessToken ?? '';
  if (token) tl.setSecret(token);
  return token;
}
