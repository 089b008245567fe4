import { createClone } from '../clones/create-clone.js';
import { DatacloneError } from '../core/errors.js';
import { randomSuffix } from '../core/random.js';
import type { Reporter } from '../core/reporter.js';
import type { DockerHost } from '../docker/docker-host.js';
import { runTests } from '../pipeline/run-tests.js';
import { teardown } from '../pipeline/teardown.js';
import { validateImageReference } from './image-reference.js';
import { pushImage, type RegistryCredentials } from './registry.js';

export interface PromoteOptions {
  host: DockerHost;
  reporter: Reporter;
  /** The image just built, e.g. registry.example.com/shop:2026-11-25. */
  source: string;
  /** The moving tag PR pipelines use, e.g. registry.example.com/shop:latest. */
  target: string;
  /** A command run with the check clone's connection details (DATABASE_URL, ...); must exit 0. */
  verify?: string[];
  /** Push the moving tag (and the source) to their registry after the check. */
  push?: boolean;
  credentials?: RegistryCredentials;
}

/**
 * Moves a moving tag to a newly built image only once the image proved itself: a clone of it
 * starts and answers queries, and the verification command, when given, succeeds against it. A
 * failed check leaves the moving tag where it was, locally and in the registry, so a broken
 * nightly build never reaches the pipelines that pull it.
 */
export async function promoteImage(options: PromoteOptions): Promise<{ target: string; digest?: string }> {
  const { host, reporter, source, target } = options;
  validateImageReference(target, '--to');
  const image = await host.inspectImage(source);
  if (!image) {
    throw new DatacloneError(`image ${source} is not on ${host.description}`, 'Build or pull it first.');
  }
  const job = { host, reporter, owner: `promote-${randomSuffix(4)}` };
  try {
    await reporter.group(`Check ${source} before it becomes ${target}`, async () => {
      await createClone({ host, reporter, image: source, owner: job.owner });
      if (options.verify?.length) {
        const result = await runTests(job, { command: options.verify });
        if (!result.passed) {
          throw new DatacloneError(
            `${source} failed its check (the verification exited with ${result.exitCode}): ${target} was not moved`,
            'See the verification output above; fix the definition or its scripts and build again.',
          );
        }
      }
    });
  } finally {
    await teardown(job);
  }
  await host.tagImage(image.id, target);
  reporter.info(`${target} now points at ${source} (${image.id.slice(7, 19)})`);
  if (!options.push) return { target };
  await pushImage({ host, reporter, reference: source, credentials: options.credentials });
  const digest = await pushImage({ host, reporter, reference: target, credentials: options.credentials });
  return { target, digest };
}
