import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import { COMMENT_MARKER } from '../../src/adapters/pull-request-comment.js';
import { AzureAgent } from '../support/azure-agent.js';
import { FAKE_TOKEN, pullRequestBuildEnv, startFakeAzureDevOps } from '../support/fake-azure-devops.js';
import { KILL_POINTS } from '../support/kill-points.js';
import { SAMPLE_DEFINITION } from '../support/fixtures.js';
import { useTestHost } from '../support/test-host.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FLYWAY = path.join(ROOT, 'test/flyway-standin/flyway');
const t = useTestHost();
let image: string;
let agent: AzureAgent;

beforeAll(async () => {
  image = t.imageTag('azure');
  await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(SAMPLE_DEFINITION),
    tag: image,
  });
});
afterAll(() => t.cleanup());
beforeEach(async () => {
  agent = new AzureAgent();
  await agent.start();
});
afterEach(() => agent.dispose());

describe('the Azure DevOps task (built dist, run as the agent runs it)', () => {
  it('runs provision, migrate and tests; sets output variables, secret ones masked; post-job removes the clone', async () => {
    const job = `${t.owner}-azp-run`;
    const run = await agent.execution({
      command: 'run',
      image,
      definition: SAMPLE_DEFINITION,
      flyway: FLYWAY,
      testCommand: 'test -n "$DATACLONE_ORDERS_URL"',
      keep: 'true',
      jobId: job,
    });
    expect(run.result).toBeUndefined();
    expect(run.code).toBe(0);
    const password = run.outputs.password ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{32}$/);
    // The first time the password is printed, it is to register it as a secret.
    const lines = run.stdout.split('\n');
    const first = lines.findIndex((line) => line.includes(password));
    expect(lines[first]).toBe(`##vso[task.setsecret]${password}`);
    for (const line of lines.filter((l) => l.includes(password)))
      expect(line).toMatch(/^##vso\[task\.(setsecret|setvariable [^\]]*issecret=true)/);
    expect(run.outputs).toMatchObject({
      host: '127.0.0.1',
      user: 'postgres',
      testExitCode: '0',
      cloneName: expect.any(String),
    });
    expect(run.outputs.databaseUrl).toContain(`:${password}@`);
    expect(run.summary).toContain('| customers | ok | 1 (2) | 2 |');
    expect(run.summary).toMatch(/^- 2 add loyalty tier \(\d+ ms\)$/m);
    expect(await t.host.findContainers({ 'dataclone.owner': job })).toHaveLength(1);

    expect((await agent.postJobExecution()).stdout).toContain('keep is set');
    agent.taskVariables['dataclone.keep'] = 'false';
    const post = await agent.postJobExecution();
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/Removed 1 clone\(s\) of job/);
    expect(await t.host.findContainers({ 'dataclone.owner': job })).toEqual([]);
  });

  it('posts the migration checks as one pull request thread with the mapped System.AccessToken, updates it on the next build, and never from a fork', async () => {
    const azure = await startFakeAzureDevOps();
    try {
      const build = (jobId: string, variables: Record<string, string>) =>
        agent.execution(
          {
            command: 'run',
            image,
            definition: SAMPLE_DEFINITION,
            flyway: FLYWAY,
            // Flyway and the test command inherit the task's environment: the token is not in it.
            testCommand: 'test -z "$SYSTEM_ACCESSTOKEN"',
            prComment: 'true',
            jobId,
          },
          {},
          { ...pullRequestBuildEnv(azure.collectionUri), SYSTEM_ACCESSTOKEN: FAKE_TOKEN, ...variables },
        );
      const first = await build(`${t.owner}-azp-pr1`, {});
      expect(first.result).toBeUndefined();
      expect(first.outputs.testExitCode).toBe('0');
      expect(first.summary).toMatch(
        /^> Pull request comment: created http:\/\/127\.0\.0\.1:\d+\/contoso\/.*discussionId=100$/m,
      );
      const second = await build(`${t.owner}-azp-pr2`, {});
      expect(second.summary).toMatch(/^> Pull request comment: updated .*discussionId=100$/m);
      expect(azure.threads).toHaveLength(1);
      const content = azure.threads[0]!.comments[0]!.content;
      expect(content.startsWith(`${COMMENT_MARKER}\n## dataclone\n\n### Migration checks`)).toBe(true);
      expect(content).toMatch(/2 add loyalty tier/);
      // The token is masked before anything could print it, and printed nowhere else.
      for (const run of [first, second]) {
        const lines = run.stdout.split('\n').filter((line) => line.includes(FAKE_TOKEN));
        expect(lines).toEqual([`##vso[task.setsecret]${FAKE_TOKEN}`]);
      }

      // Without the mapping, the token of the agent's own SystemVssConnection.
      const agentToken = await build(`${t.owner}-azp-pr3`, {
        SYSTEM_ACCESSTOKEN: '',
        ENDPOINT_AUTH_SYSTEMVSSCONNECTION: JSON.stringify({
          parameters: { AccessToken: FAKE_TOKEN },
          scheme: 'OAuth',
        }),
      });
      expect(agentToken.summary).toMatch(/^> Pull request comment: updated .*discussionId=100$/m);
      expect(agentToken.stdout.split('\n').filter((line) => line.includes(FAKE_TOKEN))).toEqual([
        `##vso[task.setsecret]${FAKE_TOKEN}`,
      ]);
      expect(azure.threads).toHaveLength(1);

      const calls = azure.calls.length;
      const fork = await build(`${t.owner}-azp-fork`, { SYSTEM_PULLREQUEST_ISFORK: 'True' });
      expect(fork.result).toBeUndefined();
      expect(fork.summary).toMatch(
        /^> Pull request comment: pull request 42 comes from a fork, .*no thread posted/m,
      );
      expect(azure.calls).toHaveLength(calls);

      azure.refuse = 403;
      const refused = await build(`${t.owner}-azp-403`, {});
      expect(refused.result).toBeUndefined();
      expect(refused.code).toBe(0);
      expect(refused.summary).toMatch(
        /^> Pull request comment: the pull request comment was not posted: .* answered 403/m,
      );
      expect(refused.commands).toContainEqual(
        expect.objectContaining({
          name: 'task.issue',
          properties: expect.objectContaining({ type: 'warning' }),
        }),
      );
    } finally {
      await azure.close();
    }
  });

  it('post-job removes the clone after the execution handler was killed half way', async () => {
    const job = `${t.owner}-azp-killed`;
    const handle: { kill?: () => void } = {};
    const running = agent.execution({ command: 'provision', image, jobId: job }, handle);
    for (let i = 0; i < 400 && (await t.host.findContainers({ 'dataclone.owner': job })).length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    handle.kill?.();
    expect((await running).signal).toBe('SIGKILL');
    expect(await t.host.findContainers({ 'dataclone.owner': job })).toHaveLength(1);
    expect((await agent.postJobExecution()).code).toBe(0);
    expect(await t.host.findContainers({ 'dataclone.owner': job })).toEqual([]);
  });

  it.each(KILL_POINTS)(
    'post-job removes every clone and makes none when the execution handler was %s',
    async (_when, killAfter) => {
      const job = `${t.owner}-azp-kill-${killAfter}`;
      const handle: { kill?: () => void } = {};
      const running = agent.execution({ command: 'provision', image, jobId: job }, handle);
      await new Promise((resolve) => setTimeout(resolve, killAfter));
      handle.kill?.();
      await running;
      const post = await agent.postJobExecution();
      expect(post.code).toBe(0);
      // Post does none of main's work: it makes no clone and sets no output.
      expect(post.outputs).toEqual({});
      expect(post.stdout).not.toContain('is ready on');
      expect(await t.host.findContainers({ 'dataclone.owner': job })).toEqual([]);
    },
  );

  it('post-job does nothing when the task was skipped', async () => {
    const post = await agent.postJobExecution();
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('nothing to clean up');
    expect(post.result).toBeUndefined();
  });

  it.each([
    [{ command: 'frobnicate' }, "input 'command': 'frobnicate' is not a dataclone command"],
    [{ command: 'provision' }, "input 'image' or input 'environment' is required for command 'provision'"],
    [{ command: 'test' }, "input 'testCommand' is required for command 'test'"],
    [
      { command: 'provision', image: 'x:1', dockerHost: 'tcp://127.0.0.1:1' },
      'cannot reach docker-host tcp://127.0.0.1:1',
    ],
  ])(
    'ends with TaskResult.Failed and one clear message for %j, leaving nothing running',
    async (inputs, message) => {
      const before = await t.snapshot();
      const run = await agent.execution({ jobId: `${t.owner}-azp-bad`, ...inputs });
      expect(run.result?.result).toBe('Failed');
      expect(run.result?.message).toContain(message);
      expect(await t.snapshot()).toEqual(before);
    },
  );
});
