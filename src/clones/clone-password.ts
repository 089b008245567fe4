import type { ContainerFile, ContainerInfo, DockerHost } from '../docker/docker-host.js';
import { Labels } from '../docker/labels.js';
import { PASSWORD_HANDOVER_FILE, PASSWORD_RECORD_FILE } from '../engines/engine.js';

/**
 * Where dataclone keeps a clone's password so that later steps (`clone show`, reset, a CI job's
 * next step) can hand it out again: a file only root can read, on an anonymous volume of the
 * clone's container. The volume survives restarts of the container, is never part of an image
 * that `clone save` commits, and is removed with the container. Nothing of it is in the
 * container's configuration (`docker inspect`) nor in the environment of any of its processes;
 * whoever can use the Docker socket can still read it (`docker cp`), as they can read the data.
 */
export const PASSWORD_RECORD_DIRECTORY = PASSWORD_RECORD_FILE.slice(0, PASSWORD_RECORD_FILE.lastIndexOf('/'));

/** Clones made by dataclone before the record existed kept the password in their environment. */
const LEGACY_PASSWORD_VARIABLE = 'DATACLONE_PASSWORD';

/** The anonymous volume that holds the record, labelled like the clone so that clean-ups find it. */
export function passwordRecordVolume(owner: string): { path: string; labels: Record<string, string> } {
  return { path: PASSWORD_RECORD_DIRECTORY, labels: { [Labels.owner]: owner } };
}

/**
 * The files written into a clone's server container (as it starts, see HANDOVER_VARIABLE; a
 * standby's slot servers before they start): the hand-over its start script reads and removes
 * (see PASSWORD_HANDOVER_FILE), and, in the container that is the clone, the record. The record
 * comes last: its arrival tells the start script the hand-over is complete.
 */
export function passwordFiles(password: string, options: { record: boolean }): ContainerFile[] {
  const handover: ContainerFile = {
    path: PASSWORD_HANDOVER_FILE,
    content: `${password}\n`,
    mode: 0o444,
    // The server user, whoever it is in the image, removes the file once its server holds the password.
    directoryMode: 0o777,
  };
  return options.record ? [handover, ...recordFiles(password)] : [handover];
}

/** The record alone: for the proxy of a clone with a standby, which runs no server. */
export function recordFiles(password: string): ContainerFile[] {
  return [{ path: PASSWORD_RECORD_FILE, content: password, mode: 0o400 }];
}

/** The password of a clone, running or stopped; empty when it cannot be found. */
export async function readClonePassword(host: DockerHost, info: ContainerInfo): Promise<string> {
  const recorded = await host.readFile(info.id, PASSWORD_RECORD_FILE);
  return recorded ?? info.env[LEGACY_PASSWORD_VARIABLE] ?? '';
}
