import { DatacloneError } from '../../core/errors.js';
import { randomSuffix } from '../../core/random.js';
import type { ContainerInfo, DockerHost } from '../../docker/docker-host.js';
import { cloneContainerLabels, Labels } from '../../docker/labels.js';
import type { Engine } from '../../engines/engine.js';
import type { DataImage } from '../../images/data-image.js';
import { containerNameFor } from '../clone.js';
import { passwordFiles } from '../clone-password.js';
import { slotHost, type Slot } from './proxy.js';

/**
 * The two servers behind a clone's proxy. Each is a container of the data image on the clone's
 * network under its slot's name; neither publishes a port. The active one is the older: a
 * standby is always started after the server it stands by for.
 */
export interface StandbyServers {
  active: ContainerInfo & { slot: Slot };
  standby?: ContainerInfo & { slot: Slot };
}

export function standbyNetworkName(cloneName: string): string {
  return `${containerNameFor(cloneName)}-standby`;
}

export function serverContainerName(cloneName: string, slot: Slot): string {
  return `${containerNameFor(cloneName)}-slot-${slot}`;
}

export async function findStandbyServers(host: DockerHost, cloneName: string): Promise<StandbyServers> {
  const ids = await host.findContainers({ [Labels.standbyOf]: cloneName });
  const servers = (await Promise.all(ids.map((id) => host.inspectContainer(id))))
    .filter((info): info is ContainerInfo => info !== undefined)
    .filter((info) => info.running)
    .map((info) => ({ ...info, slot: (info.labels[Labels.slot] === 'b' ? 'b' : 'a') as Slot }))
    .sort((a, b) => a.created.localeCompare(b.created));
  const [active, standby] = servers;
  if (!active) {
    throw new DatacloneError(
      `clone ${cloneName}: neither of its two servers is running`,
      `Remove it (dataclone clone remove ${cloneName}) and create it again.`,
    );
  }
  return { active, standby };
}

export interface ServerSettings {
  cloneName: string;
  image: Pick<DataImage, 'id' | 'volumes'>;
  engine: Engine;
  owner: string;
  password: string;
  network: string;
}

/** Creates and starts one server in a slot; does not wait for it to be ready. */
export async function startServer(host: DockerHost, settings: ServerSettings, slot: Slot): Promise<string> {
  const start = settings.engine.cloneStart();
  const id = await host.createContainer({
    name: serverContainerName(settings.cloneName, slot),
    image: settings.image.id,
    labels: cloneContainerLabels({
      [Labels.owner]: settings.owner,
      [Labels.standbyOf]: settings.cloneName,
      [Labels.slot]: slot,
    }),
    entrypoint: start.entrypoint,
    cmd: [],
    user: start.user,
    env: start.env,
    tmpfs: [...settings.image.volumes, ...settings.engine.scratchDirectories],
    files: passwordFiles(settings.password, { record: false }),
    // Back after a restart of the Docker Engine, with the proxy that keeps pointing at it.
    restartPolicy: 'unless-stopped',
    network: settings.network,
    networkAliases: [slotHost(slot)],
  });
  try {
    await host.startContainer(id);
  } catch (error) {
    await host.removeContainer(id);
    throw error;
  }
  return id;
}

/** Waits until a server has applied the clone's password and takes connections. */
export async function waitForServer(
  host: DockerHost,
  engine: Engine,
  cloneName: string,
  id: string,
  timeoutMs: number,
): Promise<void> {
  const signal = AbortSignal.timeout(timeoutMs);
  if (await host.waitForLogLine(id, engine.cloneStart().readyLogLine, signal)) return;
  const logs = await host.containerLogs(id, 20).catch(() => '');
  throw new DatacloneError(
    `clone ${cloneName}: its standby server did not start within ${timeoutMs / 1000} s`,
    `Its last log lines:\n${logs.trimEnd() || '(none)'}`,
  );
}

/** Moves a server container out of its slot's name, so a new one can take it while it goes. */
export async function discardServer(host: DockerHost, server: ContainerInfo): Promise<void> {
  await host.killContainer(server.id);
  await host.renameContainer(server.id, `${server.name}-discarded-${randomSuffix()}`);
}
