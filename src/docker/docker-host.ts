import tarStream from 'tar-stream';
import Docker from 'dockerode';
import { PassThrough, type Readable } from 'node:stream';
import { DatacloneError } from '../core/errors.js';
import { readHostFacts, type HostFacts } from './host-facts.js';
import { labelFilter } from './labels.js';

/** What one command run inside a container printed and how it ended. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  /** The last 16 KiB of standard error: enough to explain a failure. */
  stderr: string;
}

export interface ExecOptions {
  user?: string;
  env?: Record<string, string>;
  stdin?: Readable;
  onStderrLine?: (line: string) => void;
}

export interface ContainerSpec {
  name: string;
  image: string;
  labels: Record<string, string>;
  entrypoint?: string[];
  cmd?: string[];
  user?: string;
  env?: Record<string, string>;
  /** Container port to publish, on `bindAddress`, at `hostPort` (0 or undefined: Docker picks). */
  publish?: { containerPort: number; bindAddress: string; hostPort?: number };
  /** Paths that the image declares as volumes: mounted as tmpfs so no anonymous volume is made. */
  tmpfs?: string[];
  network?: string;
  /** Names other containers on `network` reach this one by (a user-defined network only). */
  networkAliases?: string[];
  /** host-path:container-path[:ro] mounts (local Docker hosts only). */
  binds?: string[];
}

/** Credentials for a registry, sent to Docker in the X-Registry-Auth header, never on a command line. */
export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
}

interface ProgressEvent {
  id?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
  progressDetail?: { current?: number; total?: number };
  aux?: { Digest?: string; Tag?: string };
}

export interface ImageInfo {
  id: string;
  tags: string[];
  labels: Record<string, string>;
  volumes: string[];
  sizeBytes: number;
}

export interface ContainerInfo {
  id: string;
  name: string;
  image: string;
  imageId: string;
  labels: Record<string, string>;
  env: Record<string, string>;
  running: boolean;
  status: string;
  /** When Docker created the container (ISO 8601, nanoseconds). */
  created: string;
  /** Host address and port of each published container port, e.g. { 5432: {...} }. */
  ports: Record<number, { hostIp: string; hostPort: number }>;
}

const STDERR_TAIL_BYTES = 16 * 1024;

/**
 * The Docker Engine that runs builds and clones. Everything dataclone asks of Docker goes
 * through here, so the rest of the code speaks in images and containers, not in API calls.
 */
export class DockerHost {
  constructor(
    readonly docker: Docker = new Docker(),
    /** How the user would name this host in an error: DOCKER_HOST or the local socket. */
    readonly description: string = process.env.DOCKER_HOST ??
      'the local Docker Engine (/var/run/docker.sock)',
  ) {}

  /** What `docker info` says, read once per DockerHost. */
  facts(): Promise<HostFacts> {
    this.factsRead ??= readHostFacts(this.docker);
    return this.factsRead;
  }

  private factsRead: Promise<HostFacts> | undefined;

  /** Fails with an actionable error when the Docker Engine does not answer. */
  async ping(): Promise<void> {
    try {
      await this.docker.ping();
    } catch (error) {
      throw new DatacloneError(
        `cannot reach ${this.description}: ${errorText(error)}`,
        'Start Docker (on Debian as root: apt-get install docker.io && dockerd &), or point DOCKER_HOST at a running Docker Engine.',
        { cause: error },
      );
    }
  }

  async inspectImage(reference: string): Promise<ImageInfo | undefined> {
    try {
      const image = await this.docker.getImage(reference).inspect();
      return {
        id: image.Id,
        tags: image.RepoTags ?? [],
        labels: image.Config?.Labels ?? {},
        volumes: Object.keys(image.Config?.Volumes ?? {}),
        sizeBytes: image.Size,
      };
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  }

  async listImages(labels: Record<string, string | undefined>): Promise<ImageInfo[]> {
    const images = await this.docker.listImages({ filters: { label: labelFilter(labels) } });
    return images.map((image) => ({
      id: image.Id,
      tags: (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'),
      labels: image.Labels ?? {},
      volumes: [],
      sizeBytes: image.Size,
    }));
  }

  /** Pulls an image, reporting progress as bytes downloaded of the layers seen so far. */
  /** Pulls an image, reporting bytes downloaded over all layers. */
  async pullImage(
    reference: string,
    onProgress?: (done: number, total: number) => void,
    auth?: RegistryAuth,
  ): Promise<void> {
    const stream = await this.docker.pull(reference, auth ? { authconfig: auth } : {});
    await this.followLayers(stream, onProgress);
  }

  /** Pushes an image to its registry; returns the digest the registry gave it. */
  async pushImage(
    reference: string,
    onProgress?: (done: number, total: number) => void,
    auth?: RegistryAuth,
  ): Promise<string> {
    const stream = (await this.docker
      .getImage(reference)
      // The Engine wants the X-Registry-Auth header even without a login: an empty one then.
      .push({ authconfig: auth ?? {} })) as NodeJS.ReadableStream;
    const events = await this.followLayers(stream, onProgress);
    const digest = events.map((event) => event.aux?.Digest).find((value) => value !== undefined);
    return digest ?? '';
  }

  /** Follows a pull or push stream; an error event (the API answers 200 first) rejects. */
  private followLayers(
    stream: NodeJS.ReadableStream,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ProgressEvent[]> {
    const layers = new Map<string, { current: number; total: number }>();
    return new Promise<ProgressEvent[]>((resolve, reject) => {
      this.docker.modem.followProgress(
        stream,
        (error: Error | null, events: ProgressEvent[]) => {
          const failed = events?.find((event) => event.error);
          if (error) reject(error);
          else if (failed) reject(new Error(failed.errorDetail?.message ?? failed.error));
          else resolve(events ?? []);
        },
        (event: ProgressEvent) => {
          if (!event.id || !event.progressDetail?.total) return;
          layers.set(event.id, {
            current: event.progressDetail.current ?? 0,
            total: event.progressDetail.total,
          });
          let done = 0;
          let total = 0;
          for (const layer of layers.values()) {
            done += layer.current;
            total += layer.total;
          }
          onProgress?.(done, total);
        },
      );
    });
  }

  async tagImage(imageId: string, reference: string): Promise<void> {
    const { repo, tag } = splitReference(reference);
    await this.docker.getImage(imageId).tag({ repo, tag });
  }

  async removeImage(reference: string): Promise<void> {
    try {
      await this.docker.getImage(reference).remove({ force: false, noprune: false });
    } catch (error) {
      if (statusCode(error) !== 404) throw error;
    }
  }

  async createContainer(spec: ContainerSpec): Promise<string> {
    const port = spec.publish ? `${spec.publish.containerPort}/tcp` : undefined;
    const container = await this.docker.createContainer({
      name: spec.name,
      Image: spec.image,
      Labels: spec.labels,
      Entrypoint: spec.entrypoint,
      Cmd: spec.cmd,
      User: spec.user,
      Env: spec.env ? Object.entries(spec.env).map(([key, value]) => `${key}=${value}`) : undefined,
      ExposedPorts: port ? { [port]: {} } : undefined,
      HostConfig: {
        PortBindings:
          port && spec.publish
            ? {
                [port]: [
                  {
                    HostIp: spec.publish.bindAddress,
                    HostPort: spec.publish.hostPort ? String(spec.publish.hostPort) : '',
                  },
                ],
              }
            : undefined,
        Tmpfs: spec.tmpfs?.length ? Object.fromEntries(spec.tmpfs.map((path) => [path, ''])) : undefined,
        NetworkMode: spec.network,
        Binds: spec.binds,
      },
      NetworkingConfig:
        spec.network && spec.networkAliases?.length
          ? { EndpointsConfig: { [spec.network]: { Aliases: spec.networkAliases } } }
          : undefined,
    });
    return container.id;
  }

  async startContainer(id: string): Promise<void> {
    await this.docker.getContainer(id).start();
  }

  /** Removes a container and its anonymous volumes; a container that is already gone is fine. */
  async removeContainer(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).remove({ force: true, v: true });
    } catch (error) {
      const code = statusCode(error);
      // 404: already gone. 409: removal already in progress (another process got there first).
      if (code !== 404 && code !== 409) throw error;
    }
  }

  /** Stops a container at once (SIGKILL), which also frees its published ports. */
  async killContainer(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).kill();
    } catch (error) {
      const code = statusCode(error);
      // 404: gone; 409: not running. Either way it holds no port any more.
      if (code !== 404 && code !== 409) throw error;
    }
  }

  /** Writes one small file into a container (through the archive API: no process is started). */
  async putFile(id: string, directory: string, name: string, content: string): Promise<void> {
    const pack = tarStream.pack();
    pack.entry({ name, mode: 0o644 }, content);
    pack.finalize();
    const chunks: Buffer[] = [];
    for await (const chunk of pack) chunks.push(chunk as Buffer);
    await this.docker.getContainer(id).putArchive(Buffer.concat(chunks), { path: directory });
  }

  /**
   * Unpacks a tar stream (plain, gzip, bzip2 or xz) into a folder of a container, as root with
   * the archive's owners. The daemon unpacks it itself: several times faster than a tar process
   * fed through an exec's standard input.
   */
  async putArchive(id: string, directory: string, archive: NodeJS.ReadableStream): Promise<void> {
    await this.docker.getContainer(id).putArchive(archive, { path: directory });
  }

  /** Sends a signal to a container's main process (e.g. SIGUSR1). */
  async signalContainer(id: string, signal: string): Promise<void> {
    await this.docker.getContainer(id).kill({ signal });
  }

  async renameContainer(id: string, name: string): Promise<void> {
    await this.docker.getContainer(id).rename({ name });
  }

  async inspectContainer(idOrName: string): Promise<ContainerInfo | undefined> {
    try {
      const info = await this.docker.getContainer(idOrName).inspect();
      const ports: ContainerInfo['ports'] = {};
      for (const [key, bindings] of Object.entries(info.NetworkSettings?.Ports ?? {})) {
        const binding = bindings?.[0];
        if (binding)
          ports[Number.parseInt(key, 10)] = { hostIp: binding.HostIp, hostPort: Number(binding.HostPort) };
      }
      return {
        id: info.Id,
        name: info.Name.replace(/^\//, ''),
        image: info.Config.Image,
        imageId: info.Image,
        labels: info.Config.Labels ?? {},
        env: parseEnv(info.Config.Env ?? []),
        running: info.State.Running,
        status: info.State.Status,
        created: info.Created,
        ports,
      };
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  }

  /** IDs of the containers (running or not) that carry all the given labels. */
  async findContainers(labels: Record<string, string | undefined>): Promise<string[]> {
    const containers = await this.docker.listContainers({
      all: true,
      filters: { label: labelFilter(labels) },
    });
    return containers.map((container) => container.Id);
  }

  /** Creates a private bridge network carrying `labels`; returns its ID. */
  async createNetwork(name: string, labels: Record<string, string>): Promise<string> {
    const network = await this.docker.createNetwork({
      Name: name,
      Driver: 'bridge',
      CheckDuplicate: true,
      Labels: labels,
    });
    return network.id;
  }

  /** Removes a network; one that is already gone is fine. */
  async removeNetwork(idOrName: string): Promise<void> {
    try {
      await this.docker.getNetwork(idOrName).remove();
    } catch (error) {
      if (statusCode(error) !== 404) throw error;
    }
  }

  /** IDs of the networks that carry all the given labels. */
  async findNetworks(labels: Record<string, string | undefined>): Promise<string[]> {
    const networks = await this.docker.listNetworks({ filters: { label: labelFilter(labels) } });
    return networks.map((network) => network.Id);
  }

  async commitContainer(id: string, changes: string[]): Promise<string> {
    const result = (await this.docker.getContainer(id).commit({ changes })) as { Id?: string; id?: string };
    const imageId = result.Id ?? result.id;
    if (!imageId) throw new Error(`docker commit of ${id} returned no image ID`);
    return imageId;
  }

  /** Resolves with the exit code once the container stops; aborting stops waiting. */
  async waitForExit(id: string, signal?: AbortSignal): Promise<number> {
    const result = (await this.docker
      .getContainer(id)
      .wait({ condition: 'not-running', abortSignal: signal })) as {
      StatusCode?: number;
    };
    return result.StatusCode ?? -1;
  }

  /**
   * The address clients use to reach a port this host publishes on `bindAddress`: the Docker
   * host's own name when it is remote, else loopback for a wildcard bind.
   */
  clientAddress(bindAddress: string): string {
    const wildcard = bindAddress === '0.0.0.0' || bindAddress === '::';
    const remote = this.remoteName();
    if (remote && (wildcard || isLoopback(bindAddress))) return remote;
    return wildcard ? '127.0.0.1' : bindAddress;
  }

  /** The host name of a Docker Engine reached over TCP or SSH (DOCKER_HOST), else undefined. */
  remoteName(): string | undefined {
    const remote = /^(?:tcp|https?|ssh):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/.exec(
      process.env.DOCKER_HOST ?? '',
    );
    return remote?.[1];
  }

  /** The container's log (stdout and stderr interleaved), the last `tail` lines. */
  async containerLogs(id: string, tail?: number, only?: 'stdout' | 'stderr'): Promise<string> {
    const buffer = await this.docker.getContainer(id).logs({
      stdout: only !== 'stderr',
      stderr: only !== 'stdout',
      follow: false,
      ...(tail === undefined ? {} : { tail }),
    });
    return demuxBuffer(buffer);
  }

  /** Follows a container's log until it stops or `signal` aborts. */
  async followLogs(id: string, output: NodeJS.WritableStream, signal?: AbortSignal): Promise<void> {
    const stream = (await this.docker.getContainer(id).logs({
      stdout: true,
      stderr: true,
      follow: true,
      abortSignal: signal,
    })) as NodeJS.ReadableStream;
    this.docker.modem.demuxStream(stream, output, output);
    await new Promise<void>((resolve) => {
      stream.on('end', resolve);
      stream.on('error', () => resolve());
      signal?.addEventListener('abort', () => resolve());
    });
  }

  /**
   * Resolves true once the container's log has a line containing `marker`, false when the log
   * ends (the container stopped) or `signal` aborts first.
   */
  async waitForLogLine(id: string, marker: string, signal: AbortSignal): Promise<boolean> {
    const stream = (await this.docker.getContainer(id).logs({
      stdout: true,
      stderr: true,
      follow: true,
      abortSignal: signal,
    })) as NodeJS.ReadableStream;
    const text = new PassThrough();
    this.docker.modem.demuxStream(stream, text, text);
    return new Promise<boolean>((resolve) => {
      let seen = '';
      const finish = (found: boolean) => {
        signal.removeEventListener('abort', aborted);
        (stream as unknown as { destroy?: () => void }).destroy?.();
        resolve(found);
      };
      const aborted = () => finish(false);
      text.on('data', (chunk: Buffer) => {
        seen = (seen + chunk.toString('utf8')).slice(-4096);
        if (seen.includes(marker)) finish(true);
      });
      stream.on('end', () => finish(seen.includes(marker)));
      stream.on('error', () => finish(false));
      signal.addEventListener('abort', aborted, { once: true });
    });
  }

  /** Runs a command inside a running container and waits for it to end. */
  async exec(containerId: string, command: string[], options: ExecOptions = {}): Promise<ExecResult> {
    const exec = await this.docker.getContainer(containerId).exec({
      Cmd: command,
      User: options.user,
      Env: options.env ? Object.entries(options.env).map(([key, value]) => `${key}=${value}`) : undefined,
      AttachStdin: Boolean(options.stdin),
      AttachStdout: true,
      AttachStderr: true,
    });
    const stream = await exec.start({ hijack: true, stdin: Boolean(options.stdin) });
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: Buffer[] = [];
    let errTail = '';
    let partialLine = '';
    stdout.on('data', (chunk: Buffer) => out.push(chunk));
    stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      errTail = (errTail + text).slice(-STDERR_TAIL_BYTES);
      if (!options.onStderrLine) return;
      const lines = (partialLine + text).split('\n');
      partialLine = lines.pop() ?? '';
      for (const line of lines) options.onStderrLine(line);
    });
    this.docker.modem.demuxStream(stream, stdout, stderr);
    const finished = new Promise<void>((resolve, reject) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', reject);
    });
    if (options.stdin) {
      // A failing input (a truncated gzip file) ends the command's input; the caller sees the
      // input's own error, which explains more than what the command makes of a cut-off stream.
      // The input may have failed already, while the exec was being created (a truncated
      // file fails at its first read): then there is nothing to pipe, and no error event to come.
      const input = options.stdin;
      if (input.errored || input.destroyed) stream.end();
      else {
        input.once('error', () => stream.end());
        input.pipe(stream);
      }
    }
    await finished;
    if (partialLine && options.onStderrLine) options.onStderrLine(partialLine);
    const { ExitCode } = await exec.inspect();
    return { exitCode: ExitCode ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: errTail };
  }
}

function isLoopback(address: string): boolean {
  return address === '::1' || address === 'localhost' || address.startsWith('127.');
}

/**
 * The Docker host the environment names (DOCKER_HOST, with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH
 * for TLS, as the docker CLI reads them), with an error a user can act on when its TLS files
 * cannot be read.
 */
export function dockerHostFromEnvironment(description?: string): DockerHost {
  let docker: Docker;
  try {
    docker = new Docker();
  } catch (error) {
    const certPath = process.env.DOCKER_CERT_PATH ?? '';
    throw new DatacloneError(
      `cannot reach ${process.env.DOCKER_HOST ?? 'the Docker Engine'}: the TLS files in DOCKER_CERT_PATH (${certPath}) cannot be read: ${errorText(error)}`,
      'DOCKER_CERT_PATH must hold ca.pem, cert.pem and key.pem: the CA and the client certificate and key the Docker Engine trusts.',
      { cause: error },
    );
  }
  return new DockerHost(docker, description);
}

/** The HTTP status of a Docker API error, if it has one. */
export function statusCode(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const code = (error as { statusCode: unknown }).statusCode;
    return typeof code === 'number' ? code : undefined;
  }
  return undefined;
}

/** The Docker Engine's own message for a failed API call, without dockerode's prefix. */
export function errorText(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'json' in error) {
    const json = (error as { json: unknown }).json;
    if (typeof json === 'object' && json !== null && 'message' in json) return String(json.message);
  }
  return error instanceof Error ? error.message : String(error);
}

export function splitReference(reference: string): { repo: string; tag: string } {
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  if (colon > slash) return { repo: reference.slice(0, colon), tag: reference.slice(colon + 1) };
  return { repo: reference, tag: 'latest' };
}

function parseEnv(entries: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    if (equals > 0) env[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  return env;
}

/** Docker's multiplexed log format: 8-byte frame headers before each chunk. */
function demuxBuffer(buffer: Buffer): string {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const size = buffer.readUInt32BE(offset + 4);
    parts.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}
