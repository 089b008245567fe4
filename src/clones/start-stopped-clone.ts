import { DatacloneError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import { errorText, type DockerHost } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';
import { engineFor } from '../engines/index.js';
import type { Clone } from './clone.js';
import { isPortFree, saysPortInUse } from './host-port.js';
import { cloneFromContainer, requireClone } from './read-clone.js';
import { portInUse, waitForServer } from './start-clone-container.js';
import { waitThroughProxy } from './standby/start-with-standby.js';

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
  if (clone.standby) return startStoppedStandbyClone(options, clone, started);
  const { port } = clone.connection;
  if (clone.networking === 'host' && !(await isPortFree(clone.bindAddress, port)))
    throw portInUse(name, clone.bindAddress, port);
  await startContainer(host, name, clone, clone.containerId);
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

/** A clone with a standby: its two servers first, then its proxy, which points where it did. */
async function startStoppedStandbyClone(
  options: StartStoppedCloneOptions,
  clone: Clone,
  started: number,
): Promise<{ clone: Clone; durationMs: number }> {
  const { host, name } = options;
  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const servers = await host.findContainers({ [Labels.standbyOf]: name });
  for (const id of servers) {
    const info = await host.inspectContainer(id);
    if (info && !info.running) await startContainer(host, name, clone, id);
  }
  await startContainer(host, name, clone, clone.containerId);
  const proxy = await host.inspectContainer(clone.containerId);
  const published =
    proxy?.ports[engineFor(clone.engine).port] ?? proxy?.portBindings[engineFor(clone.engine).port];
  if (!proxy || !published) throw new DatacloneError(`clone ${name}: Docker did not publish its port`);
  await waitThroughProxy(
    host,
    engineFor(clone.engine),
    name,
    proxy,
    published,
    { primaryDatabase: clone.connection.primaryDatabase, superuser: clone.connection.user },
    clone.connection.password,
    timeoutMs,
  );
  const restarted = cloneFromContainer(host, proxy, clone.connection.password);
  const durationMs = Math.round(performance.now() - started);
  options.reporter.info(
    `Clone ${name} is running again on ${restarted.connection.host}:${restarted.connection.port}, with the data it had (${durationMs} ms)`,
  );
  return { clone: restarted, durationMs };
}

async function startContainer(host: DockerHost, name: string, clone: Clone, id: string): Promise<void> {
  try {
    await host.startContainer(id);
  } catch (error) {
    if (saysPortInUse(errorText(error)))
      throw portInUse(name, clone.bindAddress, clone.connection.port, error);
    throw new DatacloneError(`clone ${name}: Docker could not start it: ${errorText(error)}`, undefined, {
      cause: error,
    });
  }
}
