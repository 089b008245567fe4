export const id = 1;
export const ids = [1];
export const modules = {

/***/ 1370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dockerHostFromEnvironment: () => (/* binding */ dockerHostFromEnvironment),
  kc: () => (/* binding */ errorText),
  mQ: () => (/* binding */ splitReference)
});

// UNUSED EXPORTS: DockerHost, pushedDigest, statusCode, unpackedSize

// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
// EXTERNAL MODULE: ./node_modules/dockerode/lib/docker.js
var lib_docker = __webpack_require__(39040);
var docker_default = /*#__PURE__*/__webpack_require__.n(lib_docker);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/docker/host-facts.ts
var host_facts = __webpack_require__(55398);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/docker/image-config.ts


const RUN_FIELDS = [
    'User',
    'ExposedPorts',
    'Env',
    'Entrypoint',
    'Cmd',
    'Volumes',
    'WorkingDir',
    'Labels',
    'StopSignal',
    'Healthcheck',
    'Shell',
    'OnBuild',
    'ArgsEscaped',
];
/** Keeps only what an image passes on to its containers: no hostname, no image ID. */
function runConfigOf(config) {
    return Object.fromEntries(RUN_FIELDS.filter((field) => config[field] !== undefined).map((field) => [field, config[field]]));
}
/**
 * The history entries of an image from the API's lines, with `empty_layer` restored: a line
 * with a size made a layer; of the lines without one, those that do not read as instructions
 * that only set metadata made the rest, newest first. When that cannot match the image's layer
 * count, one plain entry per layer, so the history never claims more layers than there are.
 */
function historyEntries(lines, layerCount) {
    const oldestFirst = [...lines].reverse();
    const sized = oldestFirst.filter((line) => line.Size > 0).length;
    let unsized = layerCount - sized;
    const makesLayer = new Array(oldestFirst.length).fill(false);
    for (let index = oldestFirst.length - 1; index >= 0; index--) {
        const line = oldestFirst[index];
        if (line.Size > 0)
            makesLayer[index] = true;
        else if (unsized > 0 && !METADATA_ONLY.test(line.CreatedBy)) {
            makesLayer[index] = true;
            unsized--;
        }
    }
    if (unsized !== 0 || makesLayer.filter(Boolean).length !== layerCount) {
        return Array.from({ length: layerCount }, () => ({ created: new Date(0).toISOString() }));
    }
    return oldestFirst.map((line, index) => ({
        created: new Date(line.Created * 1000).toISOString(),
        ...(line.CreatedBy ? { created_by: line.CreatedBy } : {}),
        ...(line.Comment ? { comment: line.Comment } : {}),
        ...(makesLayer[index] ? {} : { empty_layer: true }),
    }));
}
const METADATA_ONLY = /#\(nop\)|^(ARG|CMD|ENTRYPOINT|ENV|EXPOSE|HEALTHCHECK|LABEL|MAINTAINER|ONBUILD|SHELL|STOPSIGNAL|USER|VOLUME|WORKDIR)\b/;
/**
 * A `docker load` archive that holds only the config and a manifest naming it: Docker finds
 * every layer it lists by its diff ID among the layers it already has, so nothing is copied.
 * Returns the archive and the image ID Docker will give it (the digest of the config).
 */
async function configOnlyArchive(config) {
    const json = Buffer.from(JSON.stringify(config));
    const digest = (0,external_node_crypto_.createHash)('sha256').update(json).digest('hex');
    const manifest = [
        {
            Config: `${digest}.json`,
            RepoTags: null,
            // Layers Docker has are not read: these names only make the manifest complete.
            Layers: config.rootfs.diff_ids.map((id) => `${id.replace(/^sha256:/, '')}/layer.tar`),
        },
    ];
    return {
        archive: await tarArchive([
            { name: `${digest}.json`, content: json },
            { name: 'manifest.json', content: Buffer.from(JSON.stringify(manifest)) },
        ]),
        imageId: `sha256:${digest}`,
    };
}
async function tarArchive(files) {
    const pack = tar_stream.pack();
    for (const file of files)
        pack.entry({ name: file.name, mode: 0o644 }, file.content);
    pack.finalize();
    const chunks = [];
    for await (const chunk of pack)
        chunks.push(chunk);
    return Buffer.concat(chunks);
}

// EXTERNAL MODULE: ./src/docker/labels.ts
var docker_labels = __webpack_require__(20065);
;// CONCATENATED MODULE: ./src/docker/docker-host.ts







const STDERR_TAIL_BYTES = 16 * 1024;
/**
 * The Docker Engine that runs builds and clones. Everything dataclone asks of Docker goes
 * through here, so the rest of the code speaks in images and containers, not in API calls.
 */
class DockerHost {
    docker;
    description;
    constructor(docker = new (docker_default())(), 
    /** How the user would name this host in an error: DOCKER_HOST or the local socket. */
    description = process.env.DOCKER_HOST ??
        'the local Docker Engine (/var/run/docker.sock)') {
        this.docker = docker;
        this.description = description;
    }
    /** What `docker info` says, read once per DockerHost. */
    facts() {
        this.factsRead ??= (0,host_facts/* readHostFacts */.ah)(this.docker);
        return this.factsRead;
    }
    factsRead;
    /** Fails with an actionable error when the Docker Engine does not answer. */
    async ping() {
        try {
            await this.docker.ping();
        }
        catch (error) {
            throw new errors/* DatacloneError */.YF(`cannot reach ${this.description}: ${errorText(error)}`, 'Start Docker (on Debian as root: apt-get install docker.io && dockerd &), or point DOCKER_HOST at a running Docker Engine.', { cause: error });
        }
    }
    async inspectImage(reference) {
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
        }
        catch (error) {
            if (statusCode(error) === 404)
                return undefined;
            throw error;
        }
    }
    /**
     * `docker image inspect` with `manifests=1`, which dockerode's inspect cannot send (it adds no
     * query to that path): the containerd image store then says each manifest's unpacked size.
     */
    inspectWithManifests(reference) {
        return new Promise((resolve, reject) => this.docker.modem.dial({
            path: `/images/${reference}/json?`,
            method: 'GET',
            options: { manifests: true },
            statusCodes: { 200: true, 404: 'no such image', 500: 'server error' },
        }, (error, data) => (error ? reject(error) : resolve(data))));
    }
    async listImages(labels) {
        const images = await this.docker.listImages({ filters: { label: (0,docker_labels/* labelFilter */.HY)(labels) }, manifests: true });
        return images.map((image) => ({
            id: image.Id,
            tags: (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'),
            labels: image.Labels ?? {},
            volumes: [],
            sizeBytes: unpackedSize(image),
        }));
    }
    /** Pulls an image, reporting bytes downloaded over all layers. */
    async pullImage(reference, onProgress, auth) {
        const stream = await this.docker.pull(reference, auth ? { authconfig: auth } : {});
        await this.followLayers(stream, onProgress);
    }
    /**
     * The digest a tag names in its registry now, asked through the Docker Engine (which holds the
     * registry settings: insecure registries, mirrors, its proxy).
     */
    async registryDigest(reference, auth) {
        const answer = (await this.docker.getImage(reference).distribution(auth ? { authconfig: auth } : {}));
        const digest = answer.Descriptor?.digest;
        if (!digest)
            throw new Error(`the registry gave no digest for ${reference}`);
        return digest;
    }
    /** Pushes an image to its registry; returns the digest the registry gave it. */
    async pushImage(reference, onProgress, auth) {
        const stream = (await this.docker
            .getImage(reference)
            // The Engine wants the X-Registry-Auth header even without a login: an empty one then.
            .push({ authconfig: auth ?? {} }));
        return pushedDigest(await this.followLayers(stream, onProgress));
    }
    /** Follows a pull or push stream; an error event (the API answers 200 first) rejects. */
    followLayers(stream, onProgress) {
        const layers = new Map();
        return new Promise((resolve, reject) => {
            this.docker.modem.followProgress(stream, (error, events) => {
                const failed = events?.find((event) => event.error);
                if (error)
                    reject(error);
                else if (failed)
                    reject(new Error(failed.errorDetail?.message ?? failed.error));
                else
                    resolve(events ?? []);
            }, (event) => {
                if (!event.id || !event.progressDetail?.total)
                    return;
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
            });
        });
    }
    async tagImage(imageId, reference) {
        const { repo, tag } = splitReference(reference);
        await this.docker.getImage(imageId).tag({ repo, tag });
    }
    async removeImage(reference) {
        try {
            await this.docker.getImage(reference).remove({ force: false, noprune: false });
        }
        catch (error) {
            if (statusCode(error) !== 404)
                throw error;
        }
    }
    async createContainer(spec) {
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
                PortBindings: port && spec.publish
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
                    Type: 'volume',
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
            NetworkingConfig: spec.network && spec.networkAliases?.length
                ? { EndpointsConfig: { [spec.network]: { Aliases: spec.networkAliases } } }
                : undefined,
        });
        if (spec.files?.length) {
            try {
                await this.putFiles(container.id, spec.files);
            }
            catch (error) {
                await this.removeContainer(container.id);
                throw error;
            }
        }
        return container.id;
    }
    async startContainer(id) {
        await this.docker.getContainer(id).start();
    }
    /** Removes a container and its anonymous volumes; a container that is already gone is fine. */
    async removeContainer(id) {
        try {
            await this.docker.getContainer(id).remove({ force: true, v: true });
        }
        catch (error) {
            const code = statusCode(error);
            // 404: already gone. 409: removal already in progress (another process got there first).
            if (code !== 404 && code !== 409)
                throw error;
        }
    }
    /** Stops a container at once (SIGKILL), which also frees its published ports. */
    async killContainer(id) {
        try {
            await this.docker.getContainer(id).kill();
        }
        catch (error) {
            const code = statusCode(error);
            // 404: gone; 409: not running. Either way it holds no port any more.
            if (code !== 404 && code !== 409)
                throw error;
        }
    }
    /** Writes one small file into a container (through the archive API: no process is started). */
    async putFile(id, directory, name, content) {
        const pack = tar_stream.pack();
        pack.entry({ name, mode: 0o644 }, content);
        pack.finalize();
        const chunks = [];
        for await (const chunk of pack)
            chunks.push(chunk);
        await this.docker.getContainer(id).putArchive(Buffer.concat(chunks), { path: directory });
    }
    /**
     * Writes files into a container, started or not, in one call (the archive API: no process is
     * started). Parent folders that are missing are made; folders that exist are left as they are.
     */
    async putFiles(id, files) {
        const pack = tar_stream.pack();
        const folders = new Set();
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
        const chunks = [];
        for await (const chunk of pack)
            chunks.push(chunk);
        await this.docker.getContainer(id).putArchive(Buffer.concat(chunks), { path: '/' });
    }
    /** A file of a container, running or stopped (the archive API); undefined when there is none. */
    async readFile(id, path) {
        let archive;
        try {
            archive = await this.docker.getContainer(id).getArchive({ path });
        }
        catch (error) {
            if (statusCode(error) === 404)
                return undefined;
            throw error;
        }
        const extract = tar_stream.extract();
        let content;
        extract.on('entry', (header, stream, next) => {
            const chunks = [];
            stream.on('data', (chunk) => chunks.push(chunk));
            stream.on('end', () => {
                if (header.type === 'file' && content === undefined)
                    content = Buffer.concat(chunks).toString('utf8');
                next();
            });
            stream.resume();
        });
        await new Promise((resolve, reject) => {
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
    async putArchive(id, directory, archive) {
        await this.docker.getContainer(id).putArchive(archive, { path: directory });
    }
    /** Sends a signal to a container's main process (e.g. SIGUSR1). */
    async signalContainer(id, signal) {
        await this.docker.getContainer(id).kill({ signal });
    }
    async renameContainer(id, name) {
        await this.docker.getContainer(id).rename({ name });
    }
    async inspectContainer(idOrName) {
        try {
            const info = await this.docker.getContainer(idOrName).inspect();
            const ports = firstBindings(info.NetworkSettings?.Ports);
            const portBindings = firstBindings(info.HostConfig?.PortBindings);
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
        }
        catch (error) {
            if (statusCode(error) === 404)
                return undefined;
            throw error;
        }
    }
    /** IDs of the containers (running or not) that carry all the given labels. */
    async findContainers(labels) {
        const containers = await this.docker.listContainers({
            all: true,
            filters: { label: (0,docker_labels/* labelFilter */.HY)(labels) },
        });
        return containers.map((container) => container.Id);
    }
    /** Creates a private bridge network carrying `labels`; returns its ID. */
    async createNetwork(name, labels) {
        const network = await this.docker.createNetwork({
            Name: name,
            Driver: 'bridge',
            CheckDuplicate: true,
            Labels: labels,
        });
        return network.id;
    }
    /** Removes a network; one that is already gone is fine. */
    async removeNetwork(idOrName) {
        try {
            await this.docker.getNetwork(idOrName).remove();
        }
        catch (error) {
            if (statusCode(error) !== 404)
                throw error;
        }
    }
    /** IDs of the networks that carry all the given labels. */
    async findNetworks(labels) {
        const networks = await this.docker.listNetworks({ filters: { label: (0,docker_labels/* labelFilter */.HY)(labels) } });
        return networks.map((network) => network.Id);
    }
    /**
     * Commits a container's files as an image. `config`, when given, is where the image's
     * configuration starts (its labels are stored as given, where a LABEL change would expand
     * `$VARIABLES`); `changes` (Dockerfile instructions) apply on top. Docker still adds the
     * container's own environment and labels, and records the container's configuration.
     */
    async commitContainer(id, changes, config) {
        const result = (await this.docker
            .getContainer(id)
            .commit({ _query: { container: id, changes }, _body: config ?? {} }));
        const imageId = result.Id ?? result.id;
        if (!imageId)
            throw new Error(`docker commit of ${id} returned no image ID`);
        return imageId;
    }
    /** An image's configuration, written anew from what `docker inspect` and `docker history` say. */
    async readImageConfig(reference) {
        const image = this.docker.getImage(reference);
        const [info, lines] = await Promise.all([image.inspect(), image.history()]);
        const layers = info.RootFS?.Layers ?? [];
        return {
            architecture: info.Architecture,
            os: info.Os,
            ...(info.Variant ? { variant: info.Variant } : {}),
            created: info.Created,
            config: runConfigOf(info.Config),
            rootfs: { type: 'layers', diff_ids: layers },
            history: historyEntries(lines, layers.length),
        };
    }
    /**
     * Creates an image from a configuration whose layers Docker already has (loads an archive of
     * only the config), so the image holds exactly that configuration; returns its ID.
     */
    async createImageFromConfig(config) {
        const { archive, imageId } = await configOnlyArchive(config);
        const stream = await this.docker.loadImage(external_node_stream_.Readable.from([archive]), { quiet: true });
        const events = await new Promise((resolve, reject) => this.docker.modem.followProgress(stream, (error, result) => error ? reject(error) : resolve(result ?? [])));
        const failed = events.find((event) => event.error);
        if (failed)
            throw new errors/* DatacloneError */.YF(`${this.description} did not create an image from a new configuration: ${failed.errorDetail?.message ?? failed.error}`, 'dataclone writes the image configuration itself and loads it with `docker load`, naming layers the engine already has; report this with `docker version` and `docker info`.');
        return imageId;
    }
    /** Resolves with the exit code once the container stops; aborting stops waiting. */
    async waitForExit(id, signal) {
        const result = (await this.docker
            .getContainer(id)
            .wait({ condition: 'not-running', abortSignal: signal }));
        return result.StatusCode ?? -1;
    }
    /**
     * The address clients use to reach a port this host publishes on `bindAddress`: the Docker
     * host's own name when it is remote, else loopback for a wildcard bind.
     */
    clientAddress(bindAddress) {
        const wildcard = bindAddress === '0.0.0.0' || bindAddress === '::';
        const remote = this.remoteName();
        if (remote && (wildcard || isLoopback(bindAddress)))
            return remote;
        return wildcard ? '127.0.0.1' : bindAddress;
    }
    /** The host name of a Docker Engine reached over TCP or SSH (DOCKER_HOST), else undefined. */
    remoteName() {
        const remote = /^(?:tcp|https?|ssh):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/.exec(process.env.DOCKER_HOST ?? '');
        return remote?.[1];
    }
    /** The container's log (stdout and stderr interleaved), the last `tail` lines. */
    async containerLogs(id, tail, only) {
        const buffer = await this.docker.getContainer(id).logs({
            stdout: only !== 'stderr',
            stderr: only !== 'stdout',
            follow: false,
            ...(tail === undefined ? {} : { tail }),
        });
        return demuxBuffer(buffer);
    }
    /** Follows a container's log until it stops or `signal` aborts. */
    async followLogs(id, output, signal) {
        const stream = (await this.docker.getContainer(id).logs({
            stdout: true,
            stderr: true,
            follow: true,
            abortSignal: signal,
        }));
        this.docker.modem.demuxStream(stream, output, output);
        await new Promise((resolve) => {
            stream.on('end', resolve);
            stream.on('error', () => resolve());
            signal?.addEventListener('abort', () => resolve());
        });
    }
    /**
     * Resolves true once the container's log has a line containing `marker`, false when the log
     * ends (the container stopped) or `signal` aborts first.
     */
    async waitForLogLine(id, marker, signal) {
        const stream = (await this.docker.getContainer(id).logs({
            stdout: true,
            stderr: true,
            follow: true,
            abortSignal: signal,
        }));
        const text = new external_node_stream_.PassThrough();
        this.docker.modem.demuxStream(stream, text, text);
        return new Promise((resolve) => {
            let seen = '';
            const finish = (found) => {
                signal.removeEventListener('abort', aborted);
                stream.destroy?.();
                resolve(found);
            };
            const aborted = () => finish(false);
            text.on('data', (chunk) => {
                seen = (seen + chunk.toString('utf8')).slice(-4096);
                if (seen.includes(marker))
                    finish(true);
            });
            stream.on('end', () => finish(seen.includes(marker)));
            stream.on('error', () => finish(false));
            signal.addEventListener('abort', aborted, { once: true });
        });
    }
    /** Runs a command inside a running container and waits for it to end. */
    async exec(containerId, command, options = {}) {
        const exec = await this.docker.getContainer(containerId).exec({
            Cmd: command,
            User: options.user,
            Env: options.env ? Object.entries(options.env).map(([key, value]) => `${key}=${value}`) : undefined,
            AttachStdin: Boolean(options.stdin),
            AttachStdout: true,
            AttachStderr: true,
        });
        const stream = await exec.start({ hijack: true, stdin: Boolean(options.stdin) });
        const stdout = new external_node_stream_.PassThrough();
        const stderr = new external_node_stream_.PassThrough();
        const out = [];
        let errTail = '';
        let partialLine = '';
        stdout.on('data', (chunk) => out.push(chunk));
        stderr.on('data', (chunk) => {
            const text = chunk.toString('utf8');
            errTail = (errTail + text).slice(-STDERR_TAIL_BYTES);
            if (!options.onStderrLine)
                return;
            // A carriage return ends a line too: progress that rewrites its line (dd) is a line each time.
            const lines = (partialLine + text).split(/\r\n|\r|\n/);
            partialLine = lines.pop() ?? '';
            for (const line of lines)
                options.onStderrLine(line);
        });
        this.docker.modem.demuxStream(stream, stdout, stderr);
        try {
            await feedUntilEnd(stream, options.stdin);
        }
        finally {
            release(stream, options.stdin);
        }
        if (partialLine && options.onStderrLine)
            options.onStderrLine(partialLine);
        const { ExitCode } = await exec.inspect();
        return { exitCode: ExitCode ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: errTail };
    }
    /**
     * Runs a command inside a running container attached to the given streams, as `docker exec -i`
     * does, or `docker exec -it` with a terminal: the command then gets a TTY of the terminal's
     * size, and the input is put in raw mode for as long as it runs. Resolves with its exit code.
     */
    async execAttached(containerId, command, options) {
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
        if (tty)
            stream.pipe(options.stdout, { end: false });
        else
            this.docker.modem.demuxStream(stream, options.stdout, options.stderr);
        const resize = () => {
            // A pseudo-terminal without a size (0 by 0) is better left at Docker's default.
            if (terminal?.rows && terminal.columns)
                exec.resize({ h: terminal.rows, w: terminal.columns }).catch(() => { });
        };
        if (terminal) {
            stdin.setRawMode?.(true);
            resize();
            terminal.on('resize', resize);
        }
        try {
            await feedUntilEnd(stream, stdin);
        }
        finally {
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
/** Feeds `input` to a started exec's stream; resolves once the command's output has ended. */
function feedUntilEnd(stream, input) {
    const finished = new Promise((resolve, reject) => {
        stream.on('end', resolve);
        stream.on('close', resolve);
        stream.on('error', reject);
    });
    if (input) {
        // A failing input (a truncated gzip file) ends the command's input; the caller sees the
        // input's own error, which explains more than what the command makes of a cut-off stream.
        // The input may have failed already, while the exec was being created (a truncated
        // file fails at its first read): then there is nothing to pipe, and no error event to come.
        if (input.errored || input.destroyed)
            stream.end();
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
function release(stream, input) {
    if (input) {
        input.unpipe(stream);
        input.destroy();
    }
    stream.destroy();
}
function firstBindings(map) {
    const ports = {};
    for (const [key, bindings] of Object.entries(map ?? {})) {
        const binding = bindings?.[0];
        if (binding)
            ports[Number.parseInt(key, 10)] = { hostIp: binding.HostIp, hostPort: Number(binding.HostPort || 0) };
    }
    return ports;
}
function isLoopback(address) {
    return address === '::1' || address === 'localhost' || address.startsWith('127.');
}
/**
 * The Docker host the environment names (DOCKER_HOST, with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH
 * for TLS, as the docker CLI reads them), with an error a user can act on when its TLS files
 * cannot be read.
 */
function dockerHostFromEnvironment(description) {
    let docker;
    try {
        docker = new (docker_default())();
    }
    catch (error) {
        const certPath = process.env.DOCKER_CERT_PATH ?? '';
        throw new errors/* DatacloneError */.YF(`cannot reach ${process.env.DOCKER_HOST ?? 'the Docker Engine'}: the TLS files in DOCKER_CERT_PATH (${certPath}) cannot be read: ${errorText(error)}`, 'DOCKER_CERT_PATH must hold ca.pem, cert.pem and key.pem: the CA and the client certificate and key the Docker Engine trusts.', { cause: error });
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
function unpackedSize(image) {
    // Read as the engine sends it: @types/dockerode has ImageData.Size as { Total, Content }.
    const manifests = Array.isArray(image.Manifests) ? image.Manifests : [];
    const unpacked = manifests
        .filter((manifest) => manifest.Kind === 'image' && manifest.Available !== false)
        .map((manifest) => manifest.ImageData?.Size?.Unpacked)
        .filter((size) => typeof size === 'number');
    return unpacked.length > 0 ? Math.max(...unpacked) : image.Size;
}
/**
 * The digest a push stream reports: in an `aux` event (the classic image store), else only in
 * the closing status line `<tag>: digest: sha256:... size: N` (Docker 28's containerd image
 * store sends no `aux`). Empty when neither is there.
 */
function pushedDigest(events) {
    for (const event of events)
        if (event.aux?.Digest)
            return event.aux.Digest;
    for (const event of events) {
        const digest = /\bdigest: (sha256:[0-9a-f]{64})\b/.exec(event.status ?? '')?.[1];
        if (digest)
            return digest;
    }
    return '';
}
function statusCode(error) {
    if (typeof error === 'object' && error !== null && 'statusCode' in error) {
        const code = error.statusCode;
        return typeof code === 'number' ? code : undefined;
    }
    return undefined;
}
/** The Docker Engine's own message for a failed API call, without dockerode's prefix. */
function errorText(error) {
    if (typeof error === 'object' && error !== null && 'json' in error) {
        const json = error.json;
        if (typeof json === 'object' && json !== null && 'message' in json)
            return String(json.message);
    }
    return error instanceof Error ? error.message : String(error);
}
function splitReference(reference) {
    const slash = reference.lastIndexOf('/');
    const colon = reference.lastIndexOf(':');
    if (colon > slash)
        return { repo: reference.slice(0, colon), tag: reference.slice(colon + 1) };
    return { repo: reference, tag: 'latest' };
}
function parseEnv(entries) {
    const env = {};
    for (const entry of entries) {
        const equals = entry.indexOf('=');
        if (equals > 0)
            env[entry.slice(0, equals)] = entry.slice(equals + 1);
    }
    return env;
}
/** Docker's multiplexed log format: 8-byte frame headers before each chunk. */
function demuxBuffer(buffer) {
    const parts = [];
    let offset = 0;
    while (offset + 8 <= buffer.length) {
        const size = buffer.readUInt32BE(offset + 4);
        parts.push(buffer.subarray(offset + 8, offset + 8 + size));
        offset += 8 + size;
    }
    return Buffer.concat(parts).toString('utf8');
}


/***/ }),

/***/ 55398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ah: () => (/* binding */ readHostFacts),
/* harmony export */   v7: () => (/* binding */ dockerRunsHere)
/* harmony export */ });
/* unused harmony export parseHostFacts */
/** Reads `docker info` once. */
async function readHostFacts(docker) {
    return parseHostFacts(await docker.info());
}
/** The facts in a `docker info` answer; fields the engine leaves out read as empty. */
function parseHostFacts(info) {
    const fields = isRecord(info) ? info : {};
    const backingFilesystem = driverStatus(fields.DriverStatus, 'Backing Filesystem');
    const containerdImageStore = driverStatus(fields.DriverStatus, 'driver-type')?.startsWith('io.containerd.snapshotter');
    return {
        serverVersion: text(fields.ServerVersion),
        operatingSystem: text(fields.OperatingSystem),
        osType: text(fields.OSType),
        architecture: text(fields.Architecture),
        cpus: count(fields.NCPU),
        memoryBytes: count(fields.MemTotal),
        storageDriver: text(fields.Driver),
        ...(backingFilesystem ? { backingFilesystem } : {}),
        rootDir: text(fields.DockerRootDir),
        ...(containerdImageStore ? { containerdImageStore: true } : {}),
        rootless: Array.isArray(fields.SecurityOptions) &&
            fields.SecurityOptions.some((option) => typeof option === 'string' && option.includes('name=rootless')),
    };
}
/**
 * Whether the engine's files are on this machine's filesystems, so that its root dir can be
 * looked at here: a local socket, and not an engine inside a VM (Docker Desktop, or any engine
 * reached from macOS or Windows).
 */
function dockerRunsHere(facts, dockerHost, platform) {
    const socket = !dockerHost || dockerHost.startsWith('unix://');
    return socket && platform === 'linux' && !/docker desktop/i.test(facts.operatingSystem);
}
function driverStatus(status, key) {
    if (!Array.isArray(status))
        return undefined;
    for (const pair of status) {
        if (Array.isArray(pair) && pair[0] === key && typeof pair[1] === 'string')
            return pair[1];
    }
    return undefined;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null;
}
function text(value) {
    return typeof value === 'string' ? value : '';
}
function count(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}


/***/ }),

/***/ 20065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aq: () => (/* binding */ cloneContainerLabels),
/* harmony export */   HY: () => (/* binding */ labelFilter),
/* harmony export */   Sq: () => (/* binding */ cloneLabelsOf),
/* harmony export */   gC: () => (/* binding */ Labels),
/* harmony export */   y2: () => (/* binding */ CLONE_LABELS)
/* harmony export */ });
/**
 * Every label dataclone writes, named once. Containers and images carry them so that any later
 * process (a CI post step, `dataclone gc`, a test's cleanup) can find what dataclone made.
 */
const Labels = {
    /** Who a clone or build container belongs to: a CI job, a user, a test run. */
    owner: 'dataclone.owner',
    clone: 'dataclone.clone',
    /** The image reference a clone was created from, as the user gave it. */
    image: 'dataclone.image',
    /** The image ID a clone was created from: reset returns to exactly this. */
    imageId: 'dataclone.image.id',
    created: 'dataclone.created',
    expires: 'dataclone.expires',
    engine: 'dataclone.engine',
    engineVersion: 'dataclone.engine.version',
    /** On data images: the definition's name, digest, databases and build time. */
    definitionName: 'dataclone.definition.name',
    definitionDigest: 'dataclone.definition.digest',
    databases: 'dataclone.databases',
    primaryDatabase: 'dataclone.databases.primary',
    superuser: 'dataclone.superuser',
    port: 'dataclone.port',
    /** On data images: `true` when its databases connect to the server itself (postgres_fdw,
     * dblink, FEDERATED), so its clones need a network of their own; `false` when they do not. */
    connectsToItself: 'dataclone.connects-to-itself',
    built: 'dataclone.built',
    /** On data images built with mask rules: `true`, the rules' digest, and whether a secret keyed them. */
    masked: 'dataclone.masked',
    maskDigest: 'dataclone.mask.digest',
    maskDeterministic: 'dataclone.mask.deterministic',
    /** On images made by `clone save`: the clone and the image it came from. */
    savedFrom: 'dataclone.saved-from',
    /** On clones: where the port was published, so reset publishes it there again. */
    bindAddress: 'dataclone.bind-address',
    hostPort: 'dataclone.host-port',
    /** On clones: `host` when the server listens on the host's network itself, else `bridge`. */
    networking: 'dataclone.networking',
    /** On clones of an environment, and on its network: which environment and instance. */
    environment: 'dataclone.environment',
    instance: 'dataclone.instance',
    /** The instance's position in the environment file: the first is the primary. */
    instanceIndex: 'dataclone.instance.index',
    /** The network an environment's clones share; reset reattaches the clone to it. */
    network: 'dataclone.network',
    /** On a clone with a warm standby: its proxy container carries `standby`; its two servers
     * carry `standbyOf` (the clone's name) and `slot` (a or b). */
    standby: 'dataclone.standby',
    standbyOf: 'dataclone.standby-of',
    slot: 'dataclone.slot',
};
/** Labels that filter the Docker API's lists: `key` or `key=value`. */
function labelFilter(labels) {
    return Object.entries(labels).map(([key, value]) => (value === undefined ? key : `${key}=${value}`));
}
/**
 * Labels that describe one clone (or one of its containers), never an image. Docker copies an
 * image's labels onto every container made from it, so a clone's container sets each of these
 * itself (see `cloneContainerLabels`), an image that carries one has it ignored with a warning,
 * and `clone save` leaves them out of the image it writes.
 */
const CLONE_LABELS = [
    Labels.clone,
    Labels.owner,
    Labels.image,
    Labels.imageId,
    Labels.created,
    Labels.expires,
    Labels.bindAddress,
    Labels.hostPort,
    Labels.networking,
    Labels.environment,
    Labels.instance,
    Labels.instanceIndex,
    Labels.network,
    Labels.standby,
    Labels.standbyOf,
    Labels.slot,
];
/**
 * A clone container's labels: every clone label set, to `""` where the clone has no such
 * setting, so that no label of the image stands in for one that dataclone did not record.
 */
function cloneContainerLabels(labels) {
    return { ...Object.fromEntries(CLONE_LABELS.map((key) => [key, ''])), ...labels };
}
/** The clone labels an image carries with a value: they are ignored, and the user is told. */
function cloneLabelsOf(imageLabels) {
    return CLONE_LABELS.filter((key) => (imageLabels[key] ?? '') !== '');
}


/***/ }),

/***/ 61726:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


// docker-modem loads ssh2 (with its native crypto addons) as soon as dockerode loads, though only
// an ssh:// Docker host uses it. scripts/build.mjs gives the bundles this stand-in for 'ssh2':
// its Client loads the real one when an ssh connection is made, and not before.
class Client {
  constructor(...args) {
    const RealClient = __webpack_require__(66297);
    return new RealClient(...args);
  }
}
module.exports = { Client };


/***/ }),

/***/ 15481:
/***/ ((module) => {


// dockerode loads @grpc/grpc-js, @grpc/proto-loader and protobufjs for BuildKit only (buildImage
// with version 2, followProgress of a BuildKit build), which dataclone never uses. tsconfig.json's
// `paths` give the bundles this stand-in instead: none of that code, its protos or its load time
// ship. Anything that reaches for it fails saying so.
module.exports = new Proxy(
  {},
  {
    get(_target, name) {
      if (typeof name !== 'string' || name === '__esModule' || name === 'default') return undefined;
      return () => {
        throw new Error(`dataclone's bundles leave out BuildKit's gRPC and protobuf code (${name})`);
      };
    },
  },
);


/***/ })

};
