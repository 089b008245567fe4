import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// MockTestRunner runs scenarios with the Node version task.json's newest handler names, and
// downloads it unless its cache has it. This machine has no internet: seed the cache, in a
// throwaway HOME, with the Node running the tests.
const TASK_JSON = path.resolve(import.meta.dirname, '../../../task.json');
const SCENARIO = path.join(import.meta.dirname, 'scenarios', 'inputs.cjs');
let home: string;
let originalHome: string | undefined;
type MockTestRunner = import('azure-pipelines-task-lib/mock-test.js').MockTestRunner;
let MockTestRunnerClass: new () => MockTestRunner;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'dataclone-l0-'));
  originalHome = process.env.HOME;
  process.env.HOME = home;
  // azure-pipelines-task-lib keeps its secret vault key (.taskkey) in the agent's temp folder.
  process.env.AGENT_TEMPDIRECTORY = home;
  for (const [major, version] of [
    ['24', 'v24.10.0'],
    ['20', 'v20.13.1'],
  ]) {
    const folder = path.join(home, 'azure-pipelines-task-lib', '_download', `node${major}`);
    await mkdir(path.join(folder, `node-${version}-linux-x64`, 'bin'), { recursive: true });
    await symlink(process.execPath, path.join(folder, `node-${version}-linux-x64`, 'bin', 'node'));
    await writeFile(`${folder}.completed`, '');
  }
  ({ MockTestRunner: MockTestRunnerClass } = await import('azure-pipelines-task-lib/mock-test.js'));
});

afterAll(async () => {
  process.env.HOME = originalHome;
  delete process.env.AGENT_TEMPDIRECTORY;
  await rm(home, { recursive: true, force: true });
});

async function runTask(inputs: Record<string, string>): Promise<MockTestRunner> {
  process.env.DATACLONE_L0_INPUTS = JSON.stringify(inputs);
  const runner = await new MockTestRunnerClass().LoadAsync(SCENARIO, TASK_JSON);
  await runner.runAsync();
  return runner;
}

describe('the Azure task reads its inputs (MockTestRunner)', () => {
  it.each([
    [{}, "input 'command' is required"],
    [{ command: 'frobnicate' }, "input 'command': 'frobnicate' is not a dataclone command"],
    [{ command: 'provision' }, "input 'image' or input 'environment' is required for command 'provision'"],
    [{ command: 'run' }, "input 'image' or input 'environment' is required for command 'run'"],
    [{ command: 'test' }, "input 'testCommand' is required for command 'test'"],
    [{ command: 'build-image' }, "input 'definition' is required for command 'build-image'"],
    [{ command: 'provision', image: 'x:1', port: 'eighty' }, "input 'port': 'eighty' is not a port number"],
    [
      { command: 'migrate', migrations: 'no-equals-sign' },
      "input 'migrations': 'no-equals-sign' is not name=value",
    ],
    [{ command: 'teardown', jobId: 'has spaces' }, "input 'jobId': 'has spaces' is not a usable job id"],
    [{ command: 'provision', image: 'x:1', keep: 'maybe' }, "input 'keep': 'maybe' is not true or false"],
    [{ command: 'migrate', prComment: 'maybe' }, "input 'prComment': 'maybe' is not true or false"],
  ])(
    'fails with TaskResult.Failed and one clear message for %j',
    async (inputs, message) => {
      const runner = await runTask(inputs);
      expect(runner.failed).toBe(true);
      expect(runner.errorIssues.join('\n')).toContain(message);
      expect(runner.errorIssues).toHaveLength(1);
    },
    30_000,
  );
});
