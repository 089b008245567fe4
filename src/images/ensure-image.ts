import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import { errorText, type DockerHost, type ImageInfo } from '../docker/docker-host.js';

/**
 * The image, pulled first if the host does not have it. `field` names where the user gave the
 * reference, for the error.
 */
export async function ensureImage(
  host: DockerHost,
  reference: string,
  reporter: Reporter,
  field: string,
): Promise<ImageInfo> {
  const present = await host.inspectImage(reference);
  if (present) return present;
  reporter.info(`Pulling ${reference}`);
  try {
    await host.pullImage(reference, (done, total) =>
      reporter.progress({ task: `pull ${reference}`, done, total, unit: 'bytes' }),
    );
  } catch (error) {
    throw new DatacloneError(
      `${field}: image ${reference} is not on ${host.description} and could not be pulled: ${errorText(error)}`,
      `Check the name and tag, log in to its registry (docker login), or build it locally first.`,
      { cause: error },
    );
  }
  const pulled = await host.inspectImage(reference);
  if (!pulled)
    throw new DatacloneError(`${field}: image ${reference} was pulled but is not on ${host.description}`);
  return pulled;
}
