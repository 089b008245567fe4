import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import type { Job } from '../../src/pipeline/job.js';
import { provision } from '../../src/pipeline/provision.js';
import { teardown } from '../../src/pipeline/teardown.js';
import { SAMPLE_DEFINITION } from '../support/fixtures.js';
import { query } from '../support/query.js';
import { useTestHost } from '../support/test-host.js';

const t = useTestHost();
let image: string;
let firstImageId: string;

async function build(): Promise<string> {
  const built = await buildImage({
    host: t.host,
    reporter: t.reporter,
    definition: await loadImageDefinition(SAMPLE_DEFINITION),
    tag: image,
  });
  return built.imageId;
}

beforeAll(async () => {
  image = t.imageTag('per-pr');
  firstImageId = await build();
});

afterAll(() => t.cleanup());

describe('per-PR clones kept across runs', () => {
  it('a later run reuses the kept clone as it is or reset, and replaces it once the image changed', async () => {
    const pr: Job = { host: t.host, reporter: t.reporter, owner: `${t.owner}-pr-42` };
    const name = t.cloneName('pr-42');
    try {
      const first = (await provision(pr, { image, name, reuse: 'keep', lifetime: '3d' })).clones[0]!;
      expect(first.expires).toBeDefined();
      await query(first, 'orders', 'DELETE FROM orders WHERE id > 10');

      const kept = (await provision(pr, { image, name, reuse: 'keep' })).clones[0]!;
      expect(kept.containerId).toBe(first.containerId);
      expect(await query(kept, 'orders', 'SELECT count(*)::int AS n FROM orders')).toEqual([{ n: 10 }]);

      const reset = (await provision(pr, { image, name, reuse: 'reset' })).clones[0]!;
      expect(reset.connection.port).toBe(first.connection.port);
      expect(await query(reset, 'orders', 'SELECT count(*)::int AS n FROM orders')).toEqual([{ n: 2000 }]);

      // A nightly rebuild moves the tag: the next run gets a clone of the new image.
      const rebuilt = await build();
      const replaced = (await provision(pr, { image, name, reuse: 'keep' })).clones[0]!;
      expect(replaced.imageId).toBe(rebuilt);
      expect(replaced.name).toBe(name);
      expect(t.reporter.lines.join('\n')).toContain(`Replacing clone ${name}`);

      // Removed by hand: the next run simply creates it again.
      await t.host.removeContainer(replaced.containerId);
      const recreated = (await provision(pr, { image, name, reuse: 'keep' })).clones[0]!;
      expect(recreated.containerId).not.toBe(replaced.containerId);

      // Another job id cannot take it over by accident.
      const other: Job = { ...pr, owner: `${t.owner}-other` };
      await expect(provision(other, { image, name, reuse: 'keep' })).rejects.toThrow(
        `clone ${name} was kept by job '${pr.owner}'`,
      );
    } finally {
      await teardown(pr);
      // The rebuild left the first image untagged; it is this test's to remove.
      await t.host.removeImage(firstImageId);
    }
  });
});
