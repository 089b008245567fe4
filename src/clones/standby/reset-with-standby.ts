import type { ContainerInfo, DockerHost } from '../../docker/docker-host.js';
import { Labels } from '../../docker/labels.js';
import type { Engine } from '../../engines/engine.js';
import { readDataImage } from '../../images/data-image.js';
import type { Clone } from '../clone.js';
import { SLOT_SIGNAL, type Slot } from './proxy.js';
import { waitThroughProxy } from './start-with-standby.js';
import {
  discardServer,
  findStandbyServers,
  standbyNetworkName,
  startServer,
  waitForServer,
  type ServerSettings,
} from './standby-servers.js';

export interface StandbyReset {
  /** From the reset call to the first query answered by the fresh server, as a client sees it. */
  handoverMs: number;
  /** Starting the next standby, after the handover. */
  replenishMs: number;
}

/**
 * Resets a clone with a warm standby: the proxy is pointed at the standby (one signal) and ends
 * every session of the old state as it switches; then the old server is removed and a new
 * standby starts in its slot. Port, password and name stay; clients reconnect as after any reset.
 */
export async function resetWithStandby(
  host: DockerHost,
  engine: Engine,
  clone: Clone,
  proxy: ContainerInfo,
  timeoutMs: number,
): Promise<StandbyReset> {
  const started = performance.now();
  const [servers, image] = await Promise.all([
    findStandbyServers(host, clone.name),
    readDataImage(host, clone.imageId, `clone ${clone.name}'s image`),
  ]);
  const settings: ServerSettings = {
    cloneName: clone.name,
    image,
    engine,
    owner: clone.owner,
    password: clone.connection.password,
    network: standbyNetworkName(clone.name),
  };
  const next: { id: string; slot: Slot } = servers.standby ?? {
    slot: other(servers.active.slot),
    id: await startServer(host, settings, other(servers.active.slot)),
  };
  await waitForServer(host, engine, clone.name, next.id, timeoutMs);
  // The proxy ends the old sessions as it switches; the old server goes after the handover.
  await host.signalContainer(proxy.id, SLOT_SIGNAL[next.slot]);
  const published = proxy.ports[engine.port] ?? {
    hostIp: clone.bindAddress,
    hostPort: clone.connection.port,
  };
  await waitThroughProxy(
    host,
    engine,
    clone.name,
    proxy,
    published,
    image,
    clone.connection.password,
    timeoutMs,
  );
  const handoverMs = Math.round(performance.now() - started);

  const replenishing = performance.now();
  await discardServer(host, servers.active);
  await Promise.all([
    host.removeContainer(servers.active.id),
    startServer(host, settings, servers.active.slot),
  ]);
  return { handoverMs, replenishMs: Math.round(performance.now() - replenishing) };
}

function other(slot: Slot): Slot {
  return slot === 'a' ? 'b' : 'a';
}

export function hasStandby(container: ContainerInfo | undefined): boolean {
  return container?.labels[Labels.standby] === 'true';
}
