import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClone } from '../../src/clones/create-clone.js';
import { listClones } from '../../src/clones/read-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { collectGarbage } from '../../src/gc/collect-garbage.js';
import { buildImage } from '../../src/images/build-image.js';
import { SAMPLE_DEFINITION } from '../support/fixtures.js';
import { useTestHost } from '../support/test-host.js';

const t = useTestHost();
let image: string;

beforeAll(async () => {
  image = t.imageTag('gc');
  await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(SAMPLE_DEFINITION),
    tag: image,
  });
});

afterAll(() => t.cleanup());

const clone = (name: string, lifetime?: string, standby?: boolean) =>
  createClone({ host: t.host, reporter: t.reporter, image, owner: t.owner, name, lifetime, standby });

describe('dataclone gc', () => {
  it('removes expired clones only, keeps those without a lifetime or not yet expired, and a dry run removes nothing', async () => {
    const expired = t.cloneName('expired');
    const standby = t.cloneName('expired-standby');
    const later = t.cloneName('later');
    const forever = t.cloneName('forever');
    await Promise.all([
      clone(expired, '30m'),
      clone(standby, '30m', true),
      clone(later, '2d'),
      clone(forever),
    ]);
    const inAnHour = new Date(Date.now() + 3_600_000);

    const dryRun = await collectGarbage({
      host: t.host,
      reporter: t.reporter,
      owner: t.owner,
      now: inAnHour,
      dryRun: true,
    });
    expect(dryRun.removed.map((d) => d.name).sort()).toEqual([expired, standby].sort());
    expect((await listClones(t.host, t.owner)).map((c) => c.name).sort()).toEqual(
      [expired, standby, later, forever].sort(),
    );

    const result = await collectGarbage({
      host: t.host,
      reporter: t.reporter,
      owner: t.owner,
      now: inAnHour,
    });
    expect(result.removed.map((d) => d.name).sort()).toEqual([expired, standby].sort());
    expect(Object.fromEntries(result.kept.map((d) => [d.name, d.reason]))).toMatchObject({
      [later]: expect.stringMatching(/^expires /),
      [forever]: 'no lifetime',
    });
    expect((await listClones(t.host, t.owner)).map((c) => c.name).sort()).toEqual([later, forever].sort());
    // The standby clone's servers and network went with it.
    expect(await t.host.findContainers({ 'dataclone.standby-of': standby })).toEqual([]);
  });

  it('keeps an expired clone that started within the grace period: a job may have just reset it', async () => {
    const name = t.cloneName('fresh');
    await clone(name, '1s');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const result = await collectGarbage({ host: t.host, reporter: t.reporter, owner: t.owner, grace: '10m' });
    expect(result.kept.find((d) => d.name === name)?.reason).toMatch(/grace period/);
    expect((await listClones(t.host, t.owner)).map((c) => c.name)).toContain(name);
  });

  it('removes unused data images past their retention, never one a clone uses', async () => {
    // An unused data image: committed from a scratch container, with a data image's label.
    const scratch = await t.host.createContainer({
      name: `${t.cloneName('gc-image')}-scratch`,
      image: 'postgres:15',
      labels: { 'dataclone.owner': t.owner },
      entrypoint: ['true'],
      cmd: [],
    });
    const unusedId = await t.host.commitContainer(scratch, [
      'LABEL dataclone.definition.digest=sha256:gc-test',
    ]);
    await t.host.removeContainer(scratch);
    const unused = t.imageTag('gc-unused');
    await t.host.tagImage(unusedId, unused);
    const runImages = `dataclone-test/*:${unused.split(':')[1]?.split('-')[0]}*`;
    const result = await collectGarbage({
      host: t.host,
      reporter: t.reporter,
      owner: t.owner,
      imagesOlderThan: '1s',
      imagesMatching: runImages,
      now: new Date(Date.now() + 60_000),
    });
    expect(result.removedImages).toEqual([unused]);
    expect(await t.host.inspectImage(unused)).toBeUndefined();
    // The image the remaining clones use stays.
    expect(await t.host.inspectImage(image)).toBeDefined();
  });
});
