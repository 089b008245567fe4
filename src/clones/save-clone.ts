import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import type { DockerHost } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';
import {
  DATABASE_VARIABLE,
  LISTEN_ADDRESS_VARIABLE,
  LISTEN_PORT_VARIABLE,
  NETWORK_VARIABLE,
} from '../engines/engine.js';
import { engineFor } from '../engines/index.js';
import { validateImageReference } from '../images/image-reference.js';
import { PASSWORD_VARIABLE, requireClone } from './read-clone.js';
import { findStandbyServers } from './standby/standby-servers.js';

export interface SaveCloneOptions {
  host: DockerHost;
  reporter: Reporter;
  name: string;
  tag: string;
}

/** Labels that describe one clone, not an image: a saved image must not pass them on. */
const CLONE_LABELS = [
  Labels.clone,
  Labels.owner,
  Labels.image,
  Labels.imageId,
  Labels.created,
  Labels.expires,
  Labels.bindAddress,
  Labels.hostPort,
  Labels.networking,
  Labels.environment,
  Labels.instance,
  Labels.instanceIndex,
  Labels.network,
  Labels.standby,
  Labels.standbyOf,
  Labels.slot,
];

/**
 * Commits a clone's current state as a new data image revision (stash: set work aside, start a
 * clone from it later). The server is stopped cleanly for the commit, so the image holds a
 * consistent instance, and keeps running with the same port and password. The image keeps the
 * data image's labels (engine, databases) and drops the clone's and its password.
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
  const imageId = await host.commitContainer(server, [
    `ENV ${PASSWORD_VARIABLE}=`,
    `ENV ${LISTEN_PORT_VARIABLE}=`,
    `ENV ${LISTEN_ADDRESS_VARIABLE}=`,
    `ENV ${NETWORK_VARIABLE}=`,
    `ENV ${DATABASE_VARIABLE}=`,
    ...CLONE_LABELS.map((label) => `LABEL ${JSON.stringify(label)}=""`),
    `LABEL ${JSON.stringify(Labels.built)}=${JSON.stringify(new Date().toISOString())}`,
    `LABEL "dataclone.saved-from"=${JSON.stringify(`${name} (${clone.image})`)}`,
  ]);
  await host.tagImage(imageId, options.tag);
  const durationMs = Math.round(performance.now() - started);
  options.reporter.info(`Saved clone ${name} as ${options.tag} (${imageId.slice(7, 19)}, ${durationMs} ms)`);
  return { imageId, tag: options.tag, durationMs };
}
