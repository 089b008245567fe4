import path from 'node:path';
import { DatacloneError } from '../core/errors.js';
import { randomSuffix } from '../core/random.js';
import type { Reporter } from '../core/reporter.js';
import type { DatabaseDefinition, ImageDefinition } from '../definition/types.js';
import type { DockerHost } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';
import type { BuildShell, Engine } from '../engines/engine.js';
import { engineFor } from '../engines/index.js';
import { checkLiveCredentials } from '../sources/live-source.js';
import type { MaskingReport } from '../masking/mask-instance.js';
import { maskingKey } from '../masking/masking-key.js';
import { dockerBuildShell } from './build-shell.js';
import { ensureImage } from './ensure-image.js';
import { validateImageReference } from './image-reference.js';
import { checkBaseImageServer } from './server-version-check.js';
import {
  checkCreatedDatabase,
  imageDatabases,
  imagePrimaryDatabase,
  restoreInstanceSource,
} from './restore-instance.js';

/** Every build container's name starts with this; `dataclone gc` finds leftovers by it. */
export const BUILD_CONTAINER_PREFIX = 'dataclone-build-';

export interface BuildImageOptions {
  host: DockerHost;
  reporter: Reporter;
  /** The image definition, loaded and validated (loadImageDefinition). */
  definition: ImageDefinition;
  /** The tag to give the data image; default `dataclone/<definition name>:latest`. */
  tag?: string;
  /** Aborting removes the build container at once; the build then fails and tags nothing. */
  signal?: AbortSignal;
  /**
   * A Docker network the build container joins instead of the default bridge, so that it reaches
   * a live source by its name there (a replica's container, a private network).
   */
  network?: string;
  /** Where the masking secret's variable is read; default process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface BuiltImage {
  imageId: string;
  tag: string;
  definition: ImageDefinition;
  /** The databases the image holds: the definition's, and those its instance source brought. */
  databases: string[];
  sizeBytes: number;
  durationMs: number;
  steps: StepTiming[];
  /** What the definition's mask rules did, when it has any. */
  masking?: MaskingReport;
}

export interface StepTiming {
  step: string;
  durationMs: number;
}

/**
 * Builds a data image: a build container from the base image, the instance initialised, every
 * database restored in dependency order, the scripts run, the server stopped cleanly and the
 * container committed. The tag moves only once all of that succeeded; a failed or aborted build
 * leaves no container and no image behind.
 */
export async function buildImage(options: BuildImageOptions): Promise<BuiltImage> {
  const { host, reporter } = options;
  const started = performance.now();
  const steps: StepTiming[] = [];
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const stepStarted = performance.now();
    const result = await work();
    steps.push({ step, durationMs: Math.round(performance.now() - stepStarted) });
    return result;
  };

  const { definition } = options;
  const relative = (file: string) => path.relative(definition.directory, file) || '.';
  const tag = options.tag ?? `dataclone/${definition.name}:latest`;
  validateImageReference(tag, '--tag');
  const engine = engineFor(definition.engine);
  checkLiveCredentials(definition);
  // Before any work: a definition that demands deterministic masking fails here without its secret.
  const key =
    definition.mask && maskingKey(definition.mask, options.env ?? process.env, reporter, definition.file);
  await host.ping();
  const base = await timed('base image', () =>
    ensureImage(host, definition.baseImage, reporter, 'baseImage'),
  );

  const buildId = randomSuffix(6);
  const containerId = await host.createContainer({
    name: `${BUILD_CONTAINER_PREFIX}${definition.name}-${buildId}`,
    image: definition.baseImage,
    // No labels: a commit carries the container's labels into the image, and from there into
    // every clone. Build containers are found by their name prefix instead.
    labels: {},
    entrypoint: ['tail', '-f', '/dev/null'],
    cmd: [],
    user: 'root',
    tmpfs: base.volumes,
    ...(options.network !== undefined && { network: options.network }),
  });
  // Removing the container ends whatever runs in it at once; the finally below waits for it.
  let removal: Promise<void> | undefined;
  const abort = () => {
    removal = host.removeContainer(containerId);
  };
  options.signal?.addEventListener('abort', abort, { once: true });
  let imageId: string | undefined;
  let connectsToItself = true;
  let databases = definition.databases;
  let primaryDatabase = definition.primaryDatabase;
  let masking: MaskingReport | undefined;
  try {
    await host.startContainer(containerId);
    const shell = dockerBuildShell(host, containerId, engine.serverUser, reporter);
    await reporter.group(`Build ${tag} from ${definition.file}`, async () => {
      await timed('server version', () => checkBaseImageServer(shell, engine, definition, reporter));
      await timed('initialise', () => initialise(shell, engine, definition));
      await timed('create databases', async () => {
        for (const database of definition.databases.filter(isMadeByTheBuild))
          await engine.createDatabase(shell, database.name);
      });
      for (const [index, script] of definition.setup.entries()) {
        await timed(`setup ${relative(script.path)}`, () =>
          engine.runScript(shell, script, `setup script ${index + 1}: ${relative(script.path)}`),
        );
      }
      const found = definition.instance
        ? await timed('restore instance', () => restoreInstanceSource(shell, engine, definition, reporter))
        : [];
      const own = definition.databases.filter((database) => database.source.kind !== 'instance');
      for (const [index, database] of own.entries()) {
        reporter.info(
          `Restoring database ${database.name} (${index + 1} of ${own.length}) from ${describeSource(database.source, relative)}`,
        );
        const stepStarted = performance.now();
        await timed(`restore ${database.name}`, async () => {
          const createsItself = !isMadeByTheBuild(database);
          const before = createsItself ? await engine.listDatabases(shell) : [];
          await engine.restoreDatabase(shell, database, reporter);
          if (createsItself) await checkCreatedDatabase(shell, engine, definition, database, before);
        });
        reporter.info(`Restored ${database.name} in ${seconds(performance.now() - stepStarted)}`);
      }
      databases = imageDatabases(definition, found);
      primaryDatabase = imagePrimaryDatabase(definition, databases);
      const mask = definition.mask;
      if (mask && key) {
        // Loaded here: a build without mask rules never loads masking (nor its dictionaries).
        const { maskInstance } = await import('../masking/mask-instance.js');
        const names = databases.map((database) => database.name);
        masking = await timed('mask', () => maskInstance(shell, engine.name, mask, key, reporter, names));
      }
      for (const [index, script] of definition.after.entries()) {
        await timed(`after ${relative(script.path)}`, () =>
          engine.runScript(shell, script, `after script ${index + 1}: ${relative(script.path)}`),
        );
      }
      if (definition.mask?.require === 'classified') {
        // Loaded here: a build that does not ask for it never loads the classifier.
        const { requireClassified } = await import('../masking/classify/require-classified.js');
        await timed('check classified', () =>
          requireClassified({
            shell,
            engine,
            file: definition.file,
            mask: definition.mask,
            databases: databases.map((database) => database.name),
            reporter,
          }),
        );
      }
      connectsToItself = await timed('inspect', () =>
        engine.connectsToItself(
          shell,
          databases.map((database) => database.name),
        ),
      );
      await timed('finalise', () => engine.finalise(shell));
    });
    if (options.signal?.aborted) throw new DatacloneError('image build was cancelled', 'Nothing was tagged.');
    imageId = await timed('commit', () =>
      host.commitContainer(containerId, imageChanges(engine), {
        Labels: imageLabels(definition, engine, { connectsToItself, databases, primaryDatabase, masking }),
      }),
    );
    await host.tagImage(imageId, tag);
  } catch (error) {
    if (imageId) await host.removeImage(imageId).catch(() => {});
    if (options.signal?.aborted)
      throw new DatacloneError(
        'image build was cancelled',
        'Nothing was tagged; the build container was removed.',
        { cause: error },
      );
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await removal?.catch(() => {});
    await host.removeContainer(containerId);
  }

  const image = await host.inspectImage(imageId);
  const durationMs = Math.round(performance.now() - started);
  reporter.info(`Built ${tag} (${imageId.slice(7, 19)}) in ${seconds(durationMs)}`);
  return {
    imageId,
    tag,
    definition,
    databases: databases.map((db) => db.name),
    sizeBytes: image?.sizeBytes ?? 0,
    durationMs,
    steps,
    ...(masking && { masking }),
  };
}

/** What the commit sets on the data image for its clones: how they start. */
function imageChanges(engine: Engine): string[] {
  const start = engine.cloneStart();
  return [
    `ENTRYPOINT ${JSON.stringify(start.entrypoint)}`,
    'CMD []',
    `USER ${start.user}`,
    `EXPOSE ${engine.port}`,
  ];
}

/**
 * The labels that describe the data image. They go into the commit's configuration, not into
 * LABEL instructions, which expand `$VARIABLES` and escape newlines: each is stored as written.
 */
function imageLabels(
  definition: ImageDefinition,
  engine: Engine,
  found: {
    connectsToItself: boolean;
    databases: DatabaseDefinition[];
    primaryDatabase: string;
    masking: MaskingReport | undefined;
  },
): Record<string, string> {
  const { connectsToItself, databases, primaryDatabase, masking } = found;
  return {
    ...definition.labels,
    [Labels.engine]: engine.name,
    [Labels.engineVersion]: definition.version,
    [Labels.definitionName]: definition.name,
    [Labels.definitionDigest]: definition.digest,
    [Labels.databases]: JSON.stringify(databases.map((db) => ({ name: db.name, dependsOn: db.dependsOn }))),
    [Labels.primaryDatabase]: primaryDatabase,
    [Labels.superuser]: engine.superuser,
    [Labels.port]: String(engine.port),
    [Labels.connectsToItself]: String(connectsToItself),
    [Labels.built]: new Date().toISOString(),
    // The rules' digest, never the secret: which rules masked the image, and whether with a
    // secret of the environment (the same fakes in every build) or a key of this build's own.
    ...(masking && {
      [Labels.masked]: 'true',
      [Labels.maskDigest]: masking.digest,
      [Labels.maskDeterministic]: String(masking.deterministic),
    }),
  };
}

function describeSource(
  source: ImageDefinition['databases'][number]['source'],
  relative: (file: string) => string,
): string {
  switch (source.kind) {
    case 'empty':
      return 'nothing (an empty database)';
    case 'instance':
      return 'the instance source';
    case 'scripts':
      return `${source.files.length} scripts in ${relative(source.path)}/`;
    case 'live':
      return `the live server ${source.url}`;
    default:
      return `${relative(source.path)} (${source.kind})`;
  }
}

/** A fresh instance, or one from the definition's physical backup. */
async function initialise(shell: BuildShell, engine: Engine, definition: ImageDefinition): Promise<void> {
  const backup = definition.instance?.backup;
  if (!backup) return engine.initialise(shell);
  if (!engine.initialiseFromBackup)
    throw new DatacloneError(
      `${definition.file}: instance.backup: ${engine.name} cannot restore physical backups yet`,
    );
  await engine.initialiseFromBackup(shell, backup);
}

/** The build creates a database before its restore, unless a dump (or the instance source) creates it. */
function isMadeByTheBuild(database: DatabaseDefinition): boolean {
  const source = database.source;
  if (source.kind === 'instance') return false;
  return !('createsDatabase' in source && source.createsDatabase);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
