import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import { readDataImage } from '../../src/images/data-image.js';
import { promoteImage } from '../../src/images/promote-image.js';
import { pruneImages } from '../../src/images/prune-images.js';
import { pullImage, pushImage } from '../../src/images/registry.js';
import { SAMPLE_DEFINITION } from '../support/fixtures.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { useTestHost } from '../support/test-host.js';

const t = useTestHost();
let registry: TestRegistry;
let built: string;
/** Tags under the registry's address: the run's cleanup does not match them, so they are kept here. */
const registryTags: string[] = [];

function registryTag(name: string, tag: string): string {
  const reference = `${registry.address}/dataclone-test/${name}:${tag}`;
  registryTags.push(reference);
  return reference;
}

const login = () => ({ user: registry.user, password: registry.password });

beforeAll(async () => {
  registry = await startRegistry();
  built = t.imageTag('registry');
  await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(SAMPLE_DEFINITION),
    tag: built,
  });
});

afterAll(async () => {
  for (const tag of registryTags) await t.host.removeImage(tag).catch(() => {});
  await t.cleanup();
  await registry?.stop();
});

/**
 * A pull as an engine on another machine gets it: DOCKER_HOST names a TCP engine, so the pull
 * cannot sync here (the engine's socket stays the test host's own).
 */
function pullFromElsewhere(reference: string) {
  return {
    host: t.host,
    reporter: t.reporter,
    reference,
    env: { DOCKER_HOST: 'tcp://clones.example.com:2376' },
  };
}

/** The containers `pullImage` starts to write an image to disk, still there. */
async function flushContainers(reference: string): Promise<string[]> {
  const listed = await t.docker.listContainers({
    all: true,
    filters: { name: ['dataclone-flush-'], ancestor: [reference] },
  });
  return listed.map((c) => c.Names[0] ?? c.Id);
}

async function tagAs(reference: string): Promise<string> {
  const id = (await t.host.inspectImage(built))?.id ?? '';
  await t.host.tagImage(id, reference);
  return id;
}

describe('data images and a registry with authentication', () => {
  it('pushes with progress and masked credentials, and pulls back by tag and by digest', async () => {
    const reference = registryTag('shop', '2026-11-25');
    await tagAs(reference);
    const digest = await pushImage({ host: t.host, reporter: t.reporter, reference, credentials: login() });
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(t.reporter.secrets).toContain(registry.password);
    expect(t.reporter.progressUpdates.some((u) => u.task === `push ${reference}`)).toBe(true);

    await t.host.removeImage(reference);
    const pulled = await pullImage({ host: t.host, reporter: t.reporter, reference, credentials: login() });
    expect((await readDataImage(t.host, reference)).engine).toBe('postgres');
    // Written to disk before it returns (sync here: the engine shares this machine's kernel).
    expect(pulled.flushMs).toBeGreaterThanOrEqual(0);
    expect(t.reporter.lines).toContain(`Pulled ${reference} in ${(pulled.pullMs / 1000).toFixed(1)} s`);
    expect(t.reporter.lines).toContain(`Written to disk in ${((pulled.flushMs ?? 0) / 1000).toFixed(1)} s`);
    expect(await flushContainers(reference)).toEqual([]);

    // An engine on another machine: written to disk from a container of the image, gone again.
    await t.host.removeImage(reference);
    const remote = await pullImage({ ...pullFromElsewhere(reference), credentials: login() });
    expect(remote.flushMs).toBeGreaterThan(0);
    expect(await flushContainers(reference)).toEqual([]);
    const byDigest = `${reference.split(':2026')[0]}@${digest}`;
    await pullImage({ host: t.host, reporter: t.reporter, reference: byDigest, credentials: login() });
  });

  it.each([
    ['wrong credentials', () => ({ user: 'ci-pusher', password: 'wrong' }), /refused the credentials/],
    ['no credentials', () => undefined, /Log in: set DATACLONE_REGISTRY_USER/],
  ])('%s: a clear error, nothing pushed', async (_case, credentials, hint) => {
    const reference = registryTag('denied', 'x');
    await tagAs(reference);
    const error = await pushImage({
      host: t.host,
      reporter: t.reporter,
      reference,
      credentials: credentials(),
    }).then(
      () => undefined,
      (e: unknown) => e as Error & { hint?: string },
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toContain(`could not push ${reference}`);
    expect(error?.hint).toMatch(hint);
    const catalog = await fetch(`http://${registry.address}/v2/_catalog`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${registry.user}:${registry.password}`).toString('base64')}`,
      },
    });
    expect(((await catalog.json()) as { repositories: string[] }).repositories).not.toContain(
      'dataclone-test/denied',
    );
  });

  it('a registry that does not answer, and a tag that does not exist', async () => {
    await expect(
      pullImage({
        host: t.host,
        reporter: t.reporter,
        reference: '127.0.0.1:1/dataclone-test/shop:1',
        credentials: login(),
      }),
    ).rejects.toThrow(/could not pull 127\.0\.0\.1:1\/dataclone-test\/shop:1 from registry 127\.0\.0\.1:1: /);
    const missing = `${registry.address}/dataclone-test/shop:no-such-tag`;
    const error = await pullImage({
      host: t.host,
      reporter: t.reporter,
      reference: missing,
      credentials: login(),
    }).then(
      () => undefined,
      (e: unknown) => e as Error & { hint?: string },
    );
    expect(error?.hint).toMatch(/There is no no-such-tag in/);
  });

  it('an image without sync in it, on an engine elsewhere: pulled all the same, with a warning that the first clone may be slower', async () => {
    const reference = registryTag('nosync', '1');
    const pack = tar.pack();
    pack.entry({ name: 'hello.txt' }, 'no shell, no sync\n');
    pack.finalize();
    const { repo, tag } = { repo: reference.split(':1')[0] ?? '', tag: '1' };
    await new Promise((resolve, reject) =>
      t.docker.importImage(pack as unknown as NodeJS.ReadableStream, { repo, tag }, (error, stream) =>
        error || !stream
          ? reject(error)
          : t.docker.modem.followProgress(stream, (e) => (e ? reject(e) : resolve(undefined))),
      ),
    );
    await pushImage({ host: t.host, reporter: t.reporter, reference, credentials: login() });
    await t.host.removeImage(reference);

    const pulled = await pullImage({ ...pullFromElsewhere(reference), credentials: login() });
    expect(pulled.flushMs).toBeUndefined();
    expect(await t.host.inspectImage(reference)).toBeDefined();
    expect(
      t.reporter.lines.some((line) =>
        line.startsWith(`warning: could not write ${reference} to disk after the pull`),
      ),
    ).toBe(true);
    expect(await flushContainers(reference)).toEqual([]);
  });

  it('promote moves the moving tag only after a clone of the new image passes its check', async () => {
    const latest = registryTag('promoted', 'latest');
    const nightly = registryTag('promoted', '2026-11-25');
    await tagAs(nightly);

    await expect(
      promoteImage({
        host: t.host,
        reporter: t.reporter,
        source: nightly,
        target: latest,
        verify: ['sh', '-c', 'exit 3'],
        push: true,
        credentials: login(),
      }),
    ).rejects.toThrow(`failed its check (the verification exited with 3): ${latest} was not moved`);
    expect(await t.host.inspectImage(latest)).toBeUndefined();
    // The check clone is gone, whatever the outcome.
    const owners = (
      await t.docker.listContainers({ all: true, filters: { label: ['dataclone.owner'] } })
    ).map((c) => c.Labels['dataclone.owner'] ?? '');
    expect(owners.filter((owner) => owner.startsWith('promote-'))).toEqual([]);

    const verify = ['sh', '-c', 'test -n "$DATABASE_URL" && test -n "$PGPASSWORD"'];
    const promoted = await promoteImage({
      host: t.host,
      reporter: t.reporter,
      source: nightly,
      target: latest,
      verify,
      push: true,
      credentials: login(),
    });
    expect(promoted.digest).toMatch(/^sha256:/);
    await t.host.removeImage(latest);
    await pullImage({ host: t.host, reporter: t.reporter, reference: latest, credentials: login() });
    expect((await t.host.inspectImage(latest))?.id).toBe((await t.host.inspectImage(nightly))?.id);
  });

  it('prune keeps the newest N dated tags and the moving one', async () => {
    const repository = `${registry.address}/dataclone-test/pruned`;
    const ids: string[] = [];
    for (const [tag, built] of [
      ['2026-11-23', '2026-11-23T02:00:00Z'],
      ['2026-11-24', '2026-11-24T02:00:00Z'],
      ['2026-11-25', '2026-11-25T02:00:00Z'],
    ] as const) {
      const scratch = await t.host.createContainer({
        name: `${t.cloneName('prune')}-scratch`,
        image: 'postgres:15',
        labels: { 'dataclone.owner': t.owner },
        entrypoint: ['true'],
      });
      ids.push(await t.host.commitContainer(scratch, [`LABEL dataclone.built=${built}`]));
      await t.host.removeContainer(scratch);
      await t.host.tagImage(ids.at(-1) ?? '', registryTag('pruned', tag));
    }
    await t.host.tagImage(ids[0] ?? '', registryTag('pruned', 'latest'));
    const result = await pruneImages({ host: t.host, reporter: t.reporter, repository, keep: 2 });
    expect(result.removed).toEqual([`${repository}:2026-11-23`]);
    expect(result.kept).toEqual([`${repository}:2026-11-25`, `${repository}:2026-11-24`]);
    expect(await t.host.inspectImage(`${repository}:latest`)).toBeDefined();
    for (const id of ids) await t.host.removeImage(id).catch(() => {});
  });
});
