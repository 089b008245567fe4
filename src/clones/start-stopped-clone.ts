import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import { errorText, type DockerHost } from '../docker/docker-host.js';
import { engineFor } from '../engines/index.js';
import type { Clone } from './clone.js';
import { isPortFree, saysPortInUse } from './host-port.js';
import { cloneFromContainer, requireClone } from './read-clone.js';
import { portInUse, waitForServer } from './start-clone-container.js';

export interface StartStoppedCloneOptions {
  host: DockerHost;
  reporter: Reporter;
  name: string;
  readyTimeoutMs?: number;
}

/**
 * Starts a clone that is not running (stopped, or exited when the Docker Engine restarted
 * without starting it again) with its own writable layer, so its data is as it was left; on the
 * port it had, with the same password. A clone that runs is returned as it is.
 */
export async function startStoppedClone(
  options: StartStoppedCloneOptions,
): Promise<{ clone: Clone; durationMs: number }> {
  const started = performance.now();
  const { host, name } = options;
  const clone = await requireClone(host, name);
  if (clone.status === 'running') return { clone, durationMs: 0 };
  if (clone.standby) {
    throw new DatacloneError(
      `clone ${name} has a warm standby and is ${clone.status}: its servers cannot be started again yet`,
      `Remove it (dataclone clone remove ${name}) and create it again.`,
    );
  }
  const { port } = clone.connection;
  if (clone.networking === 'host' && !(await isPortFree(clone.bindAddress, port)))
    throw portInUse(name, clone.bindAddress, port);
  try {
    await host.startContainer(clone.containerId);
  } catch (error) {
    if (saysPortInUse(errorText(error))) throw portInUse(name, clone.bindAddress, port, error);
    throw new DatacloneError(`clone ${name}: Docker could not start it: ${errorText(error)}`, undefined, {
      cause: error,
    });
  }
  const engine = engineFor(clone.engine);
  const info = await host.inspectContainer(clone.containerId);
  const restarted = info ? cloneFromContainer(host, info, clone.connection.password) : clone;
  await waitForServer(
    host,
    engine,
    name,
    clone.containerId,
    { host: restarted.connection.host, port: restarted.connection.port },
    {
      credentials: { user: clone.connection.user, password: clone.connection.password },
      database: clone.connection.primaryDatabase,
      timeoutMs: options.readyTimeoutMs ?? 60_000,
    },
  );
  const durationMs = Math.round(performance.now() - started);
  options.reporter.info(
    `Clone ${name} is running again on ${restarted.connection.host}:${restarted.connection.port}, with the data it had (${durationMs} ms)`,
  );
  return { clone: restarted, durationMs };
}
