import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import type { DockerHost } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';
import { engineFor } from '../engines/index.js';
import { readDataImage } from '../images/data-image.js';
import { containerNameFor, type Clone } from './clone.js';
import { randomSuffix } from '../core/random.js';
import { startClone } from './create-clone.js';
import { cloneFromContainer, cloneImageId, requireCloneContainer } from './read-clone.js';
import { readClonePassword } from './clone-password.js';
import { hasStandby, resetWithStandby } from './standby/reset-with-standby.js';

export interface ResetCloneOptions {
  host: DockerHost;
  reporter: Reporter;
  name: string;
  /** The clone's password, when the caller has read the clone already: it is not read again. */
  password?: string;
  readyTimeoutMs?: number;
}

/**
 * Puts a clone back to the state of the image it was created from: its writable layer is thrown
 * away and a new container starts from the same image ID with the same name, port, password and
 * labels, so connection strings handed out before the reset keep working.
 */
export async function resetClone(options: ResetCloneOptions): Promise<{ clone: Clone; durationMs: number }> {
  const started = performance.now();
  const { host } = options;
  const container = await requireCloneContainer(host, options.name);
  const standby = hasStandby(container);
  // The password and the image are read at once: each is a call to the Docker Engine.
  const [password, image] = await Promise.all([
    options.password ?? readClonePassword(host, container),
    standby ? undefined : readDataImage(host, cloneImageId(container), `clone ${options.name}'s image`),
  ]);
  const clone = cloneFromContainer(host, container, password);
  if (!clone.connection.password) {
    throw new DatacloneError(
      `clone ${clone.name}: its password cannot be found, so a reset could not keep it`,
      `Remove the clone (dataclone clone remove ${clone.name}) and create it again.`,
    );
  }
  const labels = container.labels;
  const engine = engineFor(clone.engine);
  if (standby || !image) {
    const handover = await resetWithStandby(host, engine, clone, container, options.readyTimeoutMs ?? 60_000);
    options.reporter.info(
      `Clone ${clone.name} is back at the state of ${clone.image} (${engine.name}, handed over to its standby in ${handover.handoverMs} ms; next standby started in ${handover.replenishMs} ms)`,
    );
    return { clone, durationMs: handover.handoverMs };
  }
  // The old container must stop to free the port, but removing it can happen while the new one
  // starts: renamed out of the way (while it stops), it is removed in parallel.
  await Promise.all([
    host.killContainer(clone.containerId),
    host.renameContainer(clone.containerId, `${containerNameFor(clone.name)}-discarded-${randomSuffix()}`),
  ]);
  const discarded = host.removeContainer(clone.containerId);
  const replacement = startClone(
    host,
    image,
    clone.name,
    { ...labels, [Labels.bindAddress]: clone.bindAddress },
    clone.connection.password,
    clone.connection.port,
    options.readyTimeoutMs,
  );
  const [info] = await Promise.all([replacement, discarded]);
  const reset = cloneFromContainer(host, info, clone.connection.password);
  const durationMs = Math.round(performance.now() - started);
  options.reporter.info(
    `Clone ${clone.name} is back at the state of ${clone.image} (${engine.name}, ${durationMs} ms)`,
  );
  return { clone: reset, durationMs };
}
