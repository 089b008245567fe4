import * as tl from 'azure-pipelines-task-lib/task.js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CiPlatform } from '../adapters/ci-platform.js';
import { AzureReporter } from './azure-reporter.js';
import { azureName } from './input-source.js';

/** Azure Pipelines' side of a dataclone step: output variables, the summary tab, the result. */
export function azurePlatform(): CiPlatform {
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
  };
}
