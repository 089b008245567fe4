import os from 'node:os';
import { parseDuration } from '../core/duration.js';
import { DatacloneError } from '../core/errors.js';
import { randomPassword, randomSuffix } from '../core/random.js';
import type { Reporter } from '../core/reporter.js';
import type { ContainerSpec, DockerHost } from '../docker/docker-host.js';
import { cloneContainerLabels, cloneLabelsOf, Labels } from '../docker/labels.js';
import {
  DATABASE_VARIABLE,
  HANDOVER_AFTER_START,
  HANDOVER_VARIABLE,
  LISTEN_ADDRESS_VARIABLE,
  LISTEN_PORT_VARIABLE,
  NETWORK_VARIABLE,
} from '../engines/engine.js';
import { engineFor } from '../engines/index.js';
import type { CloneMembership } from '../environments/environment.js';
import { readDataImage, type DataImage } from '../images/data-image.js';
import { checkImageServer } from '../images/server-version-check.js';
import { containerNameFor, type Clone } from './clone.js';
import { cloneFromContainer } from './read-clone.js';
import { passwordFiles, passwordRecordVolume } from './clone-password.js';
import { portInUse, startCloneContainer } from './start-clone-container.js';
import { chooseNetworking, type CloneNetworking, type NetworkingChoice } from './clone-networking.js';
import { isPortFree, pickFreePort, saysPortInUse } from './host-port.js';
import { startCloneWithStandby } from './standby/start-with-standby.js';

export interface CreateCloneOptions {
  host: DockerHost;
  reporter: Reporter;
  image: string;
  /** Default: the image's definition name and a random suffix. */
  name?: string;
  /** Host port; default: one Docker picks. */
  port?: number;
  /** Default 127.0.0.1: only this machine can reach the clone. */
  bindAddress?: string;
  /** Who the clone belongs to (a CI job, a user); default DATACLONE_OWNER or `local-<user>`. */
  owner?: string;
  /** How long the clone may live before `dataclone gc` removes it, e.g. `8h`. */
  lifetime?: string;
  readyTimeoutMs?: number;
  /**
   * Keeps a second server of the image warm behind a proxy on the clone's port, so that a reset
   * is a hand-over instead of a container start. Costs a second server's memory.
   */
  standby?: boolean;
  /** Makes the clone an instance of an environment, on the environment's network. */
  membership?: CloneMembership;
  /** Default: DATACLONE_NETWORKING, else bridge (Docker publishes the port). */
  networking?: NetworkingChoice;
}

export interface CreatedClone {
  clone: Clone;
  /** From the create call to the first query answered. */
  durationMs: number;
}

const NAME = /^[a-z0-9][a-z0-9_.-]{0,62}$/;

/** Starts a clone of a data image and returns once it answers queries with its own password. */
export async function createClone(options: CreateCloneOptions): Promise<CreatedClone> {
  const started = performance.now();
  const { host, reporter } = options;
  if (options.name !== undefined) validateCloneName(options.name);
  validatePort(options.port);
  const expires = options.lifetime
    ? new Date(Date.now() + parseDuration(options.lifetime, '--lifetime')).toISOString()
    : '';
  await host.ping();
  const image = await readDataImage(host, options.image);
  checkImageServer(options.image, image);
  warnOfCloneLabels(reporter, options.image, image);
  const networking = await chooseNetworking(host, reporter, {
    requested: options.networking,
    standby: options.standby === true,
    environment: options.membership !== undefined,
    image,
  });
  const name = options.name ?? `${image.definitionName || 'clone'}-${randomSuffix()}`;
  validateCloneName(name);
  if (await host.inspectContainer(containerNameFor(name))) {
    throw new DatacloneError(
      `a clone named ${name} already exists`,
      `Remove it with \`dataclone clone remove ${name}\`, reset it with \`dataclone clone reset ${name}\`, or choose another --name.`,
    );
  }
  const password = randomPassword();
  reporter.maskSecret(password);
  const bindAddress = options.bindAddress ?? '127.0.0.1';
  const remote = host.remoteName();
  if (remote && !remote.startsWith('127.') && remote !== 'localhost' && bindAddress.startsWith('127.')) {
    reporter.warn(
      `clone ${name}: ${host.description} is another machine, and the clone's port is published on its loopback (${bindAddress}) only; publish it where this machine reaches it with --bind-address 0.0.0.0 (or the host's address). Each clone has its own password.`,
    );
  }
  // Every clone label is set here, so that none of the image's own labels (Docker copies them
  // onto the container) decides anything about this clone later, in reset or remove.
  const labels = cloneContainerLabels({
    [Labels.clone]: name,
    [Labels.owner]: options.owner ?? defaultOwner(),
    [Labels.image]: options.image,
    [Labels.imageId]: image.id,
    [Labels.engine]: image.engine,
    [Labels.engineVersion]: image.engineVersion,
    [Labels.databases]: JSON.stringify(image.databases),
    [Labels.primaryDatabase]: image.primaryDatabase,
    [Labels.superuser]: image.superuser,
    [Labels.bindAddress]: bindAddress,
    [Labels.networking]: networking,
    [Labels.created]: new Date().toISOString(),
    [Labels.expires]: expires,
    ...(options.membership ? membershipLabels(options.membership) : {}),
  });
  if (options.standby && options.membership) {
    throw new DatacloneError(
      `clone ${name}: a standby is not available for the instances of an environment yet`,
      'Leave --standby out for environments.',
    );
  }
  const info = options.standby
    ? await startCloneWithStandby(
        host,
        engineFor(image.engine),
        image,
        name,
        labels,
        password,
        // Picked here on a local engine, as for a clone without standby: kept across restarts.
        options.port ?? (host.remoteName() ? undefined : await pickFreePort(bindAddress)),
        options.readyTimeoutMs ?? 60_000,
      )
    : await startClone(host, image, name, labels, password, options.port, options.readyTimeoutMs);
  const clone = cloneFromContainer(host, info, password);
  const durationMs = Math.round(performance.now() - started);
  reporter.info(
    `Clone ${name} of ${options.image} is ready on ${clone.connection.host}:${clone.connection.port} (${durationMs} ms${options.standby ? ', with a warm standby' : ''})`,
  );
  return { clone, durationMs };
}

/** Starts a clone container of `image`: used by create, and by reset with the same settings. */
export async function startClone(
  host: DockerHost,
  image: Pick<DataImage, 'id' | 'engine' | 'volumes' | 'primaryDatabase' | 'superuser'>,
  name: string,
  labels: Record<string, string>,
  password: string,
  hostPort: number | undefined,
  readyTimeoutMs = 60_000,
) {
  const engine = engineFor(image.engine);
  const start = engine.cloneStart();
  const instance = labels[Labels.instance];
  const bindAddress = labels[Labels.bindAddress] || '127.0.0.1';
  const readiness = {
    credentials: { user: image.superuser || engine.superuser, password },
    database: image.primaryDatabase || engine.maintenanceDatabase,
    timeoutMs: readyTimeoutMs,
  };
  const spec = (listen: { port: number; address: string; network: CloneNetworking }): ContainerSpec => ({
    name: containerNameFor(name),
    image: image.id,
    labels,
    entrypoint: start.entrypoint,
    cmd: [],
    user: start.user,
    env: {
      ...start.env,
      [LISTEN_PORT_VARIABLE]: String(listen.port),
      [LISTEN_ADDRESS_VARIABLE]: listen.address,
      [NETWORK_VARIABLE]: listen.network,
      [DATABASE_VARIABLE]: readiness.database,
      [HANDOVER_VARIABLE]: HANDOVER_AFTER_START,
    },
    tmpfs: [...image.volumes, ...engine.scratchDirectories],
    volumes: [passwordRecordVolume(labels[Labels.owner] ?? '')],
    // A kept clone outlives a restart of the Docker Engine (a reboot, an upgrade) with its data;
    // its start script needs no secret then (see PASSWORD_HANDOVER_FILE).
    restartPolicy: 'unless-stopped',
  });
  // Written while the container starts (the start script waits for it), in one archive: the
  // hand-over first, then the record, whose arrival tells the script the hand-over is complete.
  const handover = passwordFiles(password, { record: true });
  const onHostNetwork = labels[Labels.networking] === 'host';
  // The port is picked here, not by Docker, whenever this machine can tell a free one (the
  // Docker Engine runs here): Docker would pick another one at each start, so a clone would
  // come back from an engine restart on another port. A port picked here may be taken by
  // another process before it is bound: then another is picked.
  const pickPort = onHostNetwork || !host.remoteName();
  for (let attempt = 1; ; attempt++) {
    const port = hostPort ?? (pickPort ? await pickFreePort(bindAddress) : undefined);
    if (onHostNetwork && hostPort !== undefined && !(await isPortFree(bindAddress, hostPort)))
      throw portInUse(name, bindAddress, hostPort);
    try {
      if (!onHostNetwork) {
        return await startCloneContainer(
          host,
          engine,
          name,
          {
            ...spec({ port: engine.port, address: '0.0.0.0', network: 'bridge' }),
            publish: { containerPort: engine.port, bindAddress, hostPort: port },
            // An environment's instance joins its network under the instance's name (reset too:
            // the network is in the labels it keeps).
            network: labels[Labels.network] || undefined,
            networkAliases: instance ? [instance] : undefined,
          },
          readiness,
          undefined,
          handover,
        );
      }
      // Host networking: the server listens on a port of this machine itself.
      const listenPort = port ?? 0;
      return await startCloneContainer(
        host,
        engine,
        name,
        {
          ...spec({ port: listenPort, address: bindAddress, network: 'host' }),
          labels: { ...labels, [Labels.hostPort]: String(listenPort) },
          network: 'host',
        },
        readiness,
        { host: host.clientAddress(bindAddress), port: listenPort },
        handover,
      );
    } catch (error) {
      const taken = error instanceof DatacloneError && saysPortInUse(`${error.message}\n${error.hint ?? ''}`);
      if (!taken || !pickPort) throw error;
      if (hostPort !== undefined || attempt === 3) throw portInUse(name, bindAddress, port, error);
    }
  }
}

/** A data image says what its data is; how a clone of it runs is dataclone's to decide. */
function warnOfCloneLabels(reporter: Reporter, reference: string, image: DataImage): void {
  const ignored = cloneLabelsOf(image.labels);
  if (ignored.length === 0) return;
  reporter.warn(
    `image ${reference} carries labels that describe a clone, not an image, and they are ignored: ${ignored.map((key) => `${key}=${JSON.stringify(image.labels[key])}`).join(', ')}. Images made by dataclone never carry them; check where this image came from.`,
  );
}

function membershipLabels(membership: CloneMembership): Record<string, string> {
  return {
    [Labels.environment]: membership.environment,
    [Labels.instance]: membership.instance,
    [Labels.instanceIndex]: String(membership.index),
    [Labels.network]: membership.network,
  };
}

export function defaultOwner(): string {
  return process.env.DATACLONE_OWNER || `local-${os.userInfo().username}`;
}

export function validateCloneName(name: string): void {
  if (!NAME.test(name)) {
    throw new DatacloneError(
      `--name: '${name}' is not a valid clone name`,
      'Use 1 to 63 lowercase letters, digits, dots, dashes or underscores, starting with a letter or digit.',
    );
  }
}

function validatePort(port: number | undefined): void {
  if (port === undefined) return;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new DatacloneError(
      `--port: '${port}' is not a port number`,
      'Give a number from 1 to 65535, or leave --port out.',
    );
  }
}
