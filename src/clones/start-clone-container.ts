import { DatacloneError } from '../core/errors.js';
import {
  errorText,
  type ContainerFile,
  type ContainerInfo,
  type ContainerSpec,
  type DockerHost,
} from '../docker/docker-host.js';
import type { Credentials, Endpoint, Engine } from '../engines/engine.js';
import { ReadinessTimeout } from '../engines/readiness.js';
import { saysPortInUse } from './host-port.js';

export interface Readiness {
  credentials: Credentials;
  database: string;
  timeoutMs: number;
}

/**
 * Creates and starts a clone's container and returns once the server answers a real query with
 * the clone's credentials. On any failure the container is removed before the error is thrown.
 */
export async function startCloneContainer(
  host: DockerHost,
  engine: Engine,
  cloneName: string,
  spec: ContainerSpec,
  readiness: Readiness,
  /** Where clients reach a server on the host's network; else the port Docker published. */
  hostEndpoint?: Endpoint,
  /** Files written once the container runs, while its server starts (see HANDOVER_VARIABLE). */
  filesAfterStart: ContainerFile[] = [],
): Promise<ContainerInfo> {
  let containerId: string;
  try {
    containerId = await host.createContainer(spec);
  } catch (error) {
    throw createError(cloneName, spec, error);
  }
  try {
    try {
      await host.startContainer(containerId);
    } catch (error) {
      throw createError(cloneName, spec, error);
    }
    const info = await host.inspectContainer(containerId);
    const published = info?.ports[engine.port];
    const endpoint =
      hostEndpoint ?? (published && { host: host.clientAddress(published.hostIp), port: published.hostPort });
    if (!info || !endpoint)
      throw new DatacloneError(`clone ${cloneName}: Docker did not publish port ${engine.port}`);
    // Inspected first: Docker holds the container while it writes the files.
    await Promise.all([
      waitForServer(host, engine, cloneName, containerId, endpoint, readiness),
      filesAfterStart.length &&
        host.putFiles(containerId, filesAfterStart).catch((error: unknown) => {
          throw new DatacloneError(
            `clone ${cloneName}: Docker could not hand its password over: ${errorText(error)}`,
            undefined,
            { cause: error },
          );
        }),
    ]);
    return info;
  } catch (error) {
    await host.removeContainer(containerId);
    throw error;
  }
}

/** Waits until the server of a started container answers a real query with the clone's credentials. */
export async function waitForServer(
  host: DockerHost,
  engine: Engine,
  cloneName: string,
  containerId: string,
  endpoint: { host: string; port: number },
  readiness: Readiness,
): Promise<void> {
  const ready = new AbortController();
  const timer = setTimeout(() => ready.abort(), readiness.timeoutMs);
  const stopped = new AbortController();
  // A server that dies while starting ends the wait at once instead of at the timeout.
  const exited = host.waitForExit(containerId, stopped.signal).then(
    (code) => {
      ready.abort();
      return code;
    },
    () => undefined,
  );
  try {
    // Logins only work once the clone's password is set, and every failed one writes a FATAL
    // line to the server log: wait for the start script to say the password is set, then prove
    // it with a real query.
    await host.waitForLogLine(containerId, engine.cloneStart().readyLogLine, ready.signal);
    await engine.waitUntilReady(endpoint, readiness.credentials, readiness.database, ready.signal);
  } catch (error) {
    const exitCode = await Promise.race([exited, Promise.resolve(undefined)]);
    const logs = await host.containerLogs(containerId, 30).catch(() => '');
    const reason = error instanceof ReadinessTimeout ? error.message : errorText(error);
    throw new DatacloneError(
      exitCode === undefined
        ? `clone ${cloneName}: the server did not accept queries on ${endpoint.host}:${endpoint.port} within ${readiness.timeoutMs / 1000} s (last error: ${reason})`
        : `clone ${cloneName}: the server stopped while starting (exit code ${exitCode})`,
      `Its last log lines:\n${logs.trimEnd() || '(none)'}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
    stopped.abort();
  }
}

/** The error for a port that another process holds. */
export function portInUse(cloneName: string, bindAddress: string, port: number | undefined, cause?: unknown) {
  return new DatacloneError(
    `clone ${cloneName}: port ${port} on ${bindAddress} is already in use`,
    'Choose another with --port, or leave --port out to let dataclone pick a free one.',
    { cause },
  );
}

function createError(cloneName: string, spec: ContainerSpec, error: unknown): DatacloneError {
  const text = errorText(error);
  if (saysPortInUse(text) && spec.publish) {
    return portInUse(cloneName, spec.publish.bindAddress, spec.publish.hostPort, error);
  }
  if (/Conflict|already in use by container/i.test(text)) {
    return new DatacloneError(
      `a clone named ${cloneName} already exists`,
      `Remove it with \`dataclone clone remove ${cloneName}\`, or choose another --name.`,
      { cause: error },
    );
  }
  return new DatacloneError(`clone ${cloneName}: Docker could not start it: ${text}`, undefined, {
    cause: error,
  });
}
