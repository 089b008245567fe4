export const id = 720;
export const ids = [720];
export const modules = {

/***/ 93102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GL: () => (/* binding */ chooseNetworking),
/* harmony export */   ez: () => (/* binding */ parseNetworking),
/* harmony export */   gh: () => (/* binding */ hostNetworkingProblem)
/* harmony export */ });
/* unused harmony exports NETWORKING_VARIABLE, hostNetworkingWorks */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _docker_host_facts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55398);
/* harmony import */ var _docker_shares_docker_network_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54768);



const NETWORKING_VARIABLE = 'DATACLONE_NETWORKING';
function parseNetworking(text, field) {
    if (text === undefined || text === '')
        return undefined;
    if (text === 'auto' || text === 'bridge' || text === 'host')
        return text;
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`${field}: '${text}' is not a way of networking clones`, 'Use bridge (the default: Docker publishes the port), host (the server listens on a port of this machine itself) or auto (host where the image and the Docker Engine allow it).');
}
/**
 * Decides how a new clone is networked. Where host networking cannot work, an explicit `host`
 * fails and the machine-wide DATACLONE_NETWORKING or `auto` falls back to bridge; `auto` takes
 * host only for images whose build found no connections of the server to itself.
 */
async function chooseNetworking(host, reporter, needs) {
    const requested = needs.requested ?? parseNetworking(process.env[NETWORKING_VARIABLE], NETWORKING_VARIABLE) ?? 'bridge';
    if (requested === 'bridge')
        return 'bridge';
    const obstacle = needs.standby
        ? 'host networking is not available for a clone with a standby'
        : needs.environment
            ? "host networking is not available for an environment's clones"
            : host.remoteName()
                ? `host networking needs a Docker Engine on this machine, and ${host.description} is another one`
                : undefined;
    if (obstacle) {
        if (needs.requested === 'host')
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(obstacle, `Leave the networking choice at auto or bridge (${NETWORKING_VARIABLE}).`);
        return 'bridge';
    }
    // Unknown (an image built before dataclone looked) counts as "connects to itself".
    const linked = needs.image.connectsToItself !== false;
    if (requested === 'host') {
        if (linked)
            reporter.warn(`${needs.image.reference}: its databases may connect to the server itself (postgres_fdw, dblink or FEDERATED tables at localhost and the engine's port), which a clone with host networking cannot answer; use bridge networking if they do.`);
        return 'host';
    }
    if (linked)
        return 'bridge';
    return hostNetworkingWorks(await host.facts(), process.env.DOCKER_HOST, process.platform, _docker_shares_docker_network_js__WEBPACK_IMPORTED_MODULE_1__/* .sharesDockerNetwork */ .D)
        ? 'host'
        : 'bridge';
}
/**
 * Host networking behaves like a port published on the bind address only when the Docker host's
 * network is this machine's: a rootful Linux engine on a local socket, with dataclone not itself
 * running in a container. Docker Desktop and rootless engines keep containers in a VM or a
 * namespace of their own, where the host network is not the user's.
 */
function hostNetworkingWorks(facts, dockerHost, platform, sameNetwork) {
    return hostNetworkingProblem(facts, dockerHost, platform, sameNetwork) === undefined;
}
/** Why host networking would not behave like a port published on this machine; undefined when it would. */
function hostNetworkingProblem(facts, dockerHost, platform, sameNetwork) {
    if (!(0,_docker_host_facts_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerRunsHere */ .v7)(facts, dockerHost, platform))
        return "the Docker Engine's network is not this machine's (a remote engine, Docker Desktop's VM, or a client that is not Linux)";
    if (facts.osType !== 'linux')
        return 'the Docker Engine runs Windows containers';
    if (facts.rootless)
        return 'the Docker Engine is rootless: its host network is a namespace of its own';
    if (!sameNetwork())
        return 'dataclone runs in another network namespace than dockerd (in a container, say)';
    return undefined;
}


/***/ }),

/***/ 73720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ startClone),
/* harmony export */   XB: () => (/* binding */ defaultOwner),
/* harmony export */   sY: () => (/* binding */ createClone)
/* harmony export */ });
/* unused harmony export validateCloneName */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98571);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);
/* harmony import */ var _core_random_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38640);
/* harmony import */ var _docker_labels_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(20065);
/* harmony import */ var _engines_engine_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(39105);
/* harmony import */ var _engines_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56599);
/* harmony import */ var _images_data_image_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(88560);
/* harmony import */ var _images_server_version_check_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(74515);
/* harmony import */ var _clone_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(9511);
/* harmony import */ var _read_clone_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(74280);
/* harmony import */ var _clone_password_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(89909);
/* harmony import */ var _start_clone_container_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(79108);
/* harmony import */ var _clone_networking_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(93102);
/* harmony import */ var _host_port_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(8956);
/* harmony import */ var _standby_start_with_standby_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(8489);
















const NAME = /^[a-z0-9][a-z0-9_.-]{0,62}$/;
/** Starts a clone of a data image and returns once it answers queries with its own password. */
async function createClone(options) {
    const started = performance.now();
    const { host, reporter } = options;
    if (options.name !== undefined)
        validateCloneName(options.name);
    validatePort(options.port);
    const expires = options.lifetime
        ? new Date(Date.now() + (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E)(options.lifetime, '--lifetime')).toISOString()
        : '';
    await host.ping();
    const image = await (0,_images_data_image_js__WEBPACK_IMPORTED_MODULE_6__/* .readDataImage */ .m)(host, options.image);
    (0,_images_server_version_check_js__WEBPACK_IMPORTED_MODULE_7__/* .checkImageServer */ .J)(options.image, image);
    warnOfCloneLabels(reporter, options.image, image);
    const networking = await (0,_clone_networking_js__WEBPACK_IMPORTED_MODULE_11__/* .chooseNetworking */ .GL)(host, reporter, {
        requested: options.networking,
        standby: options.standby === true,
        environment: options.membership !== undefined,
        image,
    });
    const name = options.name ?? `${image.definitionName || 'clone'}-${(0,_core_random_js__WEBPACK_IMPORTED_MODULE_3__/* .randomSuffix */ .V)()}`;
    validateCloneName(name);
    if (await host.inspectContainer((0,_clone_js__WEBPACK_IMPORTED_MODULE_14__/* .containerNameFor */ .e)(name))) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DatacloneError */ .YF(`a clone named ${name} already exists`, `Remove it with \`dataclone clone remove ${name}\`, reset it with \`dataclone clone reset ${name}\`, or choose another --name.`);
    }
    const password = (0,_core_random_js__WEBPACK_IMPORTED_MODULE_3__/* .randomPassword */ .t)();
    reporter.maskSecret(password);
    const bindAddress = options.bindAddress ?? '127.0.0.1';
    const remote = host.remoteName();
    if (remote && !remote.startsWith('127.') && remote !== 'localhost' && bindAddress.startsWith('127.')) {
        reporter.warn(`clone ${name}: ${host.description} is another machine, and the clone's port is published on its loopback (${bindAddress}) only; publish it where this machine reaches it with --bind-address 0.0.0.0 (or the host's address). Each clone has its own password.`);
    }
    // Every clone label is set here, so that none of the image's own labels (Docker copies them
    // onto the container) decides anything about this clone later, in reset or remove.
    const labels = (0,_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .cloneContainerLabels */ .Aq)({
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.clone]: name,
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.owner]: options.owner ?? defaultOwner(),
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.image]: options.image,
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.imageId]: image.id,
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.engine]: image.engine,
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.engineVersion]: image.engineVersion,
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.databases]: JSON.stringify(image.databases),
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.primaryDatabase]: image.primaryDatabase,
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.superuser]: image.superuser,
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.bindAddress]: bindAddress,
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.networking]: networking,
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.created]: new Date().toISOString(),
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.expires]: expires,
        ...(options.membership ? membershipLabels(options.membership) : {}),
    });
    if (options.standby && options.membership) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DatacloneError */ .YF(`clone ${name}: a standby is not available for the instances of an environment yet`, 'Leave --standby out for environments.');
    }
    const info = options.standby
        ? await (0,_standby_start_with_standby_js__WEBPACK_IMPORTED_MODULE_13__/* .startCloneWithStandby */ .P)(host, (0,_engines_index_js__WEBPACK_IMPORTED_MODULE_5__/* .engineFor */ .E)(image.engine), image, name, labels, password, 
        // Picked here on a local engine, as for a clone without standby: kept across restarts.
        options.port ?? (host.remoteName() ? undefined : await (0,_host_port_js__WEBPACK_IMPORTED_MODULE_12__/* .pickFreePort */ .lC)(bindAddress)), options.readyTimeoutMs ?? 60_000)
        : await startClone(host, image, name, labels, password, options.port, options.readyTimeoutMs);
    const clone = (0,_read_clone_js__WEBPACK_IMPORTED_MODULE_8__/* .cloneFromContainer */ .vh)(host, info, password);
    const durationMs = Math.round(performance.now() - started);
    reporter.info(`Clone ${name} of ${options.image} is ready on ${clone.connection.host}:${clone.connection.port} (${durationMs} ms${options.standby ? ', with a warm standby' : ''})`);
    return { clone, durationMs };
}
/** Starts a clone container of `image`: used by create, and by reset with the same settings. */
async function startClone(host, image, name, labels, password, hostPort, readyTimeoutMs = 60_000) {
    const engine = (0,_engines_index_js__WEBPACK_IMPORTED_MODULE_5__/* .engineFor */ .E)(image.engine);
    const start = engine.cloneStart();
    const instance = labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.instance];
    const bindAddress = labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.bindAddress] || '127.0.0.1';
    const readiness = {
        credentials: { user: image.superuser || engine.superuser, password },
        database: image.primaryDatabase || engine.maintenanceDatabase,
        timeoutMs: readyTimeoutMs,
    };
    const spec = (listen) => ({
        name: (0,_clone_js__WEBPACK_IMPORTED_MODULE_14__/* .containerNameFor */ .e)(name),
        image: image.id,
        labels,
        entrypoint: start.entrypoint,
        cmd: [],
        user: start.user,
        env: {
            ...start.env,
            [_engines_engine_js__WEBPACK_IMPORTED_MODULE_15__/* .LISTEN_PORT_VARIABLE */ .BW]: String(listen.port),
            [_engines_engine_js__WEBPACK_IMPORTED_MODULE_15__/* .LISTEN_ADDRESS_VARIABLE */ .O$]: listen.address,
            [_engines_engine_js__WEBPACK_IMPORTED_MODULE_15__/* .NETWORK_VARIABLE */ .M0]: listen.network,
            [_engines_engine_js__WEBPACK_IMPORTED_MODULE_15__/* .DATABASE_VARIABLE */ .bf]: readiness.database,
            [_engines_engine_js__WEBPACK_IMPORTED_MODULE_15__/* .HANDOVER_VARIABLE */ .H8]: _engines_engine_js__WEBPACK_IMPORTED_MODULE_15__/* .HANDOVER_AFTER_START */ .IV,
        },
        tmpfs: [...image.volumes, ...engine.scratchDirectories],
        volumes: [(0,_clone_password_js__WEBPACK_IMPORTED_MODULE_9__/* .passwordRecordVolume */ .H_)(labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.owner] ?? '')],
        // A kept clone outlives a restart of the Docker Engine (a reboot, an upgrade) with its data;
        // its start script needs no secret then (see PASSWORD_HANDOVER_FILE).
        restartPolicy: 'unless-stopped',
    });
    // Written while the container starts (the start script waits for it), in one archive: the
    // hand-over first, then the record, whose arrival tells the script the hand-over is complete.
    const handover = (0,_clone_password_js__WEBPACK_IMPORTED_MODULE_9__/* .passwordFiles */ .X2)(password, { record: true });
    const onHostNetwork = labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.networking] === 'host';
    // The port is picked here, not by Docker, whenever this machine can tell a free one (the
    // Docker Engine runs here): Docker would pick another one at each start, so a clone would
    // come back from an engine restart on another port. A port picked here may be taken by
    // another process before it is bound: then another is picked.
    const pickPort = onHostNetwork || !host.remoteName();
    for (let attempt = 1;; attempt++) {
        const port = hostPort ?? (pickPort ? await (0,_host_port_js__WEBPACK_IMPORTED_MODULE_12__/* .pickFreePort */ .lC)(bindAddress) : undefined);
        if (onHostNetwork && hostPort !== undefined && !(await (0,_host_port_js__WEBPACK_IMPORTED_MODULE_12__/* .isPortFree */ .Ci)(bindAddress, hostPort)))
            throw (0,_start_clone_container_js__WEBPACK_IMPORTED_MODULE_10__/* .portInUse */ .aO)(name, bindAddress, hostPort);
        try {
            if (!onHostNetwork) {
                return await (0,_start_clone_container_js__WEBPACK_IMPORTED_MODULE_10__/* .startCloneContainer */ .RL)(host, engine, name, {
                    ...spec({ port: engine.port, address: '0.0.0.0', network: 'bridge' }),
                    publish: { containerPort: engine.port, bindAddress, hostPort: port },
                    // An environment's instance joins its network under the instance's name (reset too:
                    // the network is in the labels it keeps).
                    network: labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.network] || undefined,
                    networkAliases: instance ? [instance] : undefined,
                }, readiness, undefined, handover);
            }
            // Host networking: the server listens on a port of this machine itself.
            const listenPort = port ?? 0;
            return await (0,_start_clone_container_js__WEBPACK_IMPORTED_MODULE_10__/* .startCloneContainer */ .RL)(host, engine, name, {
                ...spec({ port: listenPort, address: bindAddress, network: 'host' }),
                labels: { ...labels, [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.hostPort]: String(listenPort) },
                network: 'host',
            }, readiness, { host: host.clientAddress(bindAddress), port: listenPort }, handover);
        }
        catch (error) {
            const taken = error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DatacloneError */ .YF && (0,_host_port_js__WEBPACK_IMPORTED_MODULE_12__/* .saysPortInUse */ .GY)(`${error.message}\n${error.hint ?? ''}`);
            if (!taken || !pickPort)
                throw error;
            if (hostPort !== undefined || attempt === 3)
                throw (0,_start_clone_container_js__WEBPACK_IMPORTED_MODULE_10__/* .portInUse */ .aO)(name, bindAddress, port, error);
        }
    }
}
/** A data image says what its data is; how a clone of it runs is dataclone's to decide. */
function warnOfCloneLabels(reporter, reference, image) {
    const ignored = (0,_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .cloneLabelsOf */ .Sq)(image.labels);
    if (ignored.length === 0)
        return;
    reporter.warn(`image ${reference} carries labels that describe a clone, not an image, and they are ignored: ${ignored.map((key) => `${key}=${JSON.stringify(image.labels[key])}`).join(', ')}. Images made by dataclone never carry them; check where this image came from.`);
}
function membershipLabels(membership) {
    return {
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.environment]: membership.environment,
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.instance]: membership.instance,
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.instanceIndex]: String(membership.index),
        [_docker_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .Labels */ .gC.network]: membership.network,
    };
}
function defaultOwner() {
    return process.env.DATACLONE_OWNER || `local-${node_os__WEBPACK_IMPORTED_MODULE_0___default().userInfo().username}`;
}
function validateCloneName(name) {
    if (!NAME.test(name)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DatacloneError */ .YF(`--name: '${name}' is not a valid clone name`, 'Use 1 to 63 lowercase letters, digits, dots, dashes or underscores, starting with a letter or digit.');
    }
}
function validatePort(port) {
    if (port === undefined)
        return;
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DatacloneError */ .YF(`--port: '${port}' is not a port number`, 'Give a number from 1 to 65535, or leave --port out.');
    }
}


/***/ }),

/***/ 8956:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ci: () => (/* binding */ isPortFree),
/* harmony export */   GY: () => (/* binding */ saysPortInUse),
/* harmony export */   lC: () => (/* binding */ pickFreePort)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);

/** A port that is free on `address` of this machine now (the kernel's pick of an ephemeral one). */
function pickFreePort(address) {
    return new Promise((resolve, reject) => {
        const server = node_net__WEBPACK_IMPORTED_MODULE_0___default().createServer();
        server.once('error', reject);
        server.listen({ host: address, port: 0, exclusive: true }, () => {
            const bound = server.address();
            server.close(() => typeof bound === 'object' && bound ? resolve(bound.port) : reject(new Error('no port')));
        });
    });
}
/** Whether a server could listen on `address`:`port` of this machine now. */
function isPortFree(address, port) {
    return new Promise((resolve) => {
        const server = node_net__WEBPACK_IMPORTED_MODULE_0___default().createServer();
        server.once('error', () => resolve(false));
        server.listen({ host: address, port, exclusive: true }, () => server.close(() => resolve(true)));
    });
}
/** Whether Docker's error or a server's log says that its port was taken. */
function saysPortInUse(text) {
    return /port is already allocated|address already in use|could not bind|bind on tcp\/ip port/i.test(text);
}


/***/ }),

/***/ 8489:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ waitThroughProxy),
/* harmony export */   P: () => (/* binding */ startCloneWithStandby)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _docker_docker_host_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1370);
/* harmony import */ var _docker_labels_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20065);
/* harmony import */ var _engines_readiness_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60511);
/* harmony import */ var _clone_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9511);
/* harmony import */ var _clone_password_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(89909);
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(99432);
/* harmony import */ var _standby_servers_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(50644);








/**
 * Starts a clone with a warm standby: a proxy that owns the clone's name, labels and published
 * port, the active server in slot a, and, once that one answers, a standby server in slot b
 * that a reset hands over to. Everything is on a private network of the clone's own. On any
 * failure all of it is removed before the error is thrown.
 */
async function startCloneWithStandby(host, engine, image, name, labels, password, hostPort, readyTimeoutMs) {
    const owner = labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.owner] ?? '';
    const network = (0,_standby_servers_js__WEBPACK_IMPORTED_MODULE_6__/* .standbyNetworkName */ .lN)(name);
    await host.createNetwork(network, { [_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.owner]: owner, [_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.standbyOf]: name });
    const settings = { cloneName: name, image, engine, owner, password, network };
    const created = [];
    try {
        created.push(await (0,_standby_servers_js__WEBPACK_IMPORTED_MODULE_6__/* .startServer */ .UD)(host, settings, 'a'));
        const proxy = await host.createContainer({
            name: (0,_clone_js__WEBPACK_IMPORTED_MODULE_7__/* .containerNameFor */ .e)(name),
            image: image.id,
            labels: { ...labels, [_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.standby]: 'true' },
            entrypoint: (0,_proxy_js__WEBPACK_IMPORTED_MODULE_5__/* .proxyCommand */ .eU)(engine.port),
            cmd: [],
            user: engine.serverUser,
            // The proxy runs no server: it only keeps the clone's password for later steps.
            files: (0,_clone_password_js__WEBPACK_IMPORTED_MODULE_4__/* .recordFiles */ .B5)(password),
            volumes: [(0,_clone_password_js__WEBPACK_IMPORTED_MODULE_4__/* .passwordRecordVolume */ .H_)(owner)],
            restartPolicy: 'unless-stopped',
            publish: {
                containerPort: engine.port,
                bindAddress: labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.bindAddress] || '127.0.0.1',
                hostPort,
            },
            tmpfs: image.volumes,
            network,
        });
        created.push(proxy);
        await host.startContainer(proxy);
        const info = await host.inspectContainer(proxy);
        const published = info?.ports[engine.port];
        if (!info || !published)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`clone ${name}: Docker did not publish port ${engine.port}`);
        await (0,_standby_servers_js__WEBPACK_IMPORTED_MODULE_6__/* .waitForServer */ ._8)(host, engine, name, created[0] ?? '', readyTimeoutMs);
        await waitThroughProxy(host, engine, name, info, published, image, password, readyTimeoutMs);
        created.push(await (0,_standby_servers_js__WEBPACK_IMPORTED_MODULE_6__/* .startServer */ .UD)(host, settings, 'b'));
        return info;
    }
    catch (error) {
        await Promise.all(created.map((id) => host.removeContainer(id)));
        await host.removeNetwork(network);
        throw error;
    }
}
/** A real query through the proxy: the clone is ready as its users see it. */
async function waitThroughProxy(host, engine, name, proxy, published, image, password, timeoutMs) {
    const endpoint = { host: host.clientAddress(published.hostIp), port: published.hostPort };
    try {
        await engine.waitUntilReady(endpoint, { user: image.superuser || engine.superuser, password }, image.primaryDatabase || engine.maintenanceDatabase, AbortSignal.timeout(timeoutMs));
    }
    catch (error) {
        const logs = await host.containerLogs(proxy.id, 20).catch(() => '');
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`clone ${name}: no query got through its proxy on ${endpoint.host}:${endpoint.port} within ${timeoutMs / 1000} s (last error: ${error instanceof _engines_readiness_js__WEBPACK_IMPORTED_MODULE_3__/* .ReadinessTimeout */ .S ? error.message : (0,_docker_docker_host_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .kc)(error)})`, `The proxy needs perl in the data image (Debian- and Ubuntu-based images have it). Its last log lines:\n${logs.trimEnd() || '(none)'}`, { cause: error });
    }
}


/***/ }),

/***/ 79108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RL: () => (/* binding */ startCloneContainer),
/* harmony export */   _8: () => (/* binding */ waitForServer),
/* harmony export */   aO: () => (/* binding */ portInUse)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _docker_docker_host_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1370);
/* harmony import */ var _engines_readiness_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(60511);
/* harmony import */ var _host_port_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8956);




/**
 * Creates and starts a clone's container and returns once the server answers a real query with
 * the clone's credentials. On any failure the container is removed before the error is thrown.
 */
async function startCloneContainer(host, engine, cloneName, spec, readiness, 
/** Where clients reach a server on the host's network; else the port Docker published. */
hostEndpoint, 
/** Files written once the container runs, while its server starts (see HANDOVER_VARIABLE). */
filesAfterStart = []) {
    let containerId;
    try {
        containerId = await host.createContainer(spec);
    }
    catch (error) {
        throw createError(cloneName, spec, error);
    }
    try {
        try {
            await host.startContainer(containerId);
        }
        catch (error) {
            throw createError(cloneName, spec, error);
        }
        const info = await host.inspectContainer(containerId);
        const published = info?.ports[engine.port];
        const endpoint = hostEndpoint ?? (published && { host: host.clientAddress(published.hostIp), port: published.hostPort });
        if (!info || !endpoint)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`clone ${cloneName}: Docker did not publish port ${engine.port}`);
        // Inspected first: Docker holds the container while it writes the files.
        await Promise.all([
            waitForServer(host, engine, cloneName, containerId, endpoint, readiness),
            filesAfterStart.length &&
                host.putFiles(containerId, filesAfterStart).catch((error) => {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`clone ${cloneName}: Docker could not hand its password over: ${(0,_docker_docker_host_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .kc)(error)}`, undefined, { cause: error });
                }),
        ]);
        return info;
    }
    catch (error) {
        await host.removeContainer(containerId);
        throw error;
    }
}
/** Waits until the server of a started container answers a real query with the clone's credentials. */
async function waitForServer(host, engine, cloneName, containerId, endpoint, readiness) {
    const ready = new AbortController();
    const timer = setTimeout(() => ready.abort(), readiness.timeoutMs);
    const stopped = new AbortController();
    // A server that dies while starting ends the wait at once instead of at the timeout.
    const exited = host.waitForExit(containerId, stopped.signal).then((code) => {
        ready.abort();
        return code;
    }, () => undefined);
    try {
        // Logins only work once the clone's password is set, and every failed one writes a FATAL
        // line to the server log: wait for the start script to say the password is set, then prove
        // it with a real query.
        await host.waitForLogLine(containerId, engine.cloneStart().readyLogLine, ready.signal);
        await engine.waitUntilReady(endpoint, readiness.credentials, readiness.database, ready.signal);
    }
    catch (error) {
        const exitCode = await Promise.race([exited, Promise.resolve(undefined)]);
        const logs = await host.containerLogs(containerId, 30).catch(() => '');
        const reason = error instanceof _engines_readiness_js__WEBPACK_IMPORTED_MODULE_2__/* .ReadinessTimeout */ .S ? error.message : (0,_docker_docker_host_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .kc)(error);
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(exitCode === undefined
            ? `clone ${cloneName}: the server did not accept queries on ${endpoint.host}:${endpoint.port} within ${readiness.timeoutMs / 1000} s (last error: ${reason})`
            : `clone ${cloneName}: the server stopped while starting (exit code ${exitCode})`, `Its last log lines:\n${logs.trimEnd() || '(none)'}`, { cause: error });
    }
    finally {
        clearTimeout(timer);
        stopped.abort();
    }
}
/** The error for a port that another process holds. */
function portInUse(cloneName, bindAddress, port, cause) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`clone ${cloneName}: port ${port} on ${bindAddress} is already in use`, 'Choose another with --port, or leave --port out to let dataclone pick a free one.', { cause });
}
function createError(cloneName, spec, error) {
    const text = (0,_docker_docker_host_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .kc)(error);
    if ((0,_host_port_js__WEBPACK_IMPORTED_MODULE_3__/* .saysPortInUse */ .GY)(text) && spec.publish) {
        return portInUse(cloneName, spec.publish.bindAddress, spec.publish.hostPort, error);
    }
    if (/Conflict|already in use by container/i.test(text)) {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`a clone named ${cloneName} already exists`, `Remove it with \`dataclone clone remove ${cloneName}\`, or choose another --name.`, { cause: error });
    }
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`clone ${cloneName}: Docker could not start it: ${text}`, undefined, {
        cause: error,
    });
}


/***/ }),

/***/ 37999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b4: () => (/* binding */ offsetOf),
/* harmony export */   k4: () => (/* binding */ FieldProblem),
/* harmony export */   mb: () => (/* binding */ definitionError),
/* harmony export */   w5: () => (/* binding */ fieldName),
/* harmony export */   wz: () => (/* binding */ atField),
/* harmony export */   x5: () => (/* binding */ locate)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);


/**
 * A problem found by a check that knows nothing of YAML (a file on disk, a dependency);
 * `atField` turns it into an error with the file, line and field.
 */
class FieldProblem extends Error {
    problem;
    hint;
    constructor(problem, hint) {
        super(problem);
        this.problem = problem;
        this.hint = hint;
    }
}
/** Runs a check of the value at `path`, placing any FieldProblem it throws at that value's line. */
async function atField(site, path, check) {
    try {
        return await check();
    }
    catch (error) {
        if (error instanceof FieldProblem)
            throw definitionError(site, path, error.problem, error.hint);
        throw error;
    }
}
/** `file:line:column: field: problem`, with a hint saying what to do. */
function definitionError(site, path, problem, hint) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DatacloneError */ .YF(`${locate(site, path)}: ${fieldName(path)}${problem}`, hint);
}
/** `file:line:column` of the value at `path` (see `offsetOf`). */
function locate(site, path, { key = false } = {}) {
    const { line, col } = site.lines.linePos(offsetOf(site, path, { key }));
    return `${site.file}:${line}:${col}`;
}
/** `databases[1].source: ` for a path; nothing for the top level. */
function fieldName(path) {
    if (path.length === 0)
        return '';
    const text = path
        .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
        .join('');
    return `${text}: `;
}
/**
 * Where in the text the value at `path` starts, or its nearest parent that exists (a missing
 * field is reported at the mapping that lacks it). With `key`, where the field's name starts.
 */
function offsetOf(site, path, { key = false } = {}) {
    const keyOffset = key ? offsetOfKey(site, path) : undefined;
    if (keyOffset !== undefined)
        return keyOffset;
    for (let length = path.length; length > 0; length--) {
        const start = rangeStart(site.document.getIn(path.slice(0, length), true));
        if (start !== undefined)
            return start;
    }
    return rangeStart(site.document.contents) ?? 0;
}
function offsetOfKey(site, path) {
    const parentPath = path.slice(0, -1);
    const parent = parentPath.length ? site.document.getIn(parentPath, true) : site.document.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(parent))
        return undefined;
    const pair = parent.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) && String(item.key.value) === String(path.at(-1)));
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair?.key) ? rangeStart(pair.key) : undefined;
}
function rangeStart(node) {
    return node?.range?.[0];
}


/***/ }),

/***/ 83041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AX: () => (/* binding */ KNOWN_VERSIONS),
/* harmony export */   S7: () => (/* binding */ checkKnownVersion),
/* harmony export */   qS: () => (/* binding */ defaultBaseImage)
/* harmony export */ });
/* harmony import */ var _definition_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37999);

/** Major versions each engine is known to work with. */
const KNOWN_VERSIONS = {
    postgres: ['12', '13', '14', '15', '16', '17', '18'],
    mysql: ['8.0', '8.4', '9', '9.7'],
    mariadb: ['10.6', '10.11', '11.4', '11.8'],
};
function checkKnownVersion(engine, version) {
    const known = KNOWN_VERSIONS[engine];
    if (known.includes(version))
        return;
    throw new _definition_error_js__WEBPACK_IMPORTED_MODULE_0__/* .FieldProblem */ .k4(`${engine} version '${version}' is not one dataclone knows`, `Use one of: ${known.map((v) => `"${v}"`).join(', ')}.`);
}
/** The official image of the engine (mariadb is the mysql engine on MariaDB's image). */
function defaultBaseImage(engine, version) {
    return `${engine}:${version}`;
}


/***/ }),

/***/ 22062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y: () => (/* binding */ imageDefinitionSchema)
});

;// CONCATENATED MODULE: ./schema/dataclone.schema.json
const dataclone_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://dataclone.dev/schema/dataclone.schema.json","title":"dataclone image definition","description":"An image definition (dataclone.yaml): one database instance, every database in it and where its data comes from, to build into a read-only data image.","type":"object","additionalProperties":false,"required":["name","engine","version"],"properties":{"$schema":{"type":"string","description":"The JSON Schema this file follows (for editors)."},"name":{"type":"string","pattern":"^[a-z0-9][a-z0-9_.-]*$","maxLength":128,"patternErrorMessage":"an image name is lowercase letters, digits, \'.\', \'_\' and \'-\', starting with a letter or digit","description":"Name of the data image: lowercase letters, digits, \\".\\", \\"_\\" and \\"-\\" (at most 128), starting with a letter or digit. Images are tagged dataclone/<name>."},"engine":{"type":"string","enum":["postgres","mysql","mariadb"],"description":"The database server: postgres, mysql or mariadb."},"version":{"type":["string","number"],"description":"Major version of the server, e.g. \\"16\\" for PostgreSQL, \\"8.4\\" for MySQL, \\"11.4\\" for MariaDB. Only versions dataclone knows are accepted."},"baseImage":{"type":"string","minLength":1,"description":"Image the build starts from, e.g. a mirror or an image with extensions installed. Default: the official image, <engine>:<version>."},"primary":{"type":"string","minLength":1,"description":"The database DATABASE_URL points at (one of databases, or one the instance brings). Default: the first database listed; with instance and no databases listed, the first by name that it brings."},"setup":{"type":"array","items":{"$ref":"#/definitions/script"},"description":"Scripts run in order once every database exists, empty, before any restore: roles, extensions, settings."},"instance":{"type":"object","additionalProperties":false,"required":[],"description":"The whole server, restored first, from a dump or from a physical backup (exactly one): its databases are found once it is restored, so databases need not list them; an entry there without source adds migrations, dependsOn or a primary to one of them. The logins it brings keep no password (PostgreSQL) or are locked (MySQL, MariaDB): clones are reached as the superuser with the clone\'s password.","properties":{"source":{"type":["string","object"],"minLength":1,"additionalProperties":false,"required":["url"],"properties":{"url":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9+.-]*://","patternErrorMessage":"a live source\'s url is postgresql://host:port/database or mysql://host:port/database","description":"postgresql://[user@]host[:port][/database][?sslmode=...] or mysql://[user@]host[:port][/database] (mariadb:// too), without a password. The database defaults to the entry\'s name; an instance source names none (PostgreSQL: the one pg_dumpall connects to first)."},"userEnv":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","patternErrorMessage":"an environment variable\'s name is letters, digits and \'_\', not starting with a digit","description":"The environment variable holding the user to log in as, when the URL names none."},"passwordEnv":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","patternErrorMessage":"an environment variable\'s name is letters, digits and \'_\', not starting with a digit","description":"The environment variable holding the password; it reaches the client in its environment (PGPASSWORD) or in a defaults file inside the build container, removed after the dump, and is masked in CI logs."}},"description":"A dump of a whole server, relative to this file: a .sql or .sql.gz file (pg_dumpall > all.sql; mysqldump --all-databases or --databases a b c > all.sql). Or a live server, as a URL (postgresql://replica:5432, mysql://replica:3306) or url with userEnv and passwordEnv: dumped whole when the build runs (pg_dumpall --no-role-passwords; mysqldump --all-databases)."},"format":{"type":"string","enum":["sql","sql.gz"],"description":"The format of source, when it should not be detected from its content: sql or sql.gz."},"backup":{"type":"string","minLength":1,"description":"A physical backup of the image\'s major version, relative to this file. PostgreSQL: the folder pg_basebackup -D wrote (plain, -Fp; or tar, -Ft, with base.tar[.gz] and pg_wal.tar[.gz]), or a base.tar[.gz] holding its WAL (-X fetch); its configuration and replica settings are replaced by the clone\'s. MariaDB: the folder mariabackup --backup --target-dir wrote, prepared with mariabackup --prepare, or a .tar[.gz] of that folder\'s content. Its files are copied into the image and the server starts on them: much faster than a logical restore for large data."}}},"databases":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/database"},"description":"The databases of the instance, each with where its data comes from. They are restored in dependency order. Required unless instance is given; with instance, list only the databases that need migrations, dependsOn or a source of their own."},"after":{"type":"array","items":{"$ref":"#/definitions/script"},"description":"Scripts run in order after every restore: masking, sanitising, test users."},"labels":{"type":"object","propertyNames":{"pattern":"^(?!dataclone\\\\.)[a-z0-9][a-z0-9._-]*$","patternErrorMessage":"a label name is lowercase letters, digits, \'.\', \'_\' and \'-\', and must not start with \'dataclone.\' (reserved)"},"additionalProperties":{"type":["string","number","boolean"]},"description":"Labels to put on the data image, name: value. Names are lowercase; names starting with \\"dataclone.\\" are reserved."},"mask":{"type":"object","additionalProperties":false,"required":["rules"],"description":"Masking of personal data, run in the build after every restore and before the after scripts, as SQL inside the build instance. The same value becomes the same fake in every column, table and database that use the same strategy, in every build made with the same secret.","properties":{"secret":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","patternErrorMessage":"secret is the NAME of an environment variable (letters, digits and \'_\'), never the secret itself","description":"The name of the environment variable that holds the masking secret (default DATACLONE_MASK_SECRET). Never the secret itself. Without it set, masking is random: consistent within the build, different in the next."},"deterministic":{"type":"boolean","description":"true: fail the build before any work when the secret\'s variable is unset or empty."},"require":{"type":"string","enum":["classified"],"description":"classified: fail the build when dataclone image classify finds a column that looks personal and has no rule."},"rules":{"type":"object","minProperties":1,"additionalProperties":{"$ref":"#/definitions/maskDatabase"},"description":"Rules per database, then table (PostgreSQL: schema.table, default schema public), then column."}}}},"allOf":[{"if":{"type":"object","required":["instance"],"properties":{"instance":{"type":"object"}}},"then":{},"else":{"type":"object","required":["databases"],"properties":{"databases":{"type":"array"}}}},{"if":{"type":"object","required":["engine"],"properties":{"engine":{"enum":["mysql","mariadb"]}}},"then":{"type":"object","properties":{"databases":{"type":"array","items":{"type":"object","properties":{"format":{"enum":["sql","sql.gz","scripts"],"errorMessage":"mysql and mariadb restore \'sql\', \'sql.gz\' or \'scripts\' (\'custom\' and \'directory\' are pg_dump formats)"}}}}}}}],"definitions":{"database":{"type":"object","additionalProperties":false,"required":["name"],"description":"A database of the instance and where its data comes from.","properties":{"name":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","maxLength":63,"patternErrorMessage":"a database name is letters, digits and \'_\', not starting with a digit","description":"Name of the database: letters, digits and \\"_\\" (at most 63), not starting with a digit."},"source":{"type":["string","object"],"minLength":1,"additionalProperties":false,"required":["url"],"properties":{"url":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9+.-]*://","patternErrorMessage":"a live source\'s url is postgresql://host:port/database or mysql://host:port/database","description":"postgresql://[user@]host[:port][/database][?sslmode=...] or mysql://[user@]host[:port][/database] (mariadb:// too), without a password. The database defaults to the entry\'s name; an instance source names none (PostgreSQL: the one pg_dumpall connects to first)."},"userEnv":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","patternErrorMessage":"an environment variable\'s name is letters, digits and \'_\', not starting with a digit","description":"The environment variable holding the user to log in as, when the URL names none."},"passwordEnv":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","patternErrorMessage":"an environment variable\'s name is letters, digits and \'_\', not starting with a digit","description":"The environment variable holding the password; it reaches the client in its environment (PGPASSWORD) or in a defaults file inside the build container, removed after the dump, and is masked in CI logs."}},"description":"What to restore, relative to this file: a pg_dump custom-format archive, a pg_dump directory-format folder, a .sql or .sql.gz file, or a folder of .sql/.sql.gz scripts run in name order. A .sql or .sql.gz that creates its own database (pg_dump --create, mysqldump --databases: CREATE DATABASE, then \\\\connect or USE) runs in the maintenance database, and must create the database this entry names. A URL (postgresql://replica:5432/orders, mysql://replica:3306/orders), or url with userEnv and passwordEnv, is a live server dumped when the build runs (pg_dump --no-owner --no-privileges, mysqldump --single-transaction --routines --triggers --events). Leave source out for an empty database, or, with instance, for a database the instance source brings."},"format":{"type":"string","enum":["custom","directory","sql","sql.gz","scripts"],"description":"The format of source, when it should not be detected from its content: custom and directory (pg_dump, PostgreSQL only), sql, sql.gz or scripts."},"createsDatabase":{"type":"boolean","description":"Whether the .sql or .sql.gz source creates and connects to its own database (pg_dump --create, mysqldump --databases), so it runs in the maintenance database and the build does not create the database first. Default: read from the statements at the head of the file; set it when they do not show it (true) or to run such a script inside the database anyway (false)."},"dependsOn":{"type":"array","items":{"type":"string","minLength":1},"uniqueItems":true,"description":"Databases of this definition that must be restored (and migrated) before this one."},"migrations":{"type":"string","minLength":1,"description":"Folder of Flyway migrations for this database (V1__init.sql, ...), relative to this file."},"checks":{"$ref":"#/definitions/checks","description":"Thresholds that fail the migrate step when this database\'s migrations cross them on the clone\'s data: exclusiveLock (longerThan, rows), rewrite (largerThan)."}}},"checks":{"type":"object","additionalProperties":false,"minProperties":1,"description":"Thresholds that fail the migrate step when this database\'s migrations cross them on the clone\'s data.","properties":{"exclusiveLock":{"type":"object","additionalProperties":false,"required":["longerThan"],"description":"Fail when a migration holds an exclusive lock (PostgreSQL ACCESS EXCLUSIVE, MySQL/MariaDB an exclusive metadata lock) on a table of more than rows rows for longer than longerThan.","properties":{"longerThan":{"type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?\\\\s*(ms|s|m)$","patternErrorMessage":"a duration is a number and ms, s or m (500ms, 2s, 1m)","description":"How long the lock may be held: 500ms, 2s, 1m."},"rows":{"type":"integer","minimum":0,"description":"Only tables of more rows than this count (the server\'s estimate before migrating). Default 0: every table."}}},"rewrite":{"type":"object","additionalProperties":false,"required":["largerThan"],"description":"Fail when a migration rewrites (PostgreSQL) or rebuilds/copies (InnoDB) a table larger than largerThan.","properties":{"largerThan":{"type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?\\\\s*([kKmMgGtT]?[bB])$","patternErrorMessage":"a size is a number and B, kB, MB, GB or TB (units of 1024: 500kB, 100MB, 2GB)","description":"The largest table a migration may rewrite: 500kB, 100MB, 2GB (units of 1024)."}}}}},"script":{"type":["string","object"],"minLength":1,"additionalProperties":false,"required":["script"],"description":"A .sql or .sql.gz script: its path (runs in the maintenance database), or script and the database it runs in.","properties":{"script":{"type":"string","minLength":1,"description":"Path of a .sql or .sql.gz script, relative to this file (or absolute)."},"database":{"type":"string","minLength":1,"description":"The database the script runs in (one of databases). Default: the maintenance database."}}},"maskDatabase":{"type":"object","minProperties":1,"additionalProperties":{"$ref":"#/definitions/maskTable"},"description":"The database\'s tables: table name, then its columns\' rules, or empty to empty the whole table."},"maskTable":{"type":["string","object"],"if":{"type":"string"},"then":{"enum":["empty"],"errorMessage":"a table takes its columns\' rules (column: strategy), or empty to delete every row"},"else":{"minProperties":1,"additionalProperties":{"$ref":"#/definitions/maskColumn"}},"description":"column: rule for each column to mask, or empty to delete every row of the table."},"maskColumn":{"type":["string","object"],"if":{"type":"string"},"then":{"enum":["email","first-name","last-name","full-name","phone","street-address","city","postcode","company","iban","credit-card","ip-address","uuid","date-of-birth","hash","null","value","partial","shuffle","noise","expression"]},"else":{"$ref":"#/definitions/maskRule"},"description":"A strategy name (email, first-name, ...) or { strategy: ..., options }."},"maskRule":{"type":"object","additionalProperties":false,"required":["strategy"],"properties":{"strategy":{"type":"string","enum":["email","first-name","last-name","full-name","phone","street-address","city","postcode","company","iban","credit-card","ip-address","uuid","date-of-birth","hash","null","value","partial","shuffle","noise","expression"],"description":"The strategy: email, first-name, last-name, full-name, phone, street-address, city, postcode, company, iban, credit-card, ip-address, uuid, date-of-birth, hash, null, value, partial, shuffle, noise, expression."},"unique":{"type":"boolean","description":"The column must stay unique: the fake carries a suffix derived from the keyed hash (email, iban, uuid, hash, shuffle, expression can; the others cannot)."},"keepNulls":{"type":"boolean","description":"NULL stays NULL (default true); false masks NULLs too."},"min":{"type":"string","pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}$","patternErrorMessage":"a date is YYYY-MM-DD","description":"date-of-birth: the earliest date (default 1940-01-01)."},"max":{"type":"string","pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}$","patternErrorMessage":"a date is YYYY-MM-DD","description":"date-of-birth: the latest date (default 2005-12-31)."},"value":{"type":["string","number","boolean"],"description":"value: the constant every row gets."},"keepFirst":{"type":"integer","minimum":0,"description":"partial: characters kept at the start; the others become X."},"keepLast":{"type":"integer","minimum":0,"description":"partial: characters kept at the end; the others become X."},"amount":{"type":"number","exclusiveMinimum":0,"description":"noise on a number: the value moves by at most this much, up or down."},"days":{"type":"integer","minimum":1,"description":"noise on a date: the date moves by at most this many days, earlier or later."},"sql":{"type":"string","minLength":1,"description":"expression: the engine\'s SQL computing the new value, using the column\'s name for the original."}},"description":"A column\'s rule: strategy and its options."}}}');
;// CONCATENATED MODULE: ./src/definition/schema.ts
// The JSON Schema of an image definition is schema/dataclone.schema.json: the file editors read
// for help on hover and the loader validates with. Importing it (rather than reading it at run
// time) lets ncc put it in the bundle.

const imageDefinitionSchema = dataclone_schema_namespaceObject;


/***/ }),

/***/ 54768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ sharesDockerNetwork)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Whether this process is in the Docker daemon's network namespace, so that a port a host-network
 * container listens on is a port of this machine: compared where dockerd's namespace can be read;
 * where it cannot (dataclone runs as a user in the docker group), true unless this process runs in
 * a container (a CI job container with the Docker socket mounted, say), and false where no dockerd
 * is to be seen at all.
 */
function sharesDockerNetwork(proc = '/proc') {
    const own = readLink(`${proc}/self/ns/net`);
    let daemonSeen = false;
    for (const pid of node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(proc)) {
        if (!/^\d+$/.test(pid) || readText(`${proc}/${pid}/comm`) !== 'dockerd')
            continue;
        daemonSeen = true;
        const daemon = readLink(`${proc}/${pid}/ns/net`);
        if (own && daemon)
            return own === daemon;
    }
    if (!daemonSeen)
        return false;
    return !node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync('/.dockerenv') && !node_fs__WEBPACK_IMPORTED_MODULE_0___default().existsSync('/run/.containerenv');
}
function readLink(file) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_0___default().readlinkSync(file);
    }
    catch {
        return undefined;
    }
}
function readText(file) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(file, 'utf8').trim();
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 8925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   In: () => (/* binding */ ENGINE_PRODUCTS),
/* harmony export */   X8: () => (/* binding */ describeServer),
/* harmony export */   o1: () => (/* binding */ isOfVersion),
/* harmony export */   uO: () => (/* binding */ declaredServerVersion),
/* harmony export */   xA: () => (/* binding */ parseServerVersion)
/* harmony export */ });
/**
 * Which server an image runs, and whether that is the major version a definition or a data
 * image's label names. A data directory starts only under the major version that wrote it (and
 * what differs between versions is chosen from the label), so a definition's `version` must be
 * the base image's, and a data image must run the server its label names.
 */
/** The product that runs a dataclone engine's instances. */
const ENGINE_PRODUCTS = {
    postgres: 'PostgreSQL',
    mariadb: 'MariaDB',
    mysql: 'MySQL',
};
/**
 * What a server binary prints for `--version`: `postgres (PostgreSQL) 15.10 (Debian ...)`,
 * `mariadbd  Ver 11.8.2-MariaDB-ubu2404 for debian-linux-gnu`, `mysqld  Ver 10.11.6-MariaDB-0+deb12u1`
 * (MariaDB's older name), `mysqld  Ver 9.7.0 for Linux on x86_64 (MySQL Community Server - GPL)`.
 */
function parseServerVersion(text) {
    const version = /\b(\d+\.\d+(?:\.\d+)?)/.exec(text)?.[1];
    if (!version)
        return undefined;
    if (/PostgreSQL/.test(text))
        return { product: 'PostgreSQL', version };
    if (/MariaDB/i.test(text))
        return { product: 'MariaDB', version };
    if (/mysqld|MySQL/.test(text))
        return { product: 'MySQL', version };
    return undefined;
}
/**
 * The server version an image's environment declares, as the official images set it
 * (PG_MAJOR, or the server's folder on PATH; MARIADB_VERSION; MYSQL_VERSION or MYSQL_MAJOR;
 * images built FROM them inherit it); undefined when it declares none.
 */
function declaredServerVersion(engine, env) {
    const numeric = (value) => 
    // MARIADB_VERSION=1:11.8.2+maria~ubu2404, MYSQL_VERSION=9.1.0-1.el9, MYSQL_MAJOR=innovation.
    value ? /^(?:\d+:)?(\d+(?:\.\d+)*)/.exec(value)?.[1] : undefined;
    const version = engine === 'postgres'
        ? (numeric(env.PG_MAJOR) ?? /\/usr\/lib\/postgresql\/(\d+)\/bin/.exec(env.PATH ?? '')?.[1])
        : engine === 'mariadb'
            ? (numeric(env.MARIADB_VERSION) ?? numeric(env.MARIADB_MAJOR))
            : engine === 'mysql'
                ? (numeric(env.MYSQL_VERSION) ?? numeric(env.MYSQL_MAJOR))
                : undefined;
    const product = ENGINE_PRODUCTS[engine];
    return version && product ? { product, version } : undefined;
}
/** Whether a server of `server`'s version is of the major version `version` (e.g. "15", "11.8", "9"). */
function isOfVersion(server, version) {
    return (server.version === version ||
        server.version.startsWith(`${version}.`) ||
        version.startsWith(`${server.version}.`));
}
/** `PostgreSQL 15.10` */
function describeServer(server) {
    return `${server.product} ${server.version}`;
}


/***/ }),

/***/ 88560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ readDataImage)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _definition_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(22062);
/* harmony import */ var _docker_labels_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20065);
/* harmony import */ var _engines_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56599);
/* harmony import */ var _engines_server_version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8925);





/** Reads a data image by tag or ID; fails with a clear error if it is missing or not a data image. */
async function readDataImage(host, reference, field = '--image') {
    const image = await host.inspectImage(reference);
    if (!image) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`${field}: data image '${reference}' was not found on ${host.description}`, 'Build it with `dataclone image build -f dataclone.yaml --tag <tag>`, or pull it with `docker pull`. `docker images` lists what is there.');
    }
    const labels = image.labels;
    if (!labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.engine]) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`${field}: '${reference}' is not a data image (it has no ${_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.engine} label)`, 'Clones start from images made by `dataclone image build`.');
    }
    // An image may come from anywhere (a registry, a crafted `docker commit`), and what its labels
    // say reaches SQL, URLs and test commands: they are held to the rules of a definition.
    const check = new LabelCheck(reference, field, labels);
    const engine = check.engine();
    const databases = check.databases();
    check.port(engine.port);
    return {
        reference,
        id: image.id,
        engine: engine.name,
        engineVersion: check.matching(_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.engineVersion, VERSION, 'a version such as 16 or 11.4'),
        definitionName: check.matching(_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.definitionName, DEFINITION_NAME, DEFINITION_NAME_RULE),
        definitionDigest: check.matching(_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.definitionDigest, DIGEST, 'a hexadecimal digest'),
        databases,
        primaryDatabase: check.primaryDatabase(databases),
        superuser: check.matching(_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.superuser, DATABASE_NAME, DATABASE_NAME_RULE),
        built: labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.built] ?? '',
        ...check.connectsToItself(),
        server: (0,_engines_server_version_js__WEBPACK_IMPORTED_MODULE_4__/* .declaredServerVersion */ .uO)(engine.name, image.env ?? {}),
        volumes: image.volumes,
        sizeBytes: image.sizeBytes,
        labels,
    };
}
const databaseName = _definition_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .imageDefinitionSchema */ .y.definitions.database.properties.name;
/** A database name, by the rule the definition schema gives: letters, digits and _. */
const DATABASE_NAME = new RegExp(databaseName.pattern);
const DATABASE_NAME_RULE = `${databaseName.patternErrorMessage}, at most ${databaseName.maxLength} characters`;
const DEFINITION_NAME = new RegExp(_definition_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .imageDefinitionSchema */ .y.properties.name.pattern);
const DEFINITION_NAME_RULE = _definition_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .imageDefinitionSchema */ .y.properties.name.patternErrorMessage;
const VERSION = /^[0-9]+(\.[0-9]+)*$/;
const DIGEST = /^(sha256:)?[0-9a-f]+$/;
const MAX_NAME = databaseName.maxLength;
/** Reads one image's labels, failing on the first one that breaks its rule. */
class LabelCheck {
    reference;
    field;
    labels;
    constructor(reference, field, labels) {
        this.reference = reference;
        this.field = field;
        this.labels = labels;
    }
    engine() {
        const name = this.labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.engine] ?? '';
        try {
            return (0,_engines_index_js__WEBPACK_IMPORTED_MODULE_3__/* .engineFor */ .E)(name);
        }
        catch {
            throw this.invalid(_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.engine, 'postgres, mysql or mariadb');
        }
    }
    /** The server's port inside the container, where the image says: the engine's own. */
    port(enginePort) {
        const value = this.labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.port];
        if (value !== undefined && value !== String(enginePort))
            throw this.invalid(_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.port, `${enginePort}, the port of ${this.labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.engine]}`);
    }
    /** An optional label: empty when missing, else it must match. */
    matching(label, rule, expected) {
        const value = this.labels[label] ?? '';
        if (value === '' || (rule.test(value) && value.length <= 128))
            return value;
        throw this.invalid(label, expected);
    }
    databases() {
        const text = this.labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.databases];
        if (text === undefined)
            return [];
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch {
            throw this.invalid(_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.databases, 'a JSON list of {"name", "dependsOn"}');
        }
        if (!Array.isArray(parsed))
            throw this.invalid(_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.databases, 'a JSON list of {"name", "dependsOn"}');
        const databases = parsed.map((entry) => {
            const { name, dependsOn = [] } = (entry ?? {});
            if (!isDatabaseName(name))
                throw this.invalid(_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.databases, `database names: ${DATABASE_NAME_RULE}`);
            if (!Array.isArray(dependsOn) || !dependsOn.every(isDatabaseName))
                throw this.invalid(_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.databases, `dependsOn lists of database names: ${DATABASE_NAME_RULE}`);
            return { name, dependsOn };
        });
        const names = databases.map((db) => db.name);
        if (new Set(names).size !== names.length)
            throw this.invalid(_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.databases, 'each database once');
        if (!databases.every((db) => db.dependsOn.every((dependency) => names.includes(dependency))))
            throw this.invalid(_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.databases, 'dependsOn naming databases of the image');
        return databases;
    }
    primaryDatabase(databases) {
        const primary = this.labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.primaryDatabase] ?? '';
        const names = databases.map((db) => db.name);
        if (primary === '' || names.includes(primary))
            return primary;
        throw this.invalid(_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.primaryDatabase, `one of the databases in ${_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.databases}: ${names.join(', ') || '(none)'}`);
    }
    connectsToItself() {
        const value = this.labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.connectsToItself];
        if (value === undefined)
            return {};
        if (value === 'true' || value === 'false')
            return { connectsToItself: value === 'true' };
        throw this.invalid(_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.connectsToItself, 'true or false');
    }
    invalid(label, expected) {
        const value = this.labels[label] ?? '';
        const shown = value.length > 80 ? `${value.slice(0, 80)}...` : value;
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`${this.field}: image '${this.reference}' has an invalid ${label} label ${JSON.stringify(shown)}: expected ${expected}`, 'dataclone starts clones only from images whose labels follow the rules of an image definition. Rebuild the image with `dataclone image build`, or use an image from a source you trust.');
    }
}
function isDatabaseName(name) {
    return typeof name === 'string' && name.length <= MAX_NAME && DATABASE_NAME.test(name);
}


/***/ }),

/***/ 74515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ checkImageServer),
/* harmony export */   k: () => (/* binding */ checkBaseImageServer)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _definition_engine_versions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83041);
/* harmony import */ var _engines_server_version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8925);



/**
 * Refuses a build whose base image runs another server than the definition names: its data
 * would be made by one major version and labelled as another, and every clone would run with
 * the other version's settings. Asked of the server binary itself, before any data is made.
 */
async function checkBaseImageServer(shell, engine, definition, reporter) {
    const output = await shell.run(engine.serverVersionCommand(), { label: 'server version' });
    const server = (0,_engines_server_version_js__WEBPACK_IMPORTED_MODULE_2__/* .parseServerVersion */ .xA)(output);
    if (!server) {
        reporter.warn(`${definition.file}: cannot tell which server baseImage ${definition.baseImage} runs (its server said: ${output.trim() || 'nothing'}); the build goes on as version "${definition.version}"`);
        return;
    }
    const problem = mismatch(definition.engine, definition.version, server);
    if (!problem)
        return;
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`${definition.file}: ${problem.field} names ${problem.named}, and baseImage ${definition.baseImage} runs ${(0,_engines_server_version_js__WEBPACK_IMPORTED_MODULE_2__/* .describeServer */ .X8)(server)}`, `A data directory starts only under the server that made it. Set ${problem.fix}, or a baseImage of ${problem.named} (such as ${(0,_definition_engine_versions_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultBaseImage */ .qS)(definition.engine, definition.version)}).`);
}
/**
 * Refuses to start a clone of a data image whose own server (as its environment declares it,
 * inherited from the base image) is of another major version than the label its data was built
 * for: a data image rebuilt on another base, or a label changed by hand.
 */
function checkImageServer(reference, image) {
    if (!image.server)
        return;
    const problem = mismatch(image.engine, image.engineVersion, image.server);
    if (!problem)
        return;
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`image ${reference}: its data was made by ${problem.named} (label dataclone.engine.version), and the image runs ${(0,_engines_server_version_js__WEBPACK_IMPORTED_MODULE_2__/* .describeServer */ .X8)(image.server)}`, `A data directory starts only under the major version that made it. Build the image again from its definition (dataclone image build) on a base image of ${problem.named}, or with version: "${majorOf(image.server)}" if ${(0,_engines_server_version_js__WEBPACK_IMPORTED_MODULE_2__/* .describeServer */ .X8)(image.server)} is the server you want.`);
}
function mismatch(engine, version, server) {
    const product = _engines_server_version_js__WEBPACK_IMPORTED_MODULE_2__/* .ENGINE_PRODUCTS */ .In[engine] ?? engine;
    const named = `${product} ${version}`;
    if (server.product !== product)
        return { field: 'engine', named, fix: `engine: ${engineOf(server)} (version: "${majorOf(server)}")` };
    if (!(0,_engines_server_version_js__WEBPACK_IMPORTED_MODULE_2__/* .isOfVersion */ .o1)(server, version))
        return { field: 'version', named, fix: `version: "${majorOf(server)}"` };
    return undefined;
}
/** The major version as definitions write it: 17 for PostgreSQL, 11.8 for MariaDB and MySQL. */
function majorOf(server) {
    const parts = server.version.split('.');
    return server.product === 'PostgreSQL' ? parts[0] : parts.slice(0, 2).join('.');
}
function engineOf(server) {
    return Object.entries(_engines_server_version_js__WEBPACK_IMPORTED_MODULE_2__/* .ENGINE_PRODUCTS */ .In).find(([, product]) => product === server.product)?.[0] ?? '';
}


/***/ })

};
