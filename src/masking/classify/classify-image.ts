import { createClone } from '../../clones/create-clone.js';
import { DatacloneError } from '../../core/errors.js';
import { randomSuffix } from '../../core/random.js';
import type { Reporter } from '../../core/reporter.js';
import type { DockerHost } from '../../docker/docker-host.js';
import { engineFor } from '../../engines/index.js';
import { teardown } from '../../pipeline/teardown.js';
import { classifyInstance, type Classification, type RunInContainer } from './classify-instance.js';
import type { AnyMaskRules } from './mask-rules.js';

export interface ClassifyImageOptions {
  host: DockerHost;
  reporter: Reporter;
  image: string;
  /** A definition's mask rules: the suspects they cover are listed as covered. */
  rules?: AnyMaskRules;
  /** The owner label of the temporary clone; default `classify-<random>`. */
  owner?: string;
  /** Aborting removes the temporary clone at once; the classification then fails. */
  signal?: AbortSignal;
}

export interface ImageClassification extends Classification {
  image: string;
  engine: string;
}

/**
 * Classifies the columns of a data image through a temporary clone of it, which is removed
 * afterwards whatever happens: a failed query, or an abort (Ctrl-C) part-way.
 */
export async function classifyImage(options: ClassifyImageOptions): Promise<ImageClassification> {
  const { host, reporter, image } = options;
  const job = { host, reporter, owner: options.owner ?? `classify-${randomSuffix(6)}` };
  let removal: Promise<unknown> | undefined;
  const abort = () => {
    removal = teardown(job);
  };
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    const { clone } = await createClone({ host, reporter, image, owner: job.owner, lifetime: '1h' });
    throwIfAborted(options.signal);
    const engine = engineFor(clone.engine);
    const run: RunInContainer = async (command, label) => {
      const result = await host.exec(clone.containerId, command, { user: engine.serverUser });
      throwIfAborted(options.signal);
      if (result.exitCode !== 0)
        throw new DatacloneError(
          `image classify: could not ${label} in a clone of ${image} (exit code ${result.exitCode}): ${result.stderr.trim() || 'no output'}`,
          'Check that the image starts (dataclone clone create --image ...); run again with --debug for more.',
        );
      return result.stdout;
    };
    const classification = await classifyInstance({
      engine,
      run,
      databases: clone.connection.databases.map((database) => database.name),
      rules: options.rules,
      reporter,
    });
    return { image, engine: clone.engine, ...classification };
  } catch (error) {
    if (options.signal?.aborted)
      throw new DatacloneError('image classify was cancelled', 'Its temporary clone was removed.', {
        cause: error,
      });
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await removal?.catch(() => {});
    await teardown(job);
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DatacloneError('image classify was cancelled');
}
