import { DatacloneError } from '../../core/errors.js';
import { errorText, type ContainerInfo, type DockerHost } from '../../docker/docker-host.js';
import { Labels } from '../../docker/labels.js';
import type { Engine } from '../../engines/engine.js';
import { ReadinessTimeout } from '../../engines/readiness.js';
import type { DataImage } from '../../images/data-image.js';
import { containerNameFor } from '../clone.js';
import { passwordRecordVolume, recordFiles } from '../clone-password.js';
import { proxyCommand } from './proxy.js';
import { standbyNetworkName, startServer, waitForServer, type ServerSettings } from './standby-servers.js';

/**
 * Starts a clone with a warm standby: a proxy that owns the clone's name, labels and published
 * port, the active server in slot a, and, once that one answers, a standby server in slot b
 * that a reset hands over to. Everything is on a private network of the clone's own. On any
 * failure all of it is removed before the error is thrown.
 */
export async function startCloneWithStandby(
  host: DockerHost,
  engine: Engine,
  image: Pick<DataImage, 'id' | 'volumes' | 'primaryDatabase' | 'superuser'>,
  name: string,
  labels: Record<string, string>,
  password: string,
  hostPort: number | undefined,
  readyTimeoutMs: number,
): Promise<ContainerInfo> {
  const owner = labels[Labels.owner] ?? '';
  const network = standbyNetworkName(name);
  await host.createNetwork(network, { [Labels.owner]: owner, [Labels.standbyOf]: name });
  const settings: ServerSettings = { cloneName: name, image, engine, owner, password, network };
  const created: string[] = [];
  try {
    created.push(await startServer(host, settings, 'a'));
    const proxy = await host.createContainer({
      name: containerNameFor(name),
      image: image.id,
      labels: { ...labels, [Labels.standby]: 'true' },
      entrypoint: proxyCommand(engine.port),
      cmd: [],
      user: engine.serverUser,
      // The proxy runs no server: it only keeps the clone's password for later steps.
      files: recordFiles(password),
      volumes: [passwordRecordVolume(owner)],
      restartPolicy: 'unless-stopped',
      publish: {
        containerPort: engine.port,
        bindAddress: labels[Labels.bindAddress] || '127.0.0.1',
        hostPort,
      },
      tmpfs: image.volumes,
      network,
    });
    created.push(proxy);
    await host.startContainer(proxy);
    const info = await host.inspectContainer(proxy);
    const published = info?.ports[engine.port];
    if (!info || !published)
      throw new DatacloneError(`clone ${name}: Docker did not publish port ${engine.port}`);
    await waitForServer(host, engine, name, created[0] ?? '', readyTimeoutMs);
    await waitThroughProxy(host, engine, name, info, published, image, password, readyTimeoutMs);
    created.push(await startServer(host, settings, 'b'));
    return info;
  } catch (error) {
    await Promise.all(created.map((id) => host.removeContainer(id)));
    await host.removeNetwork(network);
    throw error;
  }
}

/** A real query through the proxy: the clone is ready as its users see it. */
export async function waitThroughProxy(
  host: DockerHost,
  engine: Engine,
  name: string,
  proxy: ContainerInfo,
  published: { hostIp: string; hostPort: number },
  image: Pick<DataImage, 'primaryDatabase' | 'superuser'>,
  password: string,
  timeoutMs: number,
): Promise<void> {
  const endpoint = { host: host.clientAddress(published.hostIp), port: published.hostPort };
  try {
    await engine.waitUntilReady(
      endpoint,
      { user: image.superuser || engine.superuser, password },
      image.primaryDatabase || engine.maintenanceDatabase,
      AbortSignal.timeout(timeoutMs),
    );
  } catch (error) {
    const logs = await host.containerLogs(proxy.id, 20).catch(() => '');
    throw new DatacloneError(
      `clone ${name}: no query got through its proxy on ${endpoint.host}:${endpoint.port} within ${timeoutMs / 1000} s (last error: ${error instanceof ReadinessTimeout ? error.message : errorText(error)})`,
      `The proxy needs perl in the data image (Debian- and Ubuntu-based images have it). Its last log lines:\n${logs.trimEnd() || '(none)'}`,
      { cause: error },
    );
  }
}
