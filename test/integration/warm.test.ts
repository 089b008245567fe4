import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import { pinImage, pushImage } from '../../src/images/registry.js';
import { provision } from '../../src/pipeline/provision.js';
import { markdownSummary } from '../../src/report/markdown-summary.js';
import { startWarm } from '../../src/warm/start-warm.js';
import { stopWarm } from '../../src/warm/stop-warm.js';
import { warmRecordPath } from '../../src/warm/warm-record.js';
import { SAMPLE_DEFINITION } from '../support/fixtures.js';
import { importRandomImage, startRegistryCut } from '../support/registry-cut.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { useTestHost } from '../support/test-host.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const t = useTestHost();
let registry: TestRegistry;
let built: string;
let dir: string;
/** References under the registry's address, and the digests pulled: the run's cleanup does not match them. */
const references: string[] = [];

const login = () => ({ user: registry.user, password: registry.password });
/** The background process, as `dataclone image warm` starts it: the CLI from the sources. */
const worker = (record: string) => [
  process.execPath,
  '--import',
  'tsx',
  path.join(ROOT, 'src/cli/index.ts'),
  'image',
  'warm',
  '--worker',
  record,
];

function registryTag(name: string, tag: string, address = registry.address): string {
  const reference = `${address}/dataclone-test/${name}:${tag}`;
  references.push(reference);
  return reference;
}

async function tagAs(reference: string, image = built): Promise<string> {
  const id = (await t.host.inspectImage(image))?.id ?? '';
  await t.host.tagImage(id, reference);
  return id;
}

/** Moves a tag in the registry to the manifest of another, as a nightly build does. */
async function moveTag(repository: string, from: string, to: string): Promise<void> {
  const headers = {
    Authorization: `Basic ${Buffer.from(`${registry.user}:${registry.password}`).toString('base64')}`,
  };
  const manifest = await fetch(`http://${registry.address}/v2/${repository}/manifests/${from}`, {
    headers: {
      ...headers,
      Accept:
        'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json',
    },
  });
  const moved = await fetch(`http://${registry.address}/v2/${repository}/manifests/${to}`, {
    method: 'PUT',
    headers: { ...headers, 'Content-Type': manifest.headers.get('content-type') ?? '' },
    body: Buffer.from(await manifest.arrayBuffer()),
  });
  expect(moved.status).toBe(201);
}

beforeAll(async () => {
  registry = await startRegistry();
  dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-warm-'));
  built = t.imageTag('warm');
  await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(SAMPLE_DEFINITION),
    tag: built,
  });
});

afterAll(async () => {
  for (const reference of references) await t.host.removeImage(reference).catch(() => {});
  await t.cleanup();
  await registry?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a warm step: the job pulls its image in the background from the start', () => {
  it('pins a moving tag at the start: provision clones that image though the tag moved meanwhile, and says how long it waited; a digest is pulled as it is', async () => {
    const job = `${t.owner}-warm-pin`;
    const moving = registryTag('warm', 'moving');
    const next = registryTag('warm', 'next');
    const first = await tagAs(moving);
    await pushImage({ host: t.host, reporter: t.reporter, reference: moving, credentials: login() });
    // The next nightly: the same data image with one more label, so another image and digest.
    const scratch = await t.host.createContainer({
      name: t.cloneName('warm-next'),
      image: built,
      labels: { 'dataclone.owner': job },
      entrypoint: ['true'],
    });
    const second = await t.host.commitContainer(scratch, ['LABEL nightly=next']);
    await t.host.removeContainer(scratch);
    await t.host.tagImage(second, next);
    await pushImage({ host: t.host, reporter: t.reporter, reference: next, credentials: login() });
    await t.host.removeImage(moving);

    const record = warmRecordPath(dir, job);
    const warm = await startWarm({
      host: t.host,
      reporter: t.reporter,
      owner: job,
      references: [moving],
      record,
      credentials: login(),
      worker,
    });
    const pinned = warm.images[0]?.pinned ?? '';
    references.push(pinned);
    expect(pinned).toMatch(new RegExp(`^${registry.address}/dataclone-test/warm@sha256:[0-9a-f]{64}$`));
    expect(warm.pid).toBeGreaterThan(0);

    await moveTag('dataclone-test/warm', 'next', 'moving');
    const now = await pinImage({
      host: t.host,
      reporter: t.reporter,
      reference: moving,
      credentials: login(),
    });
    expect(now).not.toBe(pinned);

    const result = await provision(
      { host: t.host, reporter: t.reporter, owner: job },
      { image: moving, warmRecord: record },
    );
    expect(result.clones[0]?.imageId).toBe(first);
    expect(result.clones[0]?.image).toBe(pinned);
    expect(result.warm?.images).toEqual([
      expect.objectContaining({ reference: moving, pinned, pullMs: expect.any(Number) }),
    ]);
    expect(result.warm?.waitedMs).toBeGreaterThanOrEqual(0);
    const summary = markdownSummary(result);
    expect(summary).toContain('### Warm pull');
    expect(summary).toMatch(/provision waited \d+\.\d s for the warm pull/);
    expect(summary).toContain(`${moving} (pinned to ${pinned}): pulled in`);
    // The job's tag names the image the job uses, only once it is pulled whole.
    expect((await t.host.inspectImage(moving))?.id).toBe(first);
    expect(first).not.toBe(second);
    await stopWarm(record, t.reporter);

    // By digest: nothing to pin, the same image.
    const byDigest = warmRecordPath(dir, `${job}-digest`);
    const again = await startWarm({
      host: t.host,
      reporter: t.reporter,
      owner: `${job}-digest`,
      references: [pinned],
      record: byDigest,
      credentials: login(),
      worker,
    });
    expect(again.images[0]?.pinned).toBe(pinned);
    const cloned = await provision(
      { host: t.host, reporter: t.reporter, owner: `${job}-digest` },
      { image: pinned, warmRecord: byDigest },
    );
    expect(cloned.clones[0]?.imageId).toBe(first);
    expect(cloned.warm?.images[0]?.pinned).toBe(pinned);
    await stopWarm(byDigest, t.reporter);
  });

  it('a warm pull whose login the registry refuses: provision reports that refusal, naming the registry and the image, at once', async () => {
    const job = `${t.owner}-warm-refused`;
    const reference = registryTag('warm', 'refused');
    await tagAs(reference);
    await pushImage({ host: t.host, reporter: t.reporter, reference, credentials: login() });
    await t.host.removeImage(reference);
    const record = warmRecordPath(dir, job);
    const warm = await startWarm({
      host: t.host,
      reporter: t.reporter,
      owner: job,
      references: [reference],
      record,
      credentials: { user: registry.user, password: 'wrong' },
      worker,
    });
    expect(warm.images[0]?.state).toBe('failed');

    const started = performance.now();
    const error = await provision(
      { host: t.host, reporter: t.reporter, owner: job },
      { image: reference, warmRecord: record },
    ).then(
      () => undefined,
      (e: unknown) => e as Error & { hint?: string },
    );
    expect(performance.now() - started).toBeLessThan(5000);
    expect(error?.message).toContain(
      `the warm step could not pull ${reference}: could not pull ${reference} from registry ${registry.address}: `,
    );
    expect(error?.hint).toMatch(/refused the credentials/);
    expect(await t.host.inspectImage(reference)).toBeUndefined();
    await stopWarm(record, t.reporter);
  });

  it('a pull the registry breaks off half way: no image under the tag, and provision fails with the error, naming the registry and the image', async () => {
    const job = `${t.owner}-warm-cut`;
    // One layer of 40 MB that does not compress: the pull must download it.
    const direct = registryTag('warm-big', '1');
    await importRandomImage(t.docker, direct, 40 * 1024 * 1024);
    await pushImage({ host: t.host, reporter: t.reporter, reference: direct, credentials: login() });
    await t.host.removeImage(direct);

    const cut = await startRegistryCut(registry.address, 8 * 1024 * 1024);
    try {
      const reference = registryTag('warm-big', '1', cut.address);
      const record = warmRecordPath(dir, job);
      const warm = await startWarm({
        host: t.host,
        reporter: t.reporter,
        owner: job,
        references: [reference],
        record,
        credentials: login(),
        worker,
      });
      const pinned = warm.images[0]?.pinned ?? '';
      references.push(pinned);
      expect(pinned).toContain('@sha256:');

      const error = await provision(
        { host: t.host, reporter: t.reporter, owner: job },
        { image: reference, warmRecord: record },
      ).then(
        () => undefined,
        (e: unknown) => e as Error & { hint?: string },
      );
      expect(cut.cut()).toBe(true);
      expect(error?.message).toContain(
        `the warm step could not pull ${reference}: could not pull ${pinned} from registry ${cut.address}: `,
      );
      expect(error?.hint).toMatch(new RegExp(`${cut.address} cannot be reached`));
      expect(await t.host.inspectImage(reference)).toBeUndefined();
      expect(await t.host.inspectImage(pinned)).toBeUndefined();
      await stopWarm(record, t.reporter);
    } finally {
      await cut.stop();
    }
  }, 240_000);
});
