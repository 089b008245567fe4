import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import { SAMPLE_DEFINITION } from '../support/fixtures.js';
import { KILL_POINTS } from '../support/kill-points.js';
import { GithubRunner } from '../support/github-runner.js';
import { useTestHost } from '../support/test-host.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FLYWAY = path.join(ROOT, 'test/flyway-standin/flyway');
const t = useTestHost();
let image: string;
let runner: GithubRunner;

beforeAll(async () => {
  image = t.imageTag('action');
  await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(SAMPLE_DEFINITION),
    tag: image,
  });
});
afterAll(() => t.cleanup());
beforeEach(async () => {
  runner = new GithubRunner();
  await runner.start();
});
afterEach(() => runner.dispose());

/** Every line that shows the password is the runner's own add-mask command. */
function expectMasked(stdout: string, password: string): void {
  const index = stdout.indexOf(`::add-mask::${password}`);
  expect(index).toBeGreaterThanOrEqual(0);
  const leaks = stdout
    .split('\n')
    .filter((line) => line.includes(password) && line !== `::add-mask::${password}`);
  expect(leaks).toEqual([]);
}

describe('the GitHub Action (built dist, run as the runner runs it)', () => {
  it('runs provision, migrate and tests; outputs the connection, masks the password, writes a summary; post removes the clone', async () => {
    const job = `${t.owner}-gh-run`;
    const main = await runner.main({
      command: 'run',
      image,
      definition: SAMPLE_DEFINITION,
      flyway: FLYWAY,
      'test-command': `node -e "require('pg'); if (!process.env.DATACLONE_ORDERS_URL) process.exit(5)"`,
      keep: 'true',
      'job-id': job,
    });
    expect(main.code).toBe(0);
    const password = main.outputs.password ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{32}$/);
    expectMasked(main.stdout, password);
    expect(main.outputs).toMatchObject({ host: '127.0.0.1', user: 'postgres', 'test-exit-code': '0' });
    expect(main.outputs['database-url']).toBe(
      `postgresql://postgres:${password}@127.0.0.1:${main.outputs.port}/customers`,
    );
    expect(JSON.parse(main.outputs.databases ?? '[]').map((db: { name: string }) => db.name)).toEqual([
      'customers',
      'orders',
      'reporting',
    ]);
    expect(JSON.parse(main.outputs.migrations ?? '[]')).toEqual([
      { database: 'customers', success: true, version: '2', applied: ['2'] },
      { database: 'orders', success: true, version: '2', applied: ['2'] },
    ]);
    expect(main.summary).toContain('## dataclone');
    expect(main.summary).toContain('| customers | ok | 1 (2) | 2 |');
    expect(main.summary).toMatch(/^- 2 add loyalty tier \(\d+ ms\)$/m);
    expect(main.summary).not.toContain(password);
    expect(await t.host.findContainers({ 'dataclone.owner': job })).toHaveLength(1);

    // keep was set: post leaves the clone; then without keep it removes it.
    expect((await runner.post()).stdout).toContain('keep is set');
    runner.state.keep = 'false';
    const post = await runner.post();
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/Removed 1 clone\(s\) of job/);
    expect(await t.host.findContainers({ 'dataclone.owner': job })).toEqual([]);
  });

  it.each([...KILL_POINTS, ['not killed', undefined] as const])(
    'post removes every clone and makes none when main was %s',
    async (_when, killAfter) => {
      const job = `${t.owner}-gh-kill-${killAfter ?? 'none'}`;
      const handle: { kill?: () => void } = {};
      const running = runner.main({ command: 'provision', image, 'job-id': job }, handle);
      if (killAfter !== undefined) {
        await new Promise((resolve) => setTimeout(resolve, killAfter));
        handle.kill?.();
      }
      const main = await running;
      if (killAfter === undefined) expect(main.code).toBe(0);
      const post = await runner.post();
      expect(post.code).toBe(0);
      // Post does none of main's work: it makes no clone and sets no output.
      expect(post.outputs).toEqual({});
      expect(post.stdout).not.toContain('is ready on');
      expect(await t.host.findContainers({ 'dataclone.owner': job })).toEqual([]);
    },
  );

  it('post finds the job from the run when main was killed before it saved anything and no job-id was given', async () => {
    const run = { GITHUB_RUN_ID: `${Date.now()}`, GITHUB_RUN_ATTEMPT: '2', GITHUB_JOB: 'killed' };
    const job = `gh-${run.GITHUB_RUN_ID}-2-killed`;
    const derived = new GithubRunner(run);
    await derived.start();
    try {
      const handle: { kill?: () => void } = {};
      const running = derived.main({ command: 'provision', image }, handle);
      for (
        let i = 0;
        i < 500 && (await t.host.findContainers({ 'dataclone.owner': job })).length === 0;
        i++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      handle.kill?.();
      await running;
      expect(await t.host.findContainers({ 'dataclone.owner': job })).toHaveLength(1);
      derived.state = {}; // as if main had been killed before its state reached the runner
      const post = await derived.post();
      expect(post.code).toBe(0);
      expect(post.stdout).toContain(`main saved no state; cleaning up job ${job}`);
      expect(await t.host.findContainers({ 'dataclone.owner': job })).toEqual([]);
    } finally {
      for (const id of await t.host.findContainers({ 'dataclone.owner': job }))
        await t.host.removeContainer(id);
      await derived.dispose();
    }
  });

  it('post does not fail the job when main failed before it made anything', async () => {
    expect((await runner.main({ command: 'provision' })).code).toBe(1);
    const post = await runner.post();
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('had no clones to remove');
  });

  it.each([
    [{ command: 'frobnicate' }, "input 'command': 'frobnicate' is not a dataclone command"],
    [{ command: 'provision' }, "input 'image' or input 'environment' is required for command 'provision'"],
    [{ command: 'test' }, "input 'test-command' is required for command 'test'"],
    [
      { command: 'build-image', definition: '/nonexistent/dataclone.yaml' },
      'image definition /nonexistent/dataclone.yaml does not exist',
    ],
    [
      { command: 'provision', image: 'x:1', 'docker-host': 'tcp://127.0.0.1:1' },
      'cannot reach docker-host tcp://127.0.0.1:1',
    ],
  ])('fails the step with one clear message for %j, leaving nothing running', async (inputs, message) => {
    const before = await t.snapshot();
    const main = await runner.main({ 'job-id': `${t.owner}-gh-bad`, ...inputs });
    expect(main.code).toBe(1);
    expect(main.stdout).toContain(`::error::${message}`);
    expect(await t.snapshot()).toEqual(before);
  });
});
