export const id = 838;
export const ids = [838];
export const modules = {

/***/ 31838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cloneConnect: () => (/* binding */ cloneConnect),
  cloneCreate: () => (/* binding */ cloneCreate),
  cloneJson: () => (/* binding */ cloneJson),
  cloneList: () => (/* binding */ cloneList),
  cloneLogs: () => (/* binding */ cloneLogs),
  cloneRemove: () => (/* binding */ cloneRemove),
  cloneReset: () => (/* binding */ cloneReset),
  cloneSave: () => (/* binding */ cloneSave),
  cloneShow: () => (/* binding */ cloneShow),
  cloneStart: () => (/* binding */ cloneStart),
  networkingOption: () => (/* binding */ networkingOption)
});

// EXTERNAL MODULE: ./src/clones/clone-networking.ts
var clone_networking = __webpack_require__(93102);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/engines/index.ts
var engines = __webpack_require__(56599);
// EXTERNAL MODULE: ./src/clones/read-clone.ts
var read_clone = __webpack_require__(74280);
// EXTERNAL MODULE: ./src/clones/standby/standby-servers.ts
var standby_servers = __webpack_require__(50644);
;// CONCATENATED MODULE: ./src/clones/connect-clone.ts




/**
 * Opens the engine's own client inside a clone's container, logged in over the server's socket:
 * nothing to install on this machine and no password on any command line. For a clone with a
 * warm standby, in the server that the clone's port leads to. Resolves with the client's exit code.
 */
async function connectClone(options) {
    const { host, name } = options;
    const clone = await (0,read_clone/* requireClone */.rx)(host, name);
    if (clone.status !== 'running') {
        throw new errors/* DatacloneError */.YF(`clone ${name} is not running (${clone.status}), so there is no server to connect to`, `Its log says why: dataclone clone logs ${name}.`);
    }
    const engine = (0,engines/* engineFor */.E)(clone.engine);
    const server = clone.standby ? (await (0,standby_servers/* findStandbyServers */.lI)(host, name)).active.id : clone.containerId;
    return host.execAttached(server, engine.clientCommand(options.database ?? clone.connection.primaryDatabase, options.args), {
        user: engine.serverUser,
        stdin: options.stdin,
        stdout: options.stdout,
        stderr: options.stderr,
        terminal: options.terminal,
    });
}

// EXTERNAL MODULE: ./src/clones/create-clone.ts
var create_clone = __webpack_require__(73720);
// EXTERNAL MODULE: ./src/clones/remove-clone.ts
var remove_clone = __webpack_require__(51576);
// EXTERNAL MODULE: ./src/docker/labels.ts
var docker_labels = __webpack_require__(20065);
// EXTERNAL MODULE: ./src/images/image-reference.ts
var image_reference = __webpack_require__(82991);
;// CONCATENATED MODULE: ./src/clones/save-clone.ts






/**
 * Commits a clone's current state as a new data image revision (stash: set work aside, start a
 * clone from it later). The server is stopped cleanly for the commit, so the image holds a
 * consistent instance, and keeps running with the same port and password. The image has the
 * configuration of the data image the clone came from (its labels: engine, databases) and
 * nothing of the clone: no clone label, no environment variable of the clone, no password.
 */
async function saveClone(options) {
    const started = performance.now();
    const { host, name } = options;
    (0,image_reference/* validateImageReference */.X)(options.tag, '--tag');
    const clone = await (0,read_clone/* requireClone */.rx)(host, name);
    const engine = (0,engines/* engineFor */.E)(clone.engine);
    const server = clone.standby ? (await (0,standby_servers/* findStandbyServers */.lI)(host, name)).active.id : clone.containerId;
    // The server keeps running: it writes what it holds in memory to its files, and the commit
    // pauses the container while it copies them, so the image is a consistent snapshot that a
    // clone starts from after a short recovery. Port, password and sessions are untouched.
    const checkpoint = await host.exec(server, engine.checkpointCommand(), { user: engine.serverUser });
    if (checkpoint.exitCode !== 0) {
        throw new errors/* DatacloneError */.YF(`clone ${name}: the server could not write its state to disk before the save: ${checkpoint.stderr.trim()}`, `Check the clone's log: dataclone clone logs ${name}.`);
    }
    const imageId = (await host.facts()).containerdImageStore
        ? await commitWithoutTheClone(host, server, clone)
        : await commitUnderNewConfig(host, server, clone);
    await host.tagImage(imageId, options.tag);
    const durationMs = Math.round(performance.now() - started);
    options.reporter.info(`Saved clone ${name} as ${options.tag} (${imageId.slice(7, 19)}, ${durationMs} ms)`);
    return { imageId, tag: options.tag, durationMs };
}
/**
 * A commit records the committed container's whole configuration (its environment with the
 * password, in `container_config`) and keeps its labels, so the commit is only a step: the saved
 * image is its layers under a configuration written here.
 */
async function commitUnderNewConfig(host, server, clone) {
    const committed = await host.commitContainer(server, []);
    try {
        const [data, layers] = await Promise.all([
            host.readImageConfig(clone.imageId),
            host.readImageConfig(committed).then((config) => config.rootfs.diff_ids),
        ]);
        return await host.createImageFromConfig(savedImageConfig(data, layers, clone));
    }
    finally {
        await host.removeImage(committed);
    }
}
/**
 * Docker's containerd image store records no container configuration with a commit, but loads
 * no configuration without its layers' blobs: there the commit itself empties every variable
 * and clone label of the container (Docker keeps their keys; no value of the clone remains).
 */
async function commitWithoutTheClone(host, server, clone) {
    const container = await host.inspectContainer(server);
    const variables = Object.keys(container?.env ?? {}).filter((key) => key.startsWith('DATACLONE_'));
    const labels = docker_labels/* CLONE_LABELS */.y2.filter((key) => container?.labels[key] !== undefined);
    const created = new Date().toISOString();
    return host.commitContainer(server, variables.map((key) => `ENV ${key}=`), {
        Labels: {
            ...Object.fromEntries(labels.map((key) => [key, ''])),
            [docker_labels/* Labels */.gC.built]: created,
            [docker_labels/* Labels */.gC.savedFrom]: `${clone.name} (${clone.image})`,
        },
    });
}
/**
 * The saved image's configuration: the data image's, with its layers and the clone's on top,
 * and only image labels. Environment variables of dataclone's clones (DATACLONE_*) and clone
 * labels are dropped even where the data image had them (an image saved by an older dataclone).
 */
function savedImageConfig(data, layers, clone) {
    const created = new Date().toISOString();
    const labels = Object.fromEntries(Object.entries(data.config.Labels ?? {}).filter(([key]) => !docker_labels/* CLONE_LABELS */.y2.includes(key)));
    if (!data.rootfs.diff_ids.every((layer, index) => layers[index] === layer))
        throw new errors/* DatacloneError */.YF(`clone ${clone.name}: its committed layers do not start with its image's`);
    const added = layers.slice(data.rootfs.diff_ids.length);
    return {
        ...data,
        created,
        config: {
            ...data.config,
            Env: (data.config.Env ?? []).filter((variable) => !variable.startsWith('DATACLONE_')),
            Labels: { ...labels, [docker_labels/* Labels */.gC.built]: created, [docker_labels/* Labels */.gC.savedFrom]: `${clone.name} (${clone.image})` },
        },
        rootfs: { type: 'layers', diff_ids: layers },
        history: [
            ...data.history,
            ...added.map(() => ({ created, created_by: `dataclone clone save ${clone.name}` })),
        ],
    };
}

// EXTERNAL MODULE: ./src/clones/reset-clone.ts + 1 modules
var reset_clone = __webpack_require__(31246);
// EXTERNAL MODULE: ./src/clones/start-stopped-clone.ts
var start_stopped_clone = __webpack_require__(65578);
// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
// EXTERNAL MODULE: ./src/cli/ci-masking.ts
var ci_masking = __webpack_require__(79689);
// EXTERNAL MODULE: ./src/cli/table.ts
var table = __webpack_require__(82170);
// EXTERNAL MODULE: ./src/cli/usage-error.ts
var usage_error = __webpack_require__(14226);
;// CONCATENATED MODULE: ./src/cli/commands/clone-commands.ts













const cloneCreate = {
    words: ['clone', 'create'],
    summary: 'Start a private, writable clone of a data image',
    usage: 'dataclone clone create --image <image> [--name <name>] [--port <port>] [--bind-address <ip>] [--owner <id>] [--lifetime <8h>] [--standby] [--networking bridge|host|auto] [--json]',
    options: {
        image: { type: 'string', short: 'i' },
        name: { type: 'string', short: 'n' },
        port: { type: 'string', short: 'p' },
        'bind-address': { type: 'string' },
        owner: { type: 'string' },
        lifetime: { type: 'string' },
        standby: { type: 'boolean' },
        networking: { type: 'string' },
    },
    async run(input, context) {
        const image = (0,command/* stringOption */.P)(input, 'image');
        if (!image)
            throw new usage_error/* UsageError */.e('clone create: --image is required', this.usage);
        const { clone, durationMs } = await (0,create_clone/* createClone */.sY)({
            host: context.host,
            reporter: context.reporter,
            image,
            name: (0,command/* stringOption */.P)(input, 'name'),
            port: (0,command/* numberOption */.j)(input, 'port'),
            bindAddress: (0,command/* stringOption */.P)(input, 'bind-address'),
            owner: (0,command/* stringOption */.P)(input, 'owner'),
            lifetime: (0,command/* stringOption */.P)(input, 'lifetime'),
            standby: input.values.standby === true,
            networking: networkingOption(input, this.usage),
        });
        printClone(context, clone, { durationMs });
        return 0;
    },
};
const cloneShow = {
    words: ['clone', 'show'],
    summary: "Print a clone's connection details",
    usage: 'dataclone clone show <name> [--json]',
    options: {},
    positionals: { min: 1, max: 1, names: '<name>' },
    async run(input, context) {
        printClone(context, await (0,read_clone/* requireClone */.rx)(context.host, input.positionals[0] ?? ''));
        return 0;
    },
};
const cloneList = {
    words: ['clone', 'list'],
    summary: 'List clones on the Docker host',
    usage: 'dataclone clone list [--owner <id>] [--json]',
    options: { owner: { type: 'string' } },
    async run(input, { host, reporter, print, json }) {
        await host.ping();
        const clones = await (0,read_clone/* listClones */.DW)(host, (0,command/* stringOption */.P)(input, 'owner'));
        (0,ci_masking/* registerCloneSecrets */.Ie)(reporter, clones);
        if (json) {
            print(JSON.stringify(clones.map(cloneJson), null, 2));
            return 0;
        }
        print((0,table/* formatTable */.k)(['NAME', 'STATUS', 'IMAGE', 'ADDRESS', 'OWNER', 'CREATED', 'EXPIRES'], clones.map((clone) => [
            clone.name,
            clone.status,
            clone.image,
            `${clone.connection.host}:${clone.connection.port}`,
            clone.owner,
            clone.created,
            clone.expires ?? '-',
        ])));
        const stopped = clones.filter((clone) => clone.status !== 'running');
        if (stopped.length)
            print(`\n${startHint(stopped.map((clone) => clone.name))}`);
        return 0;
    },
};
const cloneReset = {
    words: ['clone', 'reset'],
    summary: 'Put a clone back to the state of its image (same name, port and password)',
    usage: 'dataclone clone reset <name> [--json]',
    options: {},
    positionals: { min: 1, max: 1, names: '<name>' },
    async run(input, context) {
        const { clone, durationMs } = await (0,reset_clone/* resetClone */.t)({
            host: context.host,
            reporter: context.reporter,
            name: input.positionals[0] ?? '',
        });
        printClone(context, clone, { durationMs });
        return 0;
    },
};
const cloneStart = {
    words: ['clone', 'start'],
    summary: 'Start a clone that is not running (after a Docker Engine restart, say) with the data it had',
    usage: 'dataclone clone start <name> [--json]',
    options: {},
    positionals: { min: 1, max: 1, names: '<name>' },
    async run(input, context) {
        const { clone, durationMs } = await (0,start_stopped_clone/* startStoppedClone */.x)({
            host: context.host,
            reporter: context.reporter,
            name: input.positionals[0] ?? '',
        });
        printClone(context, clone, { durationMs });
        return 0;
    },
};
const cloneSave = {
    words: ['clone', 'save'],
    summary: "Commit a clone's current state as a new data image (start clones from it later)",
    usage: 'dataclone clone save <name> --tag <image:tag> [--json]',
    options: { tag: { type: 'string', short: 't' } },
    positionals: { min: 1, max: 1, names: '<name>' },
    async run(input, context) {
        const tag = (0,command/* stringOption */.P)(input, 'tag');
        if (!tag)
            throw new usage_error/* UsageError */.e('clone save: --tag is required', this.usage);
        const saved = await saveClone({
            host: context.host,
            reporter: context.reporter,
            name: input.positionals[0] ?? '',
            tag,
        });
        context.print(context.json ? JSON.stringify(saved, null, 2) : `${saved.tag}  ${saved.imageId}`);
        return 0;
    },
};
const cloneRemove = {
    words: ['clone', 'remove'],
    summary: 'Remove a clone and its data',
    usage: 'dataclone clone remove <name> [--json]',
    options: {},
    positionals: { min: 1, max: 1, names: '<name>' },
    async run(input, { host, reporter, print, json }) {
        const { clone, durationMs } = await (0,remove_clone/* removeClone */.q)({ host, reporter, name: input.positionals[0] ?? '' });
        if (json)
            print(JSON.stringify({ removed: clone.name, durationMs }));
        return 0;
    },
};
const cloneLogs = {
    words: ['clone', 'logs'],
    summary: "Print a clone's server log",
    usage: 'dataclone clone logs <name> [--tail <lines>] [--follow]',
    options: { tail: { type: 'string' }, follow: { type: 'boolean' } },
    positionals: { min: 1, max: 1, names: '<name>' },
    async run(input, { host }) {
        const clone = await (0,read_clone/* requireClone */.rx)(host, input.positionals[0] ?? '');
        if (input.values.follow) {
            const controller = new AbortController();
            process.once('SIGINT', () => controller.abort());
            await host.followLogs(clone.containerId, process.stdout, controller.signal);
        }
        else {
            process.stdout.write(await host.containerLogs(clone.containerId, (0,command/* numberOption */.j)(input, 'tail')));
        }
        return 0;
    },
};
const cloneConnect = {
    words: ['clone', 'connect'],
    summary: "Open the engine's own client (psql, mariadb/mysql) in a clone, logged in",
    usage: 'dataclone clone connect <name> [--database <name>] [-- <client arguments>]',
    options: { database: { type: 'string', short: 'd' } },
    positionals: { min: 1, max: 1, names: '<name>' },
    async run(input, { host }) {
        // A TTY only when there is a terminal to type in; else plain streams, for scripts and pipes.
        const terminal = process.stdin.isTTY && process.stdout.isTTY ? process.stdout : undefined;
        return connectClone({
            host,
            name: input.positionals[0] ?? '',
            database: (0,command/* stringOption */.P)(input, 'database'),
            args: input.rest,
            stdin: process.stdin,
            stdout: process.stdout,
            stderr: process.stderr,
            terminal,
        });
    },
};
/** --networking: a value it does not know is a command line the CLI cannot understand. */
function networkingOption(input, usage) {
    try {
        return (0,clone_networking/* parseNetworking */.ez)((0,command/* stringOption */.P)(input, 'networking'), '--networking');
    }
    catch (error) {
        if (error instanceof errors/* DatacloneError */.YF)
            throw new usage_error/* UsageError */.e(error.message, usage);
        throw error;
    }
}
/** A clone as --json prints it; the shape is documented in the README. */
function cloneJson(clone) {
    const { connection } = clone;
    return {
        name: clone.name,
        status: clone.status,
        image: clone.image,
        imageId: clone.imageId,
        engine: clone.engine,
        owner: clone.owner,
        created: clone.created,
        expires: clone.expires ?? null,
        networking: clone.networking,
        host: connection.host,
        port: connection.port,
        user: connection.user,
        password: connection.password,
        primaryDatabase: connection.primaryDatabase,
        databases: connection.databases,
        environment: connection.clientEnvironment,
    };
}
function printClone(context, clone, timing) {
    (0,ci_masking/* registerCloneSecrets */.Ie)(context.reporter, [clone]);
    if (context.json) {
        context.print(JSON.stringify({ ...cloneJson(clone), ...timing }, null, 2));
        return;
    }
    const { connection } = clone;
    const networking = clone.networking === 'host' ? ', host networking' : '';
    context.print(`clone     ${clone.name}  (${clone.image}, ${clone.status}${networking})`);
    if (clone.status !== 'running')
        context.print(startHint([clone.name]));
    context.print(`host      ${connection.host}`);
    context.print(`port      ${connection.port}`);
    context.print(`user      ${connection.user}`);
    context.print(`password  ${connection.password}`);
    context.print('');
    context.print((0,table/* formatTable */.k)(['DATABASE', 'URL', 'JDBC URL'], connection.databases.map((db) => [
        db.name === connection.primaryDatabase ? `${db.name} (primary)` : db.name,
        db.url,
        db.jdbcUrl,
    ])));
}
/** What to do about clones that do not run: their data is there, on the port they had. */
function startHint(names) {
    const commands = names.map((name) => `dataclone clone start ${name}`).join(', ');
    return `not running (its data is kept): start ${names.length > 1 ? 'them' : 'it'} with ${commands}`;
}


/***/ }),

/***/ 31246:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t: () => (/* binding */ resetClone)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/docker/labels.ts
var docker_labels = __webpack_require__(20065);
// EXTERNAL MODULE: ./src/engines/index.ts
var engines = __webpack_require__(56599);
// EXTERNAL MODULE: ./src/images/data-image.ts
var data_image = __webpack_require__(88560);
// EXTERNAL MODULE: ./src/clones/clone.ts
var clones_clone = __webpack_require__(9511);
// EXTERNAL MODULE: ./src/core/random.ts
var random = __webpack_require__(38640);
// EXTERNAL MODULE: ./src/clones/create-clone.ts
var create_clone = __webpack_require__(73720);
// EXTERNAL MODULE: ./src/clones/read-clone.ts
var read_clone = __webpack_require__(74280);
// EXTERNAL MODULE: ./src/clones/clone-password.ts
var clone_password = __webpack_require__(89909);
// EXTERNAL MODULE: ./src/clones/standby/proxy.ts
var standby_proxy = __webpack_require__(99432);
// EXTERNAL MODULE: ./src/clones/standby/start-with-standby.ts
var start_with_standby = __webpack_require__(8489);
// EXTERNAL MODULE: ./src/clones/standby/standby-servers.ts
var standby_servers = __webpack_require__(50644);
;// CONCATENATED MODULE: ./src/clones/standby/reset-with-standby.ts





/**
 * Resets a clone with a warm standby: the proxy is pointed at the standby (one signal) and ends
 * every session of the old state as it switches; then the old server is removed and a new
 * standby starts in its slot. Port, password and name stay; clients reconnect as after any reset.
 */
async function resetWithStandby(host, engine, clone, proxy, timeoutMs) {
    const started = performance.now();
    const [servers, image] = await Promise.all([
        (0,standby_servers/* findStandbyServers */.lI)(host, clone.name),
        (0,data_image/* readDataImage */.m)(host, clone.imageId, `clone ${clone.name}'s image`),
    ]);
    const settings = {
        cloneName: clone.name,
        image,
        engine,
        owner: clone.owner,
        password: clone.connection.password,
        network: (0,standby_servers/* standbyNetworkName */.lN)(clone.name),
    };
    const next = servers.standby ?? {
        slot: other(servers.active.slot),
        id: await (0,standby_servers/* startServer */.UD)(host, settings, other(servers.active.slot)),
    };
    await (0,standby_servers/* waitForServer */._8)(host, engine, clone.name, next.id, timeoutMs);
    // The proxy ends the old sessions as it switches; the old server goes after the handover.
    await host.signalContainer(proxy.id, standby_proxy/* SLOT_SIGNAL */.yX[next.slot]);
    const published = proxy.ports[engine.port] ?? {
        hostIp: clone.bindAddress,
        hostPort: clone.connection.port,
    };
    await (0,start_with_standby/* waitThroughProxy */.D)(host, engine, clone.name, proxy, published, image, clone.connection.password, timeoutMs);
    const handoverMs = Math.round(performance.now() - started);
    const replenishing = performance.now();
    await (0,standby_servers/* discardServer */.Eg)(host, servers.active);
    await Promise.all([
        host.removeContainer(servers.active.id),
        (0,standby_servers/* startServer */.UD)(host, settings, servers.active.slot),
    ]);
    return { handoverMs, replenishMs: Math.round(performance.now() - replenishing) };
}
function other(slot) {
    return slot === 'a' ? 'b' : 'a';
}
function hasStandby(container) {
    return container?.labels[docker_labels/* Labels */.gC.standby] === 'true';
}

;// CONCATENATED MODULE: ./src/clones/reset-clone.ts










/**
 * Puts a clone back to the state of the image it was created from: its writable layer is thrown
 * away and a new container starts from the same image ID with the same name, port, password and
 * labels, so connection strings handed out before the reset keep working.
 */
async function resetClone(options) {
    const started = performance.now();
    const { host } = options;
    const container = await (0,read_clone/* requireCloneContainer */.GU)(host, options.name);
    if (hasStandby(container)) {
        const clone = requireKnownPassword((0,read_clone/* cloneFromContainer */.vh)(host, container, options.password ?? (await (0,clone_password/* readClonePassword */.pT)(host, container))));
        const engine = (0,engines/* engineFor */.E)(clone.engine);
        const handover = await resetWithStandby(host, engine, clone, container, options.readyTimeoutMs ?? 60_000);
        options.reporter.info(`Clone ${clone.name} is back at the state of ${clone.image} (${engine.name}, handed over to its standby in ${handover.handoverMs} ms; next standby started in ${handover.replenishMs} ms)`);
        return { clone, durationMs: handover.handoverMs };
    }
    // The old container must stop to free the port, but removing it can happen while the new one
    // starts: renamed out of the way, it is removed in parallel. Its password (on its record's
    // volume, readable while it stops) and the image are read while it stops: each is a call to
    // the Docker Engine. Should any of that fail, the clone is started again as it was.
    const [password, image, killed, renamed] = await Promise.allSettled([
        options.password ?? (0,clone_password/* readClonePassword */.pT)(host, container),
        (0,data_image/* readDataImage */.m)(host, (0,read_clone/* cloneImageId */.YQ)(container), `clone ${options.name}'s image`),
        host.killContainer(container.id),
        host.renameContainer(container.id, `${(0,clones_clone/* containerNameFor */.e)(options.name)}-discarded-${(0,random/* randomSuffix */.V)()}`),
    ]);
    let clone;
    let dataImage;
    try {
        settled(killed);
        settled(renamed);
        dataImage = settled(image);
        clone = requireKnownPassword((0,read_clone/* cloneFromContainer */.vh)(host, container, settled(password)));
    }
    catch (error) {
        if (renamed.status === 'fulfilled')
            await host.renameContainer(container.id, (0,clones_clone/* containerNameFor */.e)(options.name));
        if (container.running)
            await host.startContainer(container.id);
        throw error;
    }
    const labels = container.labels;
    const engine = (0,engines/* engineFor */.E)(clone.engine);
    const discarded = host.removeContainer(clone.containerId);
    const replacement = (0,create_clone/* startClone */.MT)(host, dataImage, clone.name, { ...labels, [docker_labels/* Labels */.gC.bindAddress]: clone.bindAddress }, clone.connection.password, clone.connection.port, options.readyTimeoutMs);
    const [info] = await Promise.all([replacement, discarded]);
    const reset = (0,read_clone/* cloneFromContainer */.vh)(host, info, clone.connection.password);
    const durationMs = Math.round(performance.now() - started);
    options.reporter.info(`Clone ${clone.name} is back at the state of ${clone.image} (${engine.name}, ${durationMs} ms)`);
    return { clone: reset, durationMs };
}
/** The value of a settled promise, or its error thrown. */
function settled(result) {
    if (result.status === 'rejected')
        throw result.reason;
    return result.value;
}
function requireKnownPassword(clone) {
    if (clone.connection.password)
        return clone;
    throw new errors/* DatacloneError */.YF(`clone ${clone.name}: its password cannot be found, so a reset could not keep it`, `Remove the clone (dataclone clone remove ${clone.name}) and create it again.`);
}


/***/ }),

/***/ 65578:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ startStoppedClone)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _docker_docker_host_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1370);
/* harmony import */ var _docker_labels_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20065);
/* harmony import */ var _engines_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56599);
/* harmony import */ var _host_port_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8956);
/* harmony import */ var _read_clone_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(74280);
/* harmony import */ var _start_clone_container_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(79108);
/* harmony import */ var _standby_start_with_standby_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8489);








/**
 * Starts a clone that is not running (stopped, or exited when the Docker Engine restarted
 * without starting it again) with its own writable layer, so its data is as it was left; on the
 * port it had, with the same password. A clone that runs is returned as it is.
 */
async function startStoppedClone(options) {
    const started = performance.now();
    const { host, name } = options;
    const clone = await (0,_read_clone_js__WEBPACK_IMPORTED_MODULE_5__/* .requireClone */ .rx)(host, name);
    if (clone.status === 'running')
        return { clone, durationMs: 0 };
    if (clone.standby)
        return startStoppedStandbyClone(options, clone, started);
    const { port } = clone.connection;
    if (clone.networking === 'host' && !(await (0,_host_port_js__WEBPACK_IMPORTED_MODULE_4__/* .isPortFree */ .Ci)(clone.bindAddress, port)))
        throw (0,_start_clone_container_js__WEBPACK_IMPORTED_MODULE_6__/* .portInUse */ .aO)(name, clone.bindAddress, port);
    await startContainer(host, name, clone, clone.containerId);
    const engine = (0,_engines_index_js__WEBPACK_IMPORTED_MODULE_3__/* .engineFor */ .E)(clone.engine);
    const info = await host.inspectContainer(clone.containerId);
    const restarted = info ? (0,_read_clone_js__WEBPACK_IMPORTED_MODULE_5__/* .cloneFromContainer */ .vh)(host, info, clone.connection.password) : clone;
    await (0,_start_clone_container_js__WEBPACK_IMPORTED_MODULE_6__/* .waitForServer */ ._8)(host, engine, name, clone.containerId, { host: restarted.connection.host, port: restarted.connection.port }, {
        credentials: { user: clone.connection.user, password: clone.connection.password },
        database: clone.connection.primaryDatabase,
        timeoutMs: options.readyTimeoutMs ?? 60_000,
    });
    const durationMs = Math.round(performance.now() - started);
    options.reporter.info(`Clone ${name} is running again on ${restarted.connection.host}:${restarted.connection.port}, with the data it had (${durationMs} ms)`);
    return { clone: restarted, durationMs };
}
/** A clone with a standby: its two servers first, then its proxy, which points where it did. */
async function startStoppedStandbyClone(options, clone, started) {
    const { host, name } = options;
    const timeoutMs = options.readyTimeoutMs ?? 60_000;
    const servers = await host.findContainers({ [_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.standbyOf]: name });
    for (const id of servers) {
        const info = await host.inspectContainer(id);
        if (info && !info.running)
            await startContainer(host, name, clone, id);
    }
    await startContainer(host, name, clone, clone.containerId);
    const proxy = await host.inspectContainer(clone.containerId);
    const published = proxy?.ports[(0,_engines_index_js__WEBPACK_IMPORTED_MODULE_3__/* .engineFor */ .E)(clone.engine).port] ?? proxy?.portBindings[(0,_engines_index_js__WEBPACK_IMPORTED_MODULE_3__/* .engineFor */ .E)(clone.engine).port];
    if (!proxy || !published)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`clone ${name}: Docker did not publish its port`);
    await (0,_standby_start_with_standby_js__WEBPACK_IMPORTED_MODULE_7__/* .waitThroughProxy */ .D)(host, (0,_engines_index_js__WEBPACK_IMPORTED_MODULE_3__/* .engineFor */ .E)(clone.engine), name, proxy, published, { primaryDatabase: clone.connection.primaryDatabase, superuser: clone.connection.user }, clone.connection.password, timeoutMs);
    const restarted = (0,_read_clone_js__WEBPACK_IMPORTED_MODULE_5__/* .cloneFromContainer */ .vh)(host, proxy, clone.connection.password);
    const durationMs = Math.round(performance.now() - started);
    options.reporter.info(`Clone ${name} is running again on ${restarted.connection.host}:${restarted.connection.port}, with the data it had (${durationMs} ms)`);
    return { clone: restarted, durationMs };
}
async function startContainer(host, name, clone, id) {
    try {
        await host.startContainer(id);
    }
    catch (error) {
        if ((0,_host_port_js__WEBPACK_IMPORTED_MODULE_4__/* .saysPortInUse */ .GY)((0,_docker_docker_host_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .kc)(error)))
            throw (0,_start_clone_container_js__WEBPACK_IMPORTED_MODULE_6__/* .portInUse */ .aO)(name, clone.bindAddress, clone.connection.port, error);
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`clone ${name}: Docker could not start it: ${(0,_docker_docker_host_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .kc)(error)}`, undefined, {
            cause: error,
        });
    }
}


/***/ })

};
