import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClone } from '../../../src/clones/create-clone.js';
import { removeClone } from '../../../src/clones/remove-clone.js';
import { resetClone } from '../../../src/clones/reset-clone.js';
import { loadImageDefinition } from '../../../src/definition/load-image-definition.js';
import { buildImage } from '../../../src/images/build-image.js';
import { readDataImage } from '../../../src/images/data-image.js';
import { writeDefinitionFolder } from '../../support/fixtures.js';
import { useTestHost } from '../../support/test-host.js';

const t = useTestHost();
let image: string;

// Written as YAML block scalars would give them: a dollar sign, a newline, a backslash, quotes.
const TRICKY_LABELS = {
  'example.path': '$PATH',
  'example.lines': 'first\nsecond',
  'example.quotes': `it's "quoted" \\ and \${HOME}`,
};

beforeAll(async () => {
  const folder = await writeDefinitionFolder({
    'dataclone.yaml': [
      'name: crafted-labels',
      'engine: postgres',
      'version: "15"',
      'databases:',
      '  - name: orders',
      'labels:',
      ...Object.entries(TRICKY_LABELS).map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`),
      '',
    ].join('\n'),
  });
  try {
    image = t.imageTag('crafted-labels');
    await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(folder.definition),
      tag: image,
    });
  } finally {
    await folder.remove();
  }
});

afterAll(() => t.cleanup());

/** An image like one pulled from anywhere: the data image with labels of someone's choosing. */
async function craftImage(labels: Record<string, string>): Promise<string> {
  const container = await t.docker.createContainer({ Image: image });
  try {
    const tag = t.imageTag('crafted');
    const id = await t.host.commitContainer(container.id, [], { Labels: labels });
    await t.host.tagImage(id, tag);
    return tag;
  } finally {
    await container.remove({ force: true, v: true });
  }
}

describe('labels of a data image', () => {
  it('are stored exactly as the definition writes them: no $VARIABLE expansion, real newlines', async () => {
    const labels = (await t.docker.getImage(image).inspect()).Config.Labels ?? {};
    expect(labels).toMatchObject(TRICKY_LABELS);
  });

  it.each([
    [
      "joins no other network under another instance's name",
      { 'dataclone.instance': 'shop', 'dataclone.environment': 'victims' },
    ],
    [
      'starts no host networking and no standby',
      { 'dataclone.networking': 'host', 'dataclone.standby': 'true', 'dataclone.clone': 'someone-else' },
    ],
  ])(
    'that name clone settings are ignored with a warning: reset %s',
    async (_, settings: Record<string, string>) => {
      const victim = `${t.cloneName('victim')}-net`;
      await t.docker.createNetwork({ Name: victim, Labels: { 'dataclone.owner': t.owner } });
      const crafted = await craftImage({ 'dataclone.network': victim, ...settings });
      const { clone } = await createClone({
        host: t.host,
        reporter: t.reporter,
        image: crafted,
        owner: t.owner,
      });
      try {
        await resetClone({ host: t.host, reporter: t.reporter, name: clone.name });
        const after = await t.docker.getContainer(`dataclone-${clone.name}`).inspect();
        expect(after.Id).not.toBe(clone.containerId);
        expect(after.HostConfig.NetworkMode).not.toBe('host');
        expect(Object.keys(after.NetworkSettings.Networks)).not.toContain(victim);
        expect(after.Config.Labels).toMatchObject({
          'dataclone.network': '',
          'dataclone.instance': '',
          'dataclone.environment': '',
          'dataclone.networking': 'bridge',
          'dataclone.standby': '',
          'dataclone.clone': clone.name,
        });
        const warning = t.reporter.lines.find((line) =>
          line.startsWith(`warning: image ${crafted} carries labels`),
        );
        expect(warning).toContain('that describe a clone, not an image, and they are ignored');
        expect(warning).toContain(`dataclone.network="${victim}"`);
      } finally {
        await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
        await t.docker.getNetwork(victim).remove();
      }
    },
  );

  it.each([
    [
      'dataclone.databases',
      JSON.stringify([{ name: 'orders?socketFactory=org.example.Evil', dependsOn: [] }]),
    ],
    ['dataclone.databases', 'not json'],
    ['dataclone.databases.primary', 'elsewhere'],
    ['dataclone.superuser', 'postgres@evil'],
    ['dataclone.engine', 'oracle'],
    ['dataclone.port', '5432/tcp?x'],
    ['dataclone.connects-to-itself', 'maybe'],
  ])(
    'that break the rules of a definition are refused, naming the image and the label (%s=%s)',
    async (label, value) => {
      const crafted = await craftImage({ [label]: value });
      await expect(readDataImage(t.host, crafted)).rejects.toThrow(
        `--image: image '${crafted}' has an invalid ${label} label`,
      );
      await expect(
        createClone({ host: t.host, reporter: t.reporter, image: crafted, owner: t.owner }),
      ).rejects.toThrow(label);
    },
  );
});
