import tarStream from 'tar-stream';
import Docker from 'dockerode';
import { PassThrough, Readable, type Duplex } from 'node:stream';
import { DatacloneError } from '../core/errors.js';
import { readHostFacts, type HostFacts } from './host-facts.js';
import {
  configOnlyArchive,
  historyEntries,
  runConfigOf,
  type HistoryLine,
  type ImageConfig,
} from './image-config.js';
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
  /** Paths that get an anonymous volume of their own, labelled: kept across restarts, never committed, removed with the container. */
  volumes?: { path: string; labels: Record<string, string> }[];
  /** `unless-stopped`: the Docker Engine starts the container again after it restarts. */
  restartPolicy?: 'unless-stopped';
  /** Files written into the container after it is created, before anything in it starts. */
  files?: ContainerFile[];
}

/** A file to write into a container; `path` is absolute, parent folders that are missing are made with `directoryMode`. */
export interface ContainerFile {
  path: string;
  content: string;
  mode: number;
  directoryMode?: number;
}

/** Credentials for a registry, sent to Docker in the X-Registry-Auth header, never on a command line. */
export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
}

export interface ProgressEvent {
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
  /** The image's environment (Config.Env): read by inspectImage, not in lists. */
  env?: Record<string, string>;
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
  /** The host ports asked for at create (0: one Docker picks at each start), also while it is stopped. */
  portBindings: Record<number, { hostIp: string; hostPort: number }>;
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
      const image = await this.inspectWithManifests(reference);
      return {
        id: image.Id,
        tags: image.RepoTags ?? [],
        labels: image.Config?.Labels ?? {},
        volumes: Object.keys(image.Config?.Volumes ?? {}),
        env: parseEnv(image.Config?.Env ?? []),
        sizeBytes: unpackedSize(image),
      };
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * `docker image inspect` with `manifests=1`, which dockerode's inspect cannot send (it adds no
   * query to that path): the containerd image store then says each manifest's unpacked size.
   */
  private inspectWithManifests(reference: string): Promise<Docker.ImageInspectInfo> {
    return new Promise((resolve, reject) =>
      this.docker.modem.dial(
        {
          path: `/images/${reference}/json?`,
          method: 'GET',
          options: { manifests: true },
          statusCodes: { 200: true, 404: 'no such image', 500: 'server error' },
        },
        (error: unknown, data: unknown) => (error ? reject(error) : resolve(data as Docker.ImageInspectInfo)),
      ),
    );
  }

  async listImages(labels: Record<string, string | undefined>): Promise<ImageInfo[]> {
    const images = await this.docker.listImages({ filters: { label: labelFilter(labels) }, manifests: true });
    return images.map((image) => ({
      id: image.Id,
      tags: (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'),
      labels: image.Labels ?? {},
      volumes: [],
      sizeBytes: unpackedSize(image),
    }));
  }

  /** Pulls an image, reporting bytes downloaded over all layers. */
  async pullImage(
    reference: string,
    onProgress?: (done: number, total: number) => void,
    auth?: RegistryAuth,
  ): Promise<void> {
    const stream = await this.docker.pull(reference, auth ? { authconfig: auth } : {});
    await this.followLayers(stream, onProgress);
  }

  /**
   * The digest a tag names in its registry now, asked through the Docker Engine (which holds the
   * registry settings: insecure registries, mirrors, its proxy).
   */
  async registryDigest(reference: string, auth?: RegistryAuth): Promise<string> {
    const answer = (await this.docker.getImage(reference).distribution(auth ? { authconfig: auth } : {})) as {
      Descriptor?: { digest?: string };
    };
    const digest = answer.Descriptor?.digest;
    if (!digest) throw new Error(`the registry gave no digest for ${reference}`);
    return digest;
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
    return pushedDigest(await this.followLayers(stream, onProgress));
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
        Mounts: spec.volumes?.map((volume) => ({
          Type: 'volume' as const,
          // No source: an anonymous volume, which `remove({ v: true })` removes with the container.
          Source: '',
          Target: volume.path,
          VolumeOptions: {
            NoCopy: true,
            Labels: volume.labels,
            DriverConfig: { Name: 'local', Options: {} },
          },
        })),
        RestartPolicy: spec.restartPolicy ? { Name: spec.restartPolicy } : undefined,
      },
      NetworkingConfig:
        spec.network && spec.networkAliases?.length
          ? { EndpointsConfig: { [spec.network]: { Aliases: spec.networkAliases } } }
          : undefined,
    });
    if (spec.files?.length) {
      try {
        await this.putFiles(container.id, spec.files);
      } catch (error) {
        await this.removeContainer(container.id);
        throw error;
      }
    }
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
   * Writes files into a container, started or not, in one call (the archive API: no process is
   * started). Parent folders that are missing are made; folders that exist are left as they are.
   */
  async putFiles(id: string, files: ContainerFile[]): Promise<void> {
    const pack = tarStream.pack();
    const folders = new Set<string>();
    for (const file of files) {
      const parts = file.path.replace(/^\/+/, '').split('/');
      if (file.directoryMode !== undefined) {
        const folder = parts.slice(0, -1).join('/');
        if (folder && !folders.has(folder)) {
          folders.add(folder);
          pack.entry({ name: folder, type: 'directory', mode: file.directoryMode });
        }
      }
      pack.entry({ name: parts.join('/'), mode: file.mode }, file.content);
    }
    pack.finalize();
    const chunks: Buffer[] = [];
    for await (const chunk of pack) chunks.push(chunk as Buffer);
    await this.docker.getContainer(id).putArchive(Buffer.concat(chunks), { path: '/' });
  }

  /** A file of a container, running or stopped (the archive API); undefined when there is none. */
  async readFile(id: string, path: string): Promise<string | undefined> {
    let archive: NodeJS.ReadableStream;
    try {
      archive = await this.docker.getContainer(id).getArchive({ path });
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
    const extract = tarStream.extract();
    let content: string | undefined;
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk) => chunks.push(chunk as Buffer));
      stream.on('end', () => {
        if (header.type === 'file' && content === undefined) content = Buffer.concat(chunks).toString('utf8');
        next();
      });
      stream.resume();
    });
    await new Promise<void>((resolve, reject) => {
      extract.on('finish', resolve);
      extract.on('error', reject);
      archive.on('error', reject);
      archive.pipe(extract);
    });
    return content;
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
      const ports = firstBindings(info.NetworkSettings?.Ports);
      const portBindings = firstBindings(info.HostConfig?.PortBindings as PortMap | undefined);
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
        portBindings,
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

  /**
   * Commits a container's files as an image. `config`, when given, is where the image's
   * configuration starts (its labels are stored as given, where a LABEL change would expand
   * `$VARIABLES`); `changes` (Dockerfile instructions) apply on top. Docker still adds the
   * container's own environment and labels, and records the container's configuration.
   */
  async commitContainer(
    id: string,
    changes: string[],
    config?: { Labels?: Record<string, string> },
  ): Promise<string> {
    const result = (await this.docker
      .getContainer(id)
      .commit({ _query: { container: id, changes }, _body: config ?? {} })) as { Id?: string; id?: string };
    const imageId = result.Id ?? result.id;
    if (!imageId) throw new Error(`docker commit of ${id} returned no image ID`);
    return imageId;
  }

  /** An image's configuration, written anew from what `docker inspect` and `docker history` say. */
  async readImageConfig(reference: string): Promise<ImageConfig> {
    const image = this.docker.getImage(reference);
    const [info, lines] = await Promise.all([image.inspect(), image.history() as Promise<HistoryLine[]>]);
    const layers = info.RootFS?.Layers ?? [];
    return {
      architecture: info.Architecture,
      os: info.Os,
      ...((info as { Variant?: string }).Variant ? { variant: (info as { Variant?: string }).Variant } : {}),
      created: info.Created,
      config: runConfigOf(info.Config as unknown as Record<string, unknown>),
      rootfs: { type: 'layers', diff_ids: layers },
      history: historyEntries(lines, layers.length),
    };
  }

  /**
   * Creates an image from a configuration whose layers Docker already has (loads an archive of
   * only the config), so the image holds exactly that configuration; returns its ID.
   */
  async createImageFromConfig(config: ImageConfig): Promise<string> {
    const { archive, imageId } = await configOnlyArchive(config);
    const stream = await this.docker.loadImage(Readable.from([archive]), { quiet: true });
    const events = await new Promise<ProgressEvent[]>((resolve, reject) =>
      this.docker.modem.followProgress(stream, (error: Error | null, result: ProgressEvent[]) =>
        error ? reject(error) : resolve(result ?? []),
      ),
    );
    const failed = events.find((event) => event.error);
    if (failed)
      throw new DatacloneError(
        `${this.description} did not create an image from a new configuration: ${failed.errorDetail?.message ?? failed.error}`,
        'dataclone writes the image configuration itself and loads it with `docker load`, naming layers the engine already has; report this with `docker version` and `docker info`.',
      );
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
      // A carriage return ends a line too: progress that rewrites its line (dd) is a line each time.
      const lines = (partialLine + text).split(/\r\n|\r|\n/);
      partialLine = lines.pop() ?? '';
      for (const line of lines) options.onStderrLine(line);
    });
    this.docker.modem.demuxStream(stream, stdout, stderr);
    try {
      await feedUntilEnd(stream, options.stdin);
    } finally {
      release(stream, options.stdin);
    }
    if (partialLine && options.onStderrLine) options.onStderrLine(partialLine);
    const { ExitCode } = await exec.inspect();
    return { exitCode: ExitCode ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: errTail };
  }

  /**
   * Runs a command inside a running container attached to the given streams, as `docker exec -i`
   * does, or `docker exec -it` with a terminal: the command then gets a TTY of the terminal's
   * size, and the input is put in raw mode for as long as it runs. Resolves with its exit code.
   */
  async execAttached(containerId: string, command: string[], options: AttachedExecOptions): Promise<number> {
    const { terminal, stdin } = options;
    const tty = terminal !== undefined;
    const exec = await this.docker.getContainer(containerId).exec({
      Cmd: command,
      User: options.user,
      Env: options.env ? Object.entries(options.env).map(([key, value]) => `${key}=${value}`) : undefined,
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: tty,
    });
    const stream = await exec.start({ hijack: true, stdin: true, Tty: tty });
    // A TTY's output is one stream, not multiplexed.
    if (tty) stream.pipe(options.stdout, { end: false });
    else this.docker.modem.demuxStream(stream, options.stdout, options.stderr);
    const resize = () => {
      // A pseudo-terminal without a size (0 by 0) is better left at Docker's default.
      if (terminal?.rows && terminal.columns)
        exec.resize({ h: terminal.rows, w: terminal.columns }).catch(() => {});
    };
    if (terminal) {
      stdin.setRawMode?.(true);
      resize();
      terminal.on('resize', resize);
    }
    try {
      await feedUntilEnd(stream, stdin);
    } finally {
      if (terminal) {
        terminal.off('resize', resize);
        stdin.setRawMode?.(false);
      }
      release(stream, stdin);
    }
    const { ExitCode } = await exec.inspect();
    return ExitCode ?? -1;
  }
}

export interface AttachedExecOptions {
  user?: string;
  env?: Record<string, string>;
  stdin: Readable & { setRawMode?: (mode: boolean) => unknown };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** A terminal to give the command a TTY of its size (process.stdout when it is one). */
  terminal?: {
    rows: number;
    columns: number;
    on(event: 'resize', listener: () => void): unknown;
    off(event: 'resize', listener: () => void): unknown;
  };
}

/** Feeds `input` to a started exec's stream; resolves once the command's output has ended. */
function feedUntilEnd(stream: Duplex, input: Readable | undefined): Promise<void> {
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  if (input) {
    // A failing input (a truncated gzip file) ends the command's input; the caller sees the
    // input's own error, which explains more than what the command makes of a cut-off stream.
    // The input may have failed already, while the exec was being created (a truncated
    // file fails at its first read): then there is nothing to pipe, and no error event to come.
    if (input.errored || input.destroyed) stream.end();
    else {
      input.once('error', () => stream.end());
      input.pipe(stream);
    }
  }
  return finished;
}

/**
 * Once the command has ended: input it did not read goes nowhere, and the half-open socket
 * would keep this process alive until Docker gives up on it (two minutes), so both go.
 */
function release(stream: Duplex, input: Readable | undefined): void {
  if (input) {
    input.unpipe(stream);
    input.destroy();
  }
  stream.destroy();
}

type PortMap = Record<string, { HostIp: string; HostPort: string }[] | null>;

function firstBindings(map: PortMap | undefined): ContainerInfo['ports'] {
  const ports: ContainerInfo['ports'] = {};
  for (const [key, bindings] of Object.entries(map ?? {})) {
    const binding = bindings?.[0];
    if (binding)
      ports[Number.parseInt(key, 10)] = { hostIp: binding.HostIp, hostPort: Number(binding.HostPort || 0) };
  }
  return ports;
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
/**
 * The size of an image's files as a container sees them, the same on both image stores. The
 * classic store's `Size` is that; the containerd store's is what it keeps besides, its
 * compressed blobs (inspect) or both together (list), so there the unpacked size of its
 * manifests is read (`manifests=1`, Docker 28's API 1.48 and later; older engines ignore it).
 */
export function unpackedSize(image: { Size: number; Manifests?: unknown }): number {
  // Read as the engine sends it: @types/dockerode has ImageData.Size as { Total, Content }.
  const manifests = Array.isArray(image.Manifests) ? (image.Manifests as ManifestSummary[]) : [];
  const unpacked = manifests
    .filter((manifest) => manifest.Kind === 'image' && manifest.Available !== false)
    .map((manifest) => manifest.ImageData?.Size?.Unpacked)
    .filter((size): size is number => typeof size === 'number');
  return unpacked.length > 0 ? Math.max(...unpacked) : image.Size;
}

interface ManifestSummary {
  Kind?: string;
  Available?: boolean;
  ImageData?: { Size?: { Unpacked?: number } };
}

/**
 * The digest a push stream reports: in an `aux` event (the classic image store), else only in
 * the closing status line `<tag>: digest: sha256:... size: N` (Docker 28's containerd image
 * store sends no `aux`). Empty when neither is there.
 */
export function pushedDigest(events: ProgressEvent[]): string {
  for (const event of events) if (event.aux?.Digest) return event.aux.Digest;
  for (const event of events) {
    const digest = /\bdigest: (sha256:[0-9a-f]{64})\b/.exec(event.status ?? '')?.[1];
    if (digest) return digest;
  }
  return '';
}

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
