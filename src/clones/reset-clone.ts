import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import type { DockerHost } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';
import { engineFor } from '../engines/index.js';
import { readDataImage, type DataImage } from '../images/data-image.js';
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
  if (hasStandby(container)) {
    const clone = requireKnownPassword(
      cloneFromContainer(host, container, options.password ?? (await readClonePassword(host, container))),
    );
    const engine = engineFor(clone.engine);
    const handover = await resetWithStandby(host, engine, clone, container, options.readyTimeoutMs ?? 60_000);
    options.reporter.info(
      `Clone ${clone.name} is back at the state of ${clone.image} (${engine.name}, handed over to its standby in ${handover.handoverMs} ms; next standby started in ${handover.replenishMs} ms)`,
    );
    return { clone, durationMs: handover.handoverMs };
  }
  // The old container must stop to free the port, but removing it can happen while the new one
  // starts: renamed out of the way, it is removed in parallel. Its password (on its record's
  // volume, readable while it stops) and the image are read while it stops: each is a call to
  // the Docker Engine. Should any of that fail, the clone is started again as it was.
  const [password, image, killed, renamed] = await Promise.allSettled([
    options.password ?? readClonePassword(host, container),
    readDataImage(host, cloneImageId(container), `clone ${options.name}'s image`),
    host.killContainer(container.id),
    host.renameContainer(container.id, `${containerNameFor(options.name)}-discarded-${randomSuffix()}`),
  ]);
  let clone: Clone;
  let dataImage: DataImage;
  try {
    settled(killed);
    settled(renamed);
    dataImage = settled(image);
    clone = requireKnownPassword(cloneFromContainer(host, container, settled(password)));
  } catch (error) {
    if (renamed.status === 'fulfilled')
      await host.renameContainer(container.id, containerNameFor(options.name));
    if (container.running) await host.startContainer(container.id);
    throw error;
  }
  const labels = container.labels;
  const engine = engineFor(clone.engine);
  const discarded = host.removeContainer(clone.containerId);
  const replacement = startClone(
    host,
    dataImage,
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

/** The value of a settled promise, or its error thrown. */
function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

function requireKnownPassword(clone: Clone): Clone {
  if (clone.connection.password) return clone;
  throw new DatacloneError(
    `clone ${clone.name}: its password cannot be found, so a reset could not keep it`,
    `Remove the clone (dataclone clone remove ${clone.name}) and create it again.`,
  );
}
