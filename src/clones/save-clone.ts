import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import type { DockerHost } from '../docker/docker-host.js';
import type { ImageConfig } from '../docker/image-config.js';
import { CLONE_LABELS, Labels } from '../docker/labels.js';
import { engineFor } from '../engines/index.js';
import { validateImageReference } from '../images/image-reference.js';
import type { Clone } from './clone.js';
import { requireClone } from './read-clone.js';
import { findStandbyServers } from './standby/standby-servers.js';

export interface SaveCloneOptions {
  host: DockerHost;
  reporter: Reporter;
  name: string;
  tag: string;
}

/**
 * Commits a clone's current state as a new data image revision (stash: set work aside, start a
 * clone from it later). The server is stopped cleanly for the commit, so the image holds a
 * consistent instance, and keeps running with the same port and password. The image has the
 * configuration of the data image the clone came from (its labels: engine, databases) and
 * nothing of the clone: no clone label, no environment variable of the clone, no password.
 */
export async function saveClone(
  options: SaveCloneOptions,
): Promise<{ imageId: string; tag: string; durationMs: number }> {
  const started = performance.now();
  const { host, name } = options;
  validateImageReference(options.tag, '--tag');
  const clone = await requireClone(host, name);
  const engine = engineFor(clone.engine);
  const server = clone.standby ? (await findStandbyServers(host, name)).active.id : clone.containerId;
  // The server keeps running: it writes what it holds in memory to its files, and the commit
  // pauses the container while it copies them, so the image is a consistent snapshot that a
  // clone starts from after a short recovery. Port, password and sessions are untouched.
  const checkpoint = await host.exec(server, engine.checkpointCommand(), { user: engine.serverUser });
  if (checkpoint.exitCode !== 0) {
    throw new DatacloneError(
      `clone ${name}: the server could not write its state to disk before the save: ${checkpoint.stderr.trim()}`,
      `Check the clone's log: dataclone clone logs ${name}.`,
    );
  }
  const imageId = (await host.facts()).containerdImageStore
    ? await commitWithoutTheClone(host, server, clone)
    : await commitUnderNewConfig(host, server, clone);
  await host.tagImage(imageId, options.tag);
  const durationMs = Math.round(performance.now() - started);
  options.reporter.info(`Saved clone ${name} as ${options.tag} (${imageId.slice(7, 19)}, ${durationMs} ms)`);
  return { imageId, tag: options.tag, durationMs };
}

/**
 * A commit records the committed container's whole configuration (its environment with the
 * password, in `container_config`) and keeps its labels, so the commit is only a step: the saved
 * image is its layers under a configuration written here.
 */
async function commitUnderNewConfig(host: DockerHost, server: string, clone: Clone): Promise<string> {
  const committed = await host.commitContainer(server, []);
  try {
    const [data, layers] = await Promise.all([
      host.readImageConfig(clone.imageId),
      host.readImageConfig(committed).then((config) => config.rootfs.diff_ids),
    ]);
    return await host.createImageFromConfig(savedImageConfig(data, layers, clone));
  } finally {
    await host.removeImage(committed);
  }
}

/**
 * Docker's containerd image store records no container configuration with a commit, but loads
 * no configuration without its layers' blobs: there the commit itself empties every variable
 * and clone label of the container (Docker keeps their keys; no value of the clone remains).
 */
async function commitWithoutTheClone(host: DockerHost, server: string, clone: Clone): Promise<string> {
  const container = await host.inspectContainer(server);
  const variables = Object.keys(container?.env ?? {}).filter((key) => key.startsWith('DATACLONE_'));
  const labels = CLONE_LABELS.filter((key) => container?.labels[key] !== undefined);
  const created = new Date().toISOString();
  return host.commitContainer(
    server,
    variables.map((key) => `ENV ${key}=`),
    {
      Labels: {
        ...Object.fromEntries(labels.map((key) => [key, ''])),
        [Labels.built]: created,
        [Labels.savedFrom]: `${clone.name} (${clone.image})`,
      },
    },
  );
}

/**
 * The saved image's configuration: the data image's, with its layers and the clone's on top,
 * and only image labels. Environment variables of dataclone's clones (DATACLONE_*) and clone
 * labels are dropped even where the data image had them (an image saved by an older dataclone).
 */
export function savedImageConfig(
  data: ImageConfig,
  layers: string[],
  clone: Pick<Clone, 'name' | 'image'>,
): ImageConfig {
  const created = new Date().toISOString();
  const labels = Object.fromEntries(
    Object.entries(data.config.Labels ?? {}).filter(([key]) => !CLONE_LABELS.includes(key)),
  );
  if (!data.rootfs.diff_ids.every((layer, index) => layers[index] === layer))
    throw new DatacloneError(`clone ${clone.name}: its committed layers do not start with its image's`);
  const added = layers.slice(data.rootfs.diff_ids.length);
  return {
    ...data,
    created,
    config: {
      ...data.config,
      Env: (data.config.Env ?? []).filter((variable) => !variable.startsWith('DATACLONE_')),
      Labels: { ...labels, [Labels.built]: created, [Labels.savedFrom]: `${clone.name} (${clone.image})` },
    },
    rootfs: { type: 'layers', diff_ids: layers },
    history: [
      ...data.history,
      ...added.map(() => ({ created, created_by: `dataclone clone save ${clone.name}` })),
    ],
  };
}
