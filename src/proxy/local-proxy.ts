import { connect, createServer } from 'node:net';
import { defaultOwner } from '../clones/create-clone.js';
import { requireClone } from '../clones/read-clone.js';
import { Labels } from '../docker/labels.js';
import type { Clone } from '../clones/clone.js';
import { DatacloneError } from '../core/errors.js';
import { randomPassword } from '../core/random.js';
import type { Reporter } from '../core/reporter.js';
import type { ContainerFile, DockerHost } from '../docker/docker-host.js';
import { engineFor } from '../engines/index.js';
import {
  PROXY_LISTENING,
  PROXY_TOKEN_HANDOVER_FILE,
  PROXY_TOKEN_RECORD_FILE,
  switchableProxyCommand,
  TARGET_FILE_DIRECTORY,
  TARGET_FILE_NAME,
} from './proxy-script.js';

export const PROXY_LABEL = 'dataclone.proxy';
const PROXY_TARGET_LABEL = 'dataclone.proxy.first-target';
const PROXY_BIND_LABEL = 'dataclone.proxy.bind-address';
const PROXY_CONTROL_LABEL = 'dataclone.proxy.control-port';

/** The hand-over the proxy reads and removes (as the server user), and dataclone's root-only copy. */
function proxyTokenFiles(token: string): ContainerFile[] {
  return [
    { path: PROXY_TOKEN_HANDOVER_FILE, content: `${token}\n`, mode: 0o444, directoryMode: 0o777 },
    { path: PROXY_TOKEN_RECORD_FILE, content: token, mode: 0o400 },
  ];
}

export function proxyContainerName(port: number): string {
  return `dataclone-proxy-${port}`;
}

/** Where the proxy, on the Docker host's network, reaches a clone: its published port there. */
function targetOf(clone: Clone): string {
  const address =
    clone.bindAddress === '0.0.0.0' || clone.bindAddress === '::' ? '127.0.0.1' : clone.bindAddress;
  return `${address}:${clone.connection.port}`;
}

export interface ProxyOptions {
  host: DockerHost;
  reporter: Reporter;
  port: number;
  /** The clone the port leads to. */
  to: string;
  /** Default 127.0.0.1. */
  bindAddress?: string;
  /** Who the proxy belongs to (cleanup finds it by this label); default as for clones. */
  owner?: string;
}

/**
 * Starts `dataclone proxy`: a stable port on the Docker host whose connections go to a clone,
 * so that `localhost:<port>` can follow the branch a developer is on. Returns once a query with
 * the clone's credentials gets through it.
 */
export async function startProxy(options: ProxyOptions): Promise<{ target: Clone; durationMs: number }> {
  const started = performance.now();
  const { host, port } = options;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new DatacloneError(`--port: '${port}' is not a port number`, 'Give a number from 1 to 65535.');
  const clone = await requireClone(host, options.to);
  const engine = engineFor(clone.engine);
  if (await host.inspectContainer(proxyContainerName(port))) {
    throw new DatacloneError(
      `a dataclone proxy already listens on port ${port}`,
      `Switch it (dataclone proxy switch --port ${port} --to ${clone.name}) or stop it (dataclone proxy stop --port ${port}).`,
    );
  }
  const bindAddress = options.bindAddress ?? '127.0.0.1';
  const controlPort = isLocal(host) ? await freeLocalPort() : 40_000 + Math.floor(Math.random() * 20_000);
  const id = await host.createContainer({
    name: proxyContainerName(port),
    image: clone.imageId,
    labels: {
      [Labels.owner]: options.owner ?? defaultOwner(),
      [PROXY_LABEL]: String(port),
      [PROXY_TARGET_LABEL]: clone.name,
      [PROXY_BIND_LABEL]: bindAddress,
      [PROXY_CONTROL_LABEL]: String(controlPort),
    },
    entrypoint: switchableProxyCommand(bindAddress, port, targetOf(clone), controlPort),
    cmd: [],
    user: engine.serverUser,
    files: proxyTokenFiles(randomPassword()),
    network: 'host',
  });
  try {
    await host.startContainer(id);
    const listening = await host.waitForLogLine(id, PROXY_LISTENING, AbortSignal.timeout(10_000));
    if (!listening) {
      const logs = await host.containerLogs(id, 10).catch(() => '');
      throw new DatacloneError(
        `the proxy did not start on ${bindAddress}:${port}`,
        `Is the port free on the Docker host? Its log:\n${logs.trimEnd() || '(none)'}`,
      );
    }
    await throughProxy(options, clone);
  } catch (error) {
    await host.removeContainer(id);
    throw error;
  }
  const durationMs = Math.round(performance.now() - started);
  options.reporter.info(`Port ${port} now leads to clone ${clone.name} (${durationMs} ms)`);
  return { target: clone, durationMs };
}

/**
 * Points a running proxy at another clone: the new target is copied into the proxy's container
 * and one signal makes it read it, ending the old target's sessions. Nothing restarts; returns
 * once a query with the new clone's credentials gets through.
 */
export async function switchProxy(options: ProxyOptions): Promise<{ target: Clone; durationMs: number }> {
  const started = performance.now();
  const { host, port } = options;
  const proxy = await host.inspectContainer(proxyContainerName(port));
  if (!proxy?.running) {
    throw new DatacloneError(
      `no dataclone proxy runs on port ${port}`,
      `Start one: dataclone proxy --port ${port} --to ${options.to}.`,
    );
  }
  const clone = await requireClone(host, options.to);
  if (clone.status !== 'running') {
    throw new DatacloneError(
      `clone ${clone.name} is ${clone.status}, so port ${port} cannot lead to it`,
      `Reset it (dataclone clone reset ${clone.name}) or choose another clone.`,
    );
  }
  const controlPort = Number(proxy.labels[PROXY_CONTROL_LABEL]);
  const token = (await host.readFile(proxy.id, PROXY_TOKEN_RECORD_FILE)) ?? '';
  const switched =
    isLocal(host) && controlPort > 0 && (await sendControl(controlPort, `${token} ${targetOf(clone)}`));
  if (!switched) {
    // A remote Docker host's loopback is out of reach: a new target file and a signal instead.
    await host.putFile(proxy.id, TARGET_FILE_DIRECTORY, TARGET_FILE_NAME, `${targetOf(clone)}\n`);
    await host.signalContainer(proxy.id, 'SIGHUP');
  }
  await throughProxy({ ...options, bindAddress: proxy.labels[PROXY_BIND_LABEL] }, clone);
  const durationMs = Math.round(performance.now() - started);
  options.reporter.info(`Port ${port} now leads to clone ${clone.name} (switched in ${durationMs} ms)`);
  return { target: clone, durationMs };
}

export async function stopProxy(host: DockerHost, reporter: Reporter, port: number): Promise<void> {
  const proxy = await host.inspectContainer(proxyContainerName(port));
  if (!proxy) throw new DatacloneError(`no dataclone proxy runs on port ${port}`);
  await host.removeContainer(proxy.id);
  reporter.info(`Stopped the proxy on port ${port}`);
}

/** The Docker host is this machine (its loopback is ours). */
function isLocal(host: DockerHost): boolean {
  const remote = host.remoteName();
  return remote === undefined || remote === 'localhost' || remote.startsWith('127.');
}

/** Sends one control line to the proxy; true when it answered ok. */
function sendControl(port: number, line: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(`${line}\n`));
    let answer = '';
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(answer.startsWith('ok')));
  });
}

function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function throughProxy(options: ProxyOptions, clone: Clone): Promise<void> {
  const engine = engineFor(clone.engine);
  const address = options.host.clientAddress(options.bindAddress ?? '127.0.0.1');
  try {
    await engine.waitUntilReady(
      { host: address, port: options.port },
      { user: clone.connection.user, password: clone.connection.password },
      clone.connection.primaryDatabase,
      AbortSignal.timeout(10_000),
    );
  } catch (error) {
    throw new DatacloneError(
      `port ${options.port} does not lead to clone ${clone.name}: ${error instanceof Error ? error.message : String(error)}`,
      `Check the clone answers on its own port (dataclone clone show ${clone.name}).`,
      { cause: error },
    );
  }
}
