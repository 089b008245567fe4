import { DatacloneError } from '../core/errors.js';
import type { ContainerInfo, DockerHost } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';
import { engineFor } from '../engines/index.js';
import { containerNameFor, type Clone } from './clone.js';
import { readClonePassword } from './clone-password.js';

/**
 * The environment variable clones made by earlier versions held their password in; clones keep it
 * in a record now (clone-password.ts), and images must not carry it.
 */
export const PASSWORD_VARIABLE = 'DATACLONE_PASSWORD';
/** Labels a clone carries about the image it came from, copied at creation. */
export const DATABASES_LABEL = Labels.databases;

/** The clone of that name, or undefined when there is none. */
export async function findClone(host: DockerHost, name: string): Promise<Clone | undefined> {
  const info = await findCloneContainer(host, name);
  return info && cloneFromContainer(host, info, await readClonePassword(host, info));
}

/**
 * The container of the clone of that name, without reading the clone's password (one call to
 * the Docker Engine fewer): for steps that need none, or know it already.
 */
export async function findCloneContainer(host: DockerHost, name: string): Promise<ContainerInfo | undefined> {
  const info = await host.inspectContainer(containerNameFor(name));
  if (!info || !isClone(info) || info.labels[Labels.clone] !== name) return undefined;
  return info;
}

/**
 * Whether a container is a clone: its clone label names it, and it has the name dataclone gives
 * that clone's container. A container of an image that carries clone labels (a saved image's
 * standby servers, a crafted image), or one whose label is empty, is not.
 */
export function isClone(info: ContainerInfo): boolean {
  const name = info.labels[Labels.clone];
  return !!name && info.name === containerNameFor(name);
}

/** The clone of that name; fails with an error that lists the clones there are. */
export async function requireClone(host: DockerHost, name: string): Promise<Clone> {
  const info = await requireCloneContainer(host, name);
  return cloneFromContainer(host, info, await readClonePassword(host, info));
}

/** The container of the clone of that name (see findCloneContainer); fails as requireClone does. */
export async function requireCloneContainer(host: DockerHost, name: string): Promise<ContainerInfo> {
  const info = await findCloneContainer(host, name);
  if (info) return info;
  const names = await listCloneNames(host);
  throw new DatacloneError(
    `no clone named '${name}' on ${host.description}`,
    names.length
      ? `Clones there: ${names.join(', ')}.`
      : 'There are no clones there; create one with `dataclone clone create --image <image>`.',
  );
}

/** Every clone on the host, optionally only those of one owner, oldest first. */
export async function listClones(host: DockerHost, owner?: string): Promise<Clone[]> {
  const ids = await host.findContainers({ [Labels.clone]: undefined, [Labels.owner]: owner });
  const clones: Clone[] = [];
  for (const id of ids) {
    const info = await host.inspectContainer(id);
    if (info && isClone(info))
      clones.push(cloneFromContainer(host, info, await readClonePassword(host, info)));
  }
  // An environment's instances in the order of its file (they start in parallel), else oldest first.
  return clones.sort(
    (a, b) =>
      (a.environment ?? '').localeCompare(b.environment ?? '') ||
      (a.instanceIndex ?? 0) - (b.instanceIndex ?? 0) ||
      a.created.localeCompare(b.created),
  );
}

async function listCloneNames(host: DockerHost): Promise<string[]> {
  return (await listClones(host)).map((clone) => clone.name);
}

export function cloneFromContainer(host: DockerHost, info: ContainerInfo, password: string): Clone {
  const labels = info.labels;
  const engine = engineFor(labels[Labels.engine] ?? 'postgres');
  const published = info.ports[engine.port];
  // A clone sets every clone label, to "" for a setting it does not have (cloneContainerLabels).
  const bindAddress = labels[Labels.bindAddress] || published?.hostIp || '127.0.0.1';
  // A stopped clone publishes nothing: its port is the one it asked for, where it starts again.
  const asked = info.portBindings[engine.port]?.hostPort || undefined;
  const port = published?.hostPort ?? asked ?? Number(labels[Labels.hostPort] || 0);
  const databases = parseNames(labels[DATABASES_LABEL]);
  const primary = labels[Labels.primaryDatabase] ?? databases[0] ?? engine.maintenanceDatabase;
  return {
    name: labels[Labels.clone] || info.name,
    containerId: info.id,
    image: labels[Labels.image] || info.image,
    imageId: cloneImageId(info),
    engine: engine.name,
    owner: labels[Labels.owner] ?? '',
    created: labels[Labels.created] ?? '',
    expires: labels[Labels.expires] || undefined,
    status: info.status,
    bindAddress,
    networking: labels[Labels.networking] === 'host' ? 'host' : 'bridge',
    ...(labels[Labels.standby] === 'true' ? { standby: true } : {}),
    ...(labels[Labels.environment]
      ? {
          environment: labels[Labels.environment],
          instance: labels[Labels.instance] || undefined,
          instanceIndex: Number(labels[Labels.instanceIndex] ?? 0),
        }
      : {}),
    connection: engine.connectionDetails(
      { host: host.clientAddress(bindAddress), port },
      { user: labels[Labels.superuser] ?? engine.superuser, password },
      databases,
      primary,
    ),
  };
}

/** The image ID a clone was created from, which its reset returns to. */
export function cloneImageId(info: ContainerInfo): string {
  return info.labels[Labels.imageId] || info.imageId;
}

function parseNames(text: string | undefined): string[] {
  if (!text) return [];
  try {
    return (JSON.parse(text) as { name: string }[]).map((db) => db.name);
  } catch {
    return [];
  }
}
