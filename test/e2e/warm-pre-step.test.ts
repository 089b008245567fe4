import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import { pushImage } from '../../src/images/registry.js';
import { stopWarm } from '../../src/warm/stop-warm.js';
import { processRuns, warmRecordPath, type WarmRecord } from '../../src/warm/warm-record.js';
import { AzureAgent } from '../support/azure-agent.js';
import { SAMPLE_DEFINITION } from '../support/fixtures.js';
import { GithubRunner } from '../support/github-runner.js';
import { importRandomImage, startRegistryCut, type RegistryCut } from '../support/registry-cut.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { useTestHost } from '../support/test-host.js';

const t = useTestHost();
let registry: TestRegistry;
/** The data image, in the registry only (its layers stay on the engine: a quick pull). */
let image: string;
/** 40 MB that does not compress, in the registry only, pulled through `stalled`. */
let big: string;
const references: string[] = [];
/** Records of warm steps, stopped after the tests whatever happened. */
const records: string[] = [];

const login = () => ({
  DATACLONE_REGISTRY_USER: registry.user,
  DATACLONE_REGISTRY_PASSWORD: registry.password,
});

beforeAll(async () => {
  registry = await startRegistry();
  const built = t.imageTag('warm-e2e');
  await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(SAMPLE_DEFINITION),
    tag: built,
  });
  image = `${registry.address}/dataclone-test/warm-e2e:1`;
  big = `${registry.address}/dataclone-test/warm-e2e-big:1`;
  references.push(image, big);
  await t.host.tagImage((await t.host.inspectImage(built))?.id ?? '', image);
  await importRandomImage(t.docker, big, 40 * 1024 * 1024);
  const credentials = { user: registry.user, password: registry.password };
  for (const reference of [image, big]) {
    await pushImage({ host: t.host, reporter: t.reporter, reference, credentials });
    await t.host.removeImage(reference);
  }
});

/** A proxy that stops answering after 4 MB and hangs: a pull through it runs until something stops it. */
function stalledRegistry(): Promise<RegistryCut> {
  return startRegistryCut(registry.address, 4 * 1024 * 1024, 'stall');
}

afterAll(async () => {
  for (const record of records) await stopWarm(record, t.reporter).catch(() => {});
  for (const reference of references) await t.host.removeImage(reference).catch(() => {});
  await t.cleanup();
  await registry?.stop();
});

async function readRecord(file: string): Promise<WarmRecord> {
  return JSON.parse(await readFile(file, 'utf8')) as WarmRecord;
}

describe('the GitHub Action with warm: its pre step pulls at the start of the job', () => {
  it('pre pulls in the background and ends; main provisions the digest it pinned and says how long it waited; post removes the clone and the record', async () => {
    const runner = new GithubRunner(login());
    await runner.start();
    const job = `${t.owner}-gh-warm`;
    const record = warmRecordPath(runner.tempDir, job);
    records.push(record);
    try {
      const inputs = { command: 'provision', image, warm: 'true', 'job-id': job };
      const pre = await runner.pre(inputs);
      expect(pre.code).toBe(0);
      expect(pre.stdout).toMatch(/in the background \(process \d+\)/);
      const pinned = (await readRecord(record)).images[0]?.pinned ?? '';
      references.push(pinned);
      expect(pinned).toMatch(/@sha256:[0-9a-f]{64}$/);

      const main = await runner.main(inputs);
      expect(main.code).toBe(0);
      expect(main.summary).toContain('### Warm pull');
      expect(main.summary).toMatch(/provision waited \d+\.\d s for the warm pull/);
      expect(main.summary).toContain(`${image} (pinned to ${pinned}): pulled in`);
      const [clone] = await t.host.findContainers({ 'dataclone.owner': job });
      expect((await t.host.inspectContainer(clone ?? ''))?.labels['dataclone.image']).toBe(pinned);

      const post = await runner.post();
      expect(post.code).toBe(0);
      expect(await t.host.findContainers({ 'dataclone.owner': job })).toEqual([]);
      await expect(readFile(record)).rejects.toThrow(/ENOENT/);
    } finally {
      await runner.dispose();
    }
  });

  it('without warm, pre does nothing', async () => {
    const runner = new GithubRunner();
    await runner.start();
    try {
      const pre = await runner.pre({ command: 'provision', image, 'job-id': `${t.owner}-gh-nowarm` });
      expect(pre.code).toBe(0);
      expect(pre.stdout).toBe('');
    } finally {
      await runner.dispose();
    }
  });

  it('post stops a warm pull still running when the job is cancelled while main waits for it; nothing is tagged', async () => {
    const runner = new GithubRunner(login());
    await runner.start();
    const job = `${t.owner}-gh-warm-cancel`;
    const record = warmRecordPath(runner.tempDir, job);
    records.push(record);
    const stalled = await stalledRegistry();
    const reference = big.replace(registry.address, stalled.address);
    references.push(reference);
    try {
      const inputs = { command: 'provision', image: reference, warm: 'true', 'job-id': job };
      expect((await runner.pre(inputs)).code).toBe(0);
      const { pid } = await readRecord(record);
      const handle: { kill?: () => void } = {};
      const main = runner.main(inputs, handle);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      handle.kill?.();
      expect((await main).stdout).toContain('Waiting for the warm pull of');
      expect(pid && processRuns(pid)).toBe(true);

      const post = await runner.post();
      expect(post.code).toBe(0);
      expect(post.stdout).toMatch(new RegExp(`Stopped the warm pull of .* \\(process ${pid}\\)`));
      expect(pid && processRuns(pid)).toBe(false);
      expect(await t.host.inspectImage(reference)).toBeUndefined();
      await expect(readFile(record)).rejects.toThrow(/ENOENT/);
    } finally {
      await runner.dispose();
      await stalled.stop();
    }
  });

  it('a warm pull whose login the registry refuses: main fails with that refusal, naming the registry and the image, at once', async () => {
    const runner = new GithubRunner({ ...login(), DATACLONE_REGISTRY_PASSWORD: 'wrong' });
    await runner.start();
    const job = `${t.owner}-gh-warm-refused`;
    records.push(warmRecordPath(runner.tempDir, job));
    try {
      const inputs = { command: 'provision', image, warm: 'true', 'job-id': job };
      const pre = await runner.pre(inputs);
      expect(pre.code).toBe(0);
      expect(pre.stdout).toContain(`::warning::could not pull ${image} from registry ${registry.address}`);
      const started = performance.now();
      const main = await runner.main(inputs);
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(main.code).toBe(1);
      expect(main.stdout).toContain(
        `::error::the warm step could not pull ${image}: could not pull ${image} from registry ${registry.address}`,
      );
      expect(main.stdout).toContain('The registry refused the credentials');
      await runner.post();
    } finally {
      await runner.dispose();
    }
  });
});

describe('the Azure task with warm: its prejobexecution handler pulls at the start of the job', () => {
  it('pre-job pulls in the background; execution provisions the digest it pinned and says how long it waited; post-job removes the clone', async () => {
    const agent = new AzureAgent(login());
    await agent.start();
    const job = `${t.owner}-azp-warm`;
    const record = warmRecordPath(agent.tempDir, job);
    records.push(record);
    try {
      const inputs = { command: 'provision', image, warm: 'true', jobId: job };
      const pre = await agent.preJobExecution(inputs);
      expect(pre.code).toBe(0);
      expect(pre.stdout).toMatch(/in the background \(process \d+\)/);
      const pinned = (await readRecord(record)).images[0]?.pinned ?? '';
      references.push(pinned);

      const run = await agent.execution(inputs);
      expect(run.result).toBeUndefined();
      expect(run.summary).toContain(`${image} (pinned to ${pinned}): pulled in`);
      expect(run.summary).toMatch(/provision waited \d+\.\d s for the warm pull/);

      const post = await agent.postJobExecution();
      expect(post.code).toBe(0);
      expect(await t.host.findContainers({ 'dataclone.owner': job })).toEqual([]);
      await expect(readFile(record)).rejects.toThrow(/ENOENT/);
    } finally {
      await agent.dispose();
    }
  });

  it('post-job stops a warm pull still running when the execution handler never ran', async () => {
    const agent = new AzureAgent(login());
    await agent.start();
    const job = `${t.owner}-azp-warm-cancel`;
    const record = warmRecordPath(agent.tempDir, job);
    records.push(record);
    const stalled = await stalledRegistry();
    const reference = big.replace(registry.address, stalled.address);
    try {
      expect(
        (await agent.preJobExecution({ command: 'provision', image: reference, warm: 'true', jobId: job }))
          .code,
      ).toBe(0);
      const { pid } = await readRecord(record);
      expect(pid && processRuns(pid)).toBe(true);

      const post = await agent.postJobExecution();
      expect(post.code).toBe(0);
      expect(post.stdout).toMatch(new RegExp(`Stopped the warm pull of .* \\(process ${pid}\\)`));
      expect(pid && processRuns(pid)).toBe(false);
      expect(await t.host.inspectImage(reference)).toBeUndefined();
    } finally {
      await agent.dispose();
      await stalled.stop();
    }
  });
});
