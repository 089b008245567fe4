export const id = 347;
export const ids = [347];
export const modules = {

/***/ 8347:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  doctorCommand: () => (/* binding */ doctorCommand)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/core/reporter.ts
/** A reporter that drops everything: for library use and tests that do not look at logs. */
const silentReporter = {
    info() { },
    warn() { },
    debug() { },
    group: (_title, work) => work(),
    progress() { },
    maskSecret() { },
};

// EXTERNAL MODULE: ./src/docker/host-facts.ts
var host_facts = __webpack_require__(55398);
// EXTERNAL MODULE: ./src/flyway/run-flyway-container.ts
var run_flyway_container = __webpack_require__(30632);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/doctor/check.ts
/** The README section that explains storage for cheap first writes. */
const STORAGE_README_SECTION = 'README "Fast copy-on-write storage"';
const GIB = 1024 ** 3;
/** Bytes as GiB with one decimal: the unit the doctor's thresholds are given in. */
function gib(bytes) {
    return `${(bytes / GIB).toFixed(1)} GiB`;
}
function gibibytes(count) {
    return count * GIB;
}
/** Names joined with commas, the first `max` of them and how many more there are. */
function listNames(names, max = 5) {
    if (names.length <= max)
        return names.join(', ');
    return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

;// CONCATENATED MODULE: ./src/doctor/disk-space-check.ts



/** Below this a build or a few clones' first writes may run out of room. */
const WARN_BELOW_BYTES = gibibytes(10);
/** Below this even a small data image may not fit. */
const FAIL_BELOW_BYTES = gibibytes(2);
/** Free space where Docker keeps images and clones; it can only be read on the engine's machine. */
async function checkDiskSpace(rootDir, local) {
    const onHost = `check the free space there (df -h ${rootDir}); dataclone wants ${gib(WARN_BELOW_BYTES)} or more.`;
    if (!local)
        return {
            name: 'disk',
            status: 'warn',
            finding: 'not checked: Docker runs on another machine',
            hint: `On the Docker host, ${onHost}`,
        };
    try {
        const stats = await (0,promises_.statfs)(rootDir);
        return classifyFreeSpace({
            path: rootDir,
            freeBytes: stats.bavail * stats.bsize,
            totalBytes: stats.blocks * stats.bsize,
        });
    }
    catch (error) {
        return {
            name: 'disk',
            status: 'warn',
            finding: `could not read the free space under ${rootDir || "Docker's root dir"}: ${(0,errors/* describeError */.Uc)(error).message}`,
            hint: `If dataclone runs in a container, ${onHost}`,
        };
    }
}
/** fail under 2 GiB free, warn under 10 GiB, else ok. */
function classifyFreeSpace(space) {
    const { path, freeBytes, totalBytes } = space;
    const free = `${gib(freeBytes)} free of ${gib(totalBytes)} under ${path}`;
    const makeRoom = `Remove images and clones you no longer need (dataclone image list, dataclone clone list), or give Docker a bigger disk.`;
    if (freeBytes < FAIL_BELOW_BYTES)
        return {
            name: 'disk',
            status: 'fail',
            finding: `${free}: too little to build or clone`,
            hint: makeRoom,
            details: space,
        };
    if (freeBytes < WARN_BELOW_BYTES)
        return {
            name: 'disk',
            status: 'warn',
            finding: `${free}: a larger image or many first writes may not fit`,
            hint: makeRoom,
            details: space,
        };
    return { name: 'disk', status: 'ok', finding: free, details: space };
}

;// CONCATENATED MODULE: ./src/doctor/docker-engine-check.ts


/** The engine answered: what it runs on, and whether it runs the Linux containers dataclone needs. */
function classifyEngine(facts) {
    const { serverVersion, operatingSystem, osType, architecture, cpus, memoryBytes } = facts;
    const details = { serverVersion, operatingSystem, osType, architecture, cpus, memoryBytes };
    const finding = `Docker ${serverVersion}, ${operatingSystem || 'unknown OS'}, ${architecture}, ${cpus} CPUs, ${gib(memoryBytes)} memory`;
    if (osType && osType !== 'linux') {
        return {
            name: 'docker',
            status: 'fail',
            finding: `${finding}: it runs ${osType} containers`,
            hint: 'dataclone needs Linux containers: switch Docker Desktop to Linux containers, or point DOCKER_HOST at a Linux Docker Engine.',
            details,
        };
    }
    return { name: 'docker', status: 'ok', finding, details };
}
/** The engine did not answer: the error's own message and hint say where and what to do. */
function engineUnreachable(error) {
    const { message, hint } = (0,errors/* describeError */.Uc)(error);
    return {
        name: 'docker',
        status: 'fail',
        finding: message,
        hint: hint ?? 'Start Docker, or point DOCKER_HOST at a running Docker Engine.',
    };
}

// EXTERNAL MODULE: ./src/flyway/find-flyway.ts
var find_flyway = __webpack_require__(60166);
;// CONCATENATED MODULE: ./src/doctor/flyway-check.ts


/** Which Flyway `dataclone migrate` would use here, without --flyway. */
async function checkFlyway(env, imagePresent) {
    return classifyFlyway({ executable: await (0,find_flyway/* findFlyway */.e)(undefined, env), imagePresent });
}
/** ok with a Flyway command line on PATH; warn when migrations would run in a container instead. */
function classifyFlyway(found) {
    const details = {
        executable: found.executable ?? null,
        image: run_flyway_container/* FLYWAY_IMAGE */.x,
        imagePresent: found.imagePresent ?? null,
    };
    if (found.executable)
        return { name: 'flyway', status: 'ok', finding: `flyway on PATH: ${found.executable}`, details };
    const image = found.imagePresent === undefined
        ? run_flyway_container/* FLYWAY_IMAGE */.x
        : `${run_flyway_container/* FLYWAY_IMAGE */.x} (${found.imagePresent ? 'present here' : 'pulled on first use'})`;
    return {
        name: 'flyway',
        status: 'warn',
        finding: `flyway is not on PATH: migrate will run the official Flyway image ${image}`,
        hint: 'To migrate without a container, install the Flyway command line and put it on PATH, or pass --flyway <path>.',
        details,
    };
}

// EXTERNAL MODULE: ./src/definition/engine-versions.ts
var engine_versions = __webpack_require__(83041);
// EXTERNAL MODULE: ./src/docker/labels.ts
var labels = __webpack_require__(20065);
;// CONCATENATED MODULE: ./src/doctor/images-check.ts



/** The official image of each engine: the repository a definition's default base image is in. */
const BASE_REPOSITORIES = new Set(Object.keys(engine_versions/* KNOWN_VERSIONS */.AX));
/**
 * Which data images and official base images the engine has. Which base image a definition will
 * want is not knowable here, so any one of them is enough for ok; a build pulls the one it needs.
 */
function classifyImages(images) {
    const isDataImage = (image) => image.labels[labels/* Labels */.gC.engine] !== undefined;
    const built = images.filter(isDataImage);
    const dataImages = built.flatMap((image) => image.tags).sort();
    const untaggedDataImages = built.filter((image) => image.tags.length === 0).length;
    const baseImages = images
        .filter((image) => !isDataImage(image))
        .flatMap((image) => image.tags.map(officialName))
        .filter((tag) => tag !== undefined)
        .sort();
    const details = { dataImages, untaggedDataImages, baseImages };
    const untagged = untaggedDataImages > 0 ? ` (and ${untaggedDataImages} untagged)` : '';
    const data = `data images: ${dataImages.length > 0 ? listNames(dataImages) : 'none yet'}${untagged}`;
    if (baseImages.length === 0)
        return {
            name: 'images',
            status: 'warn',
            finding: `no ${[...BASE_REPOSITORIES].join(', ')} base image; ${data}`,
            hint: 'A build pulls the base image it needs; to have one ready: docker pull postgres:15 (or mariadb:10.11, mysql:8.4), or in a dataclone checkout on Debian: bash scripts/test-bed.sh.',
            details,
        };
    return { name: 'images', status: 'ok', finding: `base images: ${listNames(baseImages)}; ${data}`, details };
}
/** `postgres:15` for postgres:15, docker.io/postgres:15 and docker.io/library/postgres:15; else undefined. */
function officialName(tag) {
    const name = tag.replace(/^docker\.io\//, '').replace(/^library\//, '');
    const repository = name.split(':')[0] ?? '';
    return BASE_REPOSITORIES.has(repository) ? name : undefined;
}

// EXTERNAL MODULE: ./src/core/find-on-path.ts
var find_on_path = __webpack_require__(4806);
;// CONCATENATED MODULE: ./src/doctor/pull-check.ts

/**
 * Whether a pull here decompresses layers with unpigz (Debian's pigz package): Docker Engine
 * uses it when it finds it on its PATH, else Go's gzip, which takes about twice as long for a
 * data layer. Only a local engine can be looked at: its PATH holds the folders this one does.
 */
async function checkPull(local, env) {
    if (!local)
        return {
            name: 'pull',
            status: 'ok',
            finding: 'not checked: Docker runs on another machine (pulls there are twice as fast with pigz installed)',
        };
    return classifyPull(await (0,find_on_path/* findOnPath */.a)('unpigz', env));
}
function classifyPull(unpigz) {
    const details = { unpigz: unpigz ?? null };
    if (unpigz)
        return { name: 'pull', status: 'ok', finding: `pulls decompress layers with ${unpigz}`, details };
    return {
        name: 'pull',
        status: 'warn',
        finding: 'no unpigz: pulls decompress layers with Go gzip, about twice as slow (a 1.2 GB data layer: 22 s instead of 12 s on 2 cores)',
        hint: 'Install pigz on the Docker host (apt-get install pigz, dnf install pigz, apk add pigz); the engine uses it from its next pull, no restart needed.',
        details,
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/doctor/xfs-reflink.ts



// xfs_info lives in /usr/sbin, which is not on an ordinary user's PATH on Debian.
const XFS_INFO = ['xfs_info', '/usr/sbin/xfs_info', '/sbin/xfs_info'];
/** Runs xfs_info on the filesystem `dir` is on and reads its reflink flag; never throws. */
async function probeXfsReflink(dir) {
    let mountPoint;
    try {
        mountPoint = await mountPointOf(dir);
    }
    catch (error) {
        return { enabled: undefined, reason: `${dir} is not visible here: ${error.message}` };
    }
    for (const command of XFS_INFO) {
        const result = await run(command, [mountPoint]);
        if (result.missing)
            continue;
        const invocation = `${external_node_path_default().basename(command)} ${mountPoint}`;
        if (result.error)
            return { enabled: undefined, reason: `${invocation} failed: ${result.error}` };
        const enabled = parseXfsReflink(result.stdout);
        return enabled === undefined
            ? { enabled: undefined, reason: `${invocation} printed no reflink flag` }
            : { enabled };
    }
    return { enabled: undefined, reason: 'xfs_info is not installed (it comes with xfsprogs)' };
}
/** The `reflink=0|1` flag of xfs_info's output; undefined when xfsprogs is too old to print it. */
function parseXfsReflink(output) {
    const flag = /\breflink=([01])\b/.exec(output)?.[1];
    return flag === undefined ? undefined : flag === '1';
}
/**
 * The mount point of the filesystem holding `dir`: xfs_info reads a mount point, a device or an
 * image file, not any directory on the filesystem.
 */
async function mountPointOf(dir) {
    let current = external_node_path_default().resolve(dir);
    const device = (await (0,promises_.stat)(current)).dev;
    while (current !== external_node_path_default().dirname(current)) {
        const parent = external_node_path_default().dirname(current);
        if ((await (0,promises_.stat)(parent)).dev !== device)
            return current;
        current = parent;
    }
    return current;
}
async function run(command, args) {
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)(command, args, { timeout: 5000 }, (error, stdout, stderr) => {
            if (!error)
                return resolve({ stdout });
            if (error.code === 'ENOENT')
                return resolve({ stdout, missing: true });
            resolve({ stdout, error: firstLine(stderr) || error.message });
        });
    });
}
function firstLine(text) {
    return text.trim().split('\n')[0] ?? '';
}

;// CONCATENATED MODULE: ./src/doctor/storage-check.ts


/** Drivers that keep a clone's changes as whole files in an upper directory (OverlayFS). */
const OVERLAY_DRIVERS = new Set(['overlay2', 'overlay', 'overlayfs']);
const COPY_UP_COST = "a clone's first write to a table copies the table's files";
/**
 * How expensive a clone's first write to a table is with this storage. reflink on XFS can only
 * be read on the engine's own machine, so `local` says whether to try.
 */
async function checkStorage(facts, local) {
    return classifyStorage({
        driver: facts.storageDriver,
        backingFilesystem: facts.backingFilesystem,
        rootDir: facts.rootDir,
        reflink: await readReflink(facts, local),
    });
}
/** ok when a first write shares blocks (btrfs, zfs, XFS with reflink), warn when it copies files. */
function classifyStorage(storage) {
    const { driver, backingFilesystem, rootDir, reflink } = storage;
    const details = {
        driver,
        backingFilesystem: backingFilesystem ?? null,
        rootDir,
        reflink: reflink?.enabled ?? null,
    };
    const check = (status, finding, hint) => hint
        ? { name: 'storage', status, finding, hint, details }
        : { name: 'storage', status, finding, details };
    const seeReadme = `see ${STORAGE_README_SECTION}`;
    if (driver === 'btrfs' || driver === 'zfs')
        return check('ok', `${driver}: clones share the image's blocks, a write copies only the blocks it changes`);
    if (driver === 'vfs')
        return check('warn', 'vfs: every clone starts as a full copy of the image', `Run Docker with overlay2 on XFS with reflink, or on btrfs: ${seeReadme}.`);
    if (!OVERLAY_DRIVERS.has(driver))
        return check('warn', `${driver || 'an unknown storage driver'}: not one dataclone knows; a first write may copy whole files`, `overlay2 on XFS with reflink, or btrfs, make first writes cheap: ${seeReadme}.`);
    const on = `${driver} on ${backingFilesystem ?? 'a filesystem Docker does not report'}`;
    if (backingFilesystem === 'btrfs')
        return check('ok', `${on}: a first write clones a file's blocks (reflink) instead of copying them`);
    if (backingFilesystem !== 'xfs')
        return check('warn', `${on}: ${COPY_UP_COST}`, `First writes are cheap when ${rootDir} is on XFS with reflink or on btrfs: ${seeReadme}.`);
    if (reflink?.enabled === true)
        return check('ok', `${on} with reflink=1: a first write clones a file's blocks instead of copying them`);
    if (reflink?.enabled === false)
        return check('warn', `${on} without reflink (reflink=0): ${COPY_UP_COST}`, `reflink is chosen when the filesystem is made: put ${rootDir} on one made with mkfs.xfs -m reflink=1; ${seeReadme}.`);
    const why = reflink && 'reason' in reflink ? reflink.reason : 'not probed';
    return check('warn', `${on}; reflink could not be checked (${why})`, `On the Docker host, xfs_info ${rootDir} should show reflink=1; ${seeReadme}.`);
}
/** reflink matters only where overlay copies files up on XFS. */
async function readReflink(facts, local) {
    if (!OVERLAY_DRIVERS.has(facts.storageDriver) || facts.backingFilesystem !== 'xfs')
        return undefined;
    if (!local)
        return { enabled: undefined, reason: 'Docker runs on another machine' };
    return probeXfsReflink(facts.rootDir);
}

;// CONCATENATED MODULE: ./src/doctor/networking-check.ts
/**
 * Whether clones here could use host networking (faster starts and resets). Informational: bridge
 * networking, the default, works everywhere, so this check is ok either way.
 */
function classifyNetworking(problem) {
    return problem
        ? {
            name: 'networking',
            status: 'ok',
            finding: `clones use bridge networking; host networking is not for this machine: ${problem}`,
            details: { hostNetworking: false },
        }
        : {
            name: 'networking',
            status: 'ok',
            finding: 'host networking available: --networking host (or DATACLONE_NETWORKING=host) starts and resets clones faster; see README "Faster starts: host networking"',
            details: { hostNetworking: true },
        };
}

// EXTERNAL MODULE: ./src/clones/clone-networking.ts
var clone_networking = __webpack_require__(93102);
// EXTERNAL MODULE: ./src/docker/shares-docker-network.ts
var shares_docker_network = __webpack_require__(54768);
;// CONCATENATED MODULE: ./src/doctor/doctor.ts













/** Checks the machine and its Docker Engine before dataclone is used there. Never throws. */
async function runDoctor(options) {
    const { host, reporter = silentReporter, env = process.env, platform = process.platform, sameNetwork = shares_docker_network/* sharesDockerNetwork */.D, } = options;
    const engine = await readEngine(host);
    if (!engine.facts) {
        const checks = [
            engine.check,
            notChecked('storage'),
            notChecked('disk'),
            notChecked('images'),
            await checkFlyway(env),
            notChecked('networking'),
            notChecked('pull'),
        ];
        return { success: false, checks };
    }
    const facts = engine.facts;
    const local = (0,host_facts/* dockerRunsHere */.v7)(facts, env.DOCKER_HOST, platform);
    reporter.debug(`docker info: driver ${facts.storageDriver}, backing filesystem ${facts.backingFilesystem ?? '(none)'}, root dir ${facts.rootDir}; ${local ? 'on this machine' : 'on another machine'}`);
    const images = await listImages(host);
    const flywayImagePresent = Array.isArray(images)
        ? images.some((image) => image.tags.includes(run_flyway_container/* FLYWAY_IMAGE */.x))
        : undefined;
    const [storage, disk, flyway, pull] = await Promise.all([
        checkStorage(facts, local),
        checkDiskSpace(facts.rootDir, local),
        checkFlyway(env, flywayImagePresent),
        checkPull(local, env),
    ]);
    const checks = [
        engine.check,
        storage,
        disk,
        Array.isArray(images) ? classifyImages(images) : couldNotList(images),
        flyway,
        classifyNetworking((0,clone_networking/* hostNetworkingProblem */.gh)(facts, env.DOCKER_HOST, platform, sameNetwork)),
        pull,
    ];
    return { success: !checks.some((check) => check.status === 'fail'), checks };
}
async function readEngine(host) {
    try {
        await host.ping();
        const facts = await (0,host_facts/* readHostFacts */.ah)(host.docker);
        return { check: classifyEngine(facts), facts };
    }
    catch (error) {
        return { check: engineUnreachable(error) };
    }
}
async function listImages(host) {
    try {
        return await host.listImages({});
    }
    catch (error) {
        return { error };
    }
}
function notChecked(name) {
    return {
        name,
        status: 'warn',
        finding: 'not checked: the Docker Engine did not answer',
        hint: 'Get the docker check to ok first.',
    };
}
function couldNotList({ error }) {
    return {
        name: 'images',
        status: 'warn',
        finding: `could not list the images: ${(0,errors/* describeError */.Uc)(error).message}`,
        hint: 'Check that docker images works against the same Docker Engine, then run dataclone doctor again.',
    };
}

// EXTERNAL MODULE: ./src/cli/table.ts
var table = __webpack_require__(82170);
;// CONCATENATED MODULE: ./src/cli/commands/doctor-command.ts


const doctorCommand = {
    words: ['doctor'],
    summary: 'Check this machine and its Docker Engine before using dataclone',
    usage: 'dataclone doctor [--json]',
    options: {},
    async run(_input, { host, reporter, print, json }) {
        const report = await runDoctor({ host, reporter });
        if (json)
            print(JSON.stringify(report, null, 2));
        else
            print((0,table/* formatTable */.k)(['CHECK', 'STATUS', 'FINDING', 'WHAT TO DO'], report.checks.map((check) => [check.name, check.status, check.finding, check.hint ?? ''])));
        return report.success ? 0 : 1;
    },
};


/***/ }),

/***/ 82170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ formatTable)
/* harmony export */ });
/** A plain-text table with a header row and columns padded to their widest cell. */
function formatTable(header, rows) {
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
    const line = (cells) => cells
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd();
    return [line(header), ...rows.map(line)].join('\n');
}


/***/ }),

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

/***/ 4806:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ findOnPath)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The first executable called `name` in the folders of PATH, else undefined. */
async function findOnPath(name, env = process.env) {
    for (const folder of (env.PATH ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_1___default().delimiter)).filter(Boolean)) {
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(folder, name);
        if (await isExecutable(candidate))
            return candidate;
    }
    return undefined;
}
async function isExecutable(file) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(file, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 38640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ randomSuffix),
/* harmony export */   t: () => (/* binding */ randomPassword)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/**
 * A password of letters and digits only: safe in URLs, JDBC properties, shell words and SQL
 * string literals without quoting. 32 characters give about 190 bits.
 */
function randomPassword(length = 32) {
    let password = '';
    for (let i = 0; i < length; i++)
        password += ALPHANUMERIC[(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomInt)(ALPHANUMERIC.length)];
    return password;
}
/** A short lowercase suffix for names: `shop-4f9c2a`. */
function randomSuffix(bytes = 3) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(bytes).toString('hex');
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

/***/ 60166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ findFlyway)
/* harmony export */ });
/* harmony import */ var _core_find_on_path_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4806);

/** The Flyway executable to run: the one given, else `flyway` on PATH, else undefined. */
async function findFlyway(given, env = process.env) {
    return given || (0,_core_find_on_path_js__WEBPACK_IMPORTED_MODULE_0__/* .findOnPath */ .a)('flyway', env);
}


/***/ }),

/***/ 69553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ flywayInvocation)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);

const REFUSED_FLAGS = /^-(url|user|password)=/i;
/**
 * The command line and environment of one `flyway migrate`. Connection details travel in
 * Flyway's environment variables, which the command line overrides, so the user's config files
 * cannot point a migration at another database, and the password is never on a command line.
 */
function flywayInvocation(target, settings) {
    const extra = settings.extraArgs ?? [];
    const refused = extra.find((arg) => REFUSED_FLAGS.test(arg));
    if (refused) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`flyway arguments: '${refused.split('=')[0]}' cannot be given: dataclone connects Flyway to each clone itself`, 'Remove it; the url, user and password of every clone reach Flyway through its environment.');
    }
    checkConfigFiles(settings.configFiles ?? []);
    const args = [
        '-outputType=json',
        '-outputLogsInJson=true',
        '-skipCheckForUpdate',
        `-url=${target.jdbcUrl}`,
        `-user=${target.user}`,
    ];
    if (target.locations.length)
        args.push(`-locations=${target.locations.map((folder) => `filesystem:${folder}`).join(',')}`);
    if (settings.configFiles?.length)
        args.push(`-configFiles=${settings.configFiles.join(',')}`);
    if (settings.workingDirectory)
        args.push(`-workingDirectory=${settings.workingDirectory}`);
    if (settings.baselineOnMigrate ?? true)
        args.push('-baselineOnMigrate=true');
    for (const [key, value] of Object.entries(settings.placeholders ?? {}))
        args.push(`-placeholders.${key}=${value}`);
    args.push(...extra, 'migrate');
    return { args, env: { FLYWAY_PASSWORD: target.password } };
}
function checkConfigFiles(files) {
    const kinds = new Set(files.map((file) => (file.endsWith('.toml') ? 'toml' : 'conf')));
    if (kinds.size > 1) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`flyway config files: ${files.join(', ')} mix flyway.toml and flyway.conf files, which Flyway refuses`, 'Give files of one kind: Flyway 10 and later read flyway.toml.');
    }
}


/***/ }),

/***/ 30632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ runFlywayInContainer),
/* harmony export */   x: () => (/* binding */ FLYWAY_IMAGE)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_random_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38640);
/* harmony import */ var _docker_labels_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20065);
/* harmony import */ var _images_ensure_image_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(21086);
/* harmony import */ var _flyway_invocation_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(69553);
/* harmony import */ var _run_flyway_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(18053);






const FLYWAY_IMAGE = 'redgate/flyway:latest';
/**
 * Runs `flyway migrate` in the official Flyway image when no Flyway CLI is installed: in the
 * clone's own network namespace (so it reaches the server on localhost, whatever network the
 * clone is on), with the migration folders and config files mounted read-only.
 */
async function runFlywayInContainer(host, clone, target, settings, reporter, image = FLYWAY_IMAGE) {
    reporter.maskSecret(target.password);
    await (0,_images_ensure_image_js__WEBPACK_IMPORTED_MODULE_3__/* .ensureImage */ .Y)(host, image, reporter, 'flyway image');
    const binds = [];
    const mount = (hostPath, folder) => {
        const inside = `/flyway/dataclone/${folder}/${binds.length}${node_path__WEBPACK_IMPORTED_MODULE_0___default().extname(hostPath)}`;
        binds.push(`${node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(hostPath)}:${inside}:ro`);
        return inside;
    };
    const inContainer = {
        ...target,
        jdbcUrl: target.jdbcUrl.replace(/\/\/[^/]+\//, `//localhost:${clone.serverPort}/`),
        locations: target.locations.map((folder) => mount(folder, 'locations')),
    };
    const containerSettings = {
        ...settings,
        configFiles: settings.configFiles?.map((file) => mount(file, 'conf')),
        workingDirectory: settings.workingDirectory ? mount(settings.workingDirectory, 'project') : undefined,
    };
    const { args, env } = (0,_flyway_invocation_js__WEBPACK_IMPORTED_MODULE_4__/* .flywayInvocation */ .B)(inContainer, containerSettings);
    const started = performance.now();
    const id = await host.createContainer({
        name: `dataclone-flyway-${(0,_core_random_js__WEBPACK_IMPORTED_MODULE_1__/* .randomSuffix */ .V)(4)}`,
        image,
        labels: { [_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.owner]: clone.owner },
        cmd: args,
        env,
        network: `container:${clone.containerId}`,
        binds,
    });
    try {
        await host.startContainer(id);
        const exitCode = await host.waitForExit(id);
        const stdout = await host.containerLogs(id, undefined, 'stdout');
        return (0,_run_flyway_js__WEBPACK_IMPORTED_MODULE_5__/* .interpretOutput */ .z)(`${image} (Docker)`, target.database, exitCode, stdout, Math.round(performance.now() - started));
    }
    finally {
        await host.removeContainer(id);
    }
}


/***/ }),

/***/ 18053:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  z: () => (/* binding */ interpretOutput),
  e: () => (/* binding */ runFlyway)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/flyway/flyway-invocation.ts
var flyway_invocation = __webpack_require__(69553);
;// CONCATENATED MODULE: ./src/flyway/flyway-output.ts
/**
 * Reads the one JSON document `flyway -outputType=json migrate` prints, in either failure shape
 * (a migrate result with success:false and an error, or an error alone). Key order is not relied
 * on. Returns undefined when stdout holds no JSON document at all.
 */
function parseMigrateOutput(stdout, database, durationMs) {
    const document = parseJson(stdout);
    if (!document)
        return undefined;
    const result = (Array.isArray(document.individualResults) ? document.individualResults.at(-1) : document);
    const error = objectOf(result.error) ?? objectOf(document.error);
    const migrations = Array.isArray(result.migrations)
        ? result.migrations.map(objectOf).filter(isDefined)
        : [];
    return {
        database,
        success: !error && result.success !== false,
        initialSchemaVersion: stringOf(result.initialSchemaVersion),
        targetSchemaVersion: stringOf(result.targetSchemaVersion),
        migrationsExecuted: typeof result.migrationsExecuted === 'number' ? result.migrationsExecuted : migrations.length,
        migrations: migrations.map((m) => ({
            version: stringOf(m.version) ?? '',
            description: stringOf(m.description) ?? '',
            category: stringOf(m.category) ?? '',
            type: stringOf(m.type) ?? '',
            executionTimeMs: typeof m.executionTime === 'number' ? m.executionTime : 0,
            filepath: stringOf(m.filepath),
        })),
        warnings: Array.isArray(result.warnings) ? result.warnings.map(String) : [],
        error: error
            ? { code: stringOf(error.errorCode) ?? 'ERROR', message: stringOf(error.message) ?? 'Flyway failed' }
            : undefined,
        flywayVersion: stringOf(result.flywayVersion),
        durationMs,
    };
}
function parseJson(text) {
    const start = text.indexOf('{');
    const end = text.lastIndexOf('}');
    if (start === -1 || end < start)
        return undefined;
    try {
        return objectOf(JSON.parse(text.slice(start, end + 1)));
    }
    catch {
        return undefined;
    }
}
function objectOf(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? value
        : undefined;
}
function stringOf(value) {
    return typeof value === 'string' && value !== ''
        ? value
        : typeof value === 'number'
            ? String(value)
            : undefined;
}
function isDefined(value) {
    return value !== undefined;
}

;// CONCATENATED MODULE: ./src/flyway/run-flyway.ts




/** Runs `flyway migrate` for one database with the Flyway CLI at `executable`. */
async function runFlyway(executable, target, settings, reporter) {
    reporter.maskSecret(target.password);
    const { args, env } = (0,flyway_invocation/* flywayInvocation */.B)(target, settings);
    reporter.debug(`${executable} ${args.join(' ')}`);
    const started = performance.now();
    const { code, stdout } = await new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(executable, args, {
            cwd: settings.workingDirectory,
            env: { ...process.env, ...env },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const out = [];
        child.stdout.on('data', (chunk) => out.push(chunk));
        forwardLogLines(child.stderr, reporter);
        child.on('error', (error) => reject(spawnError(executable, error)));
        child.on('close', (exitCode) => resolve({ code: exitCode ?? 1, stdout: Buffer.concat(out).toString('utf8') }));
    });
    return interpretOutput(executable, target.database, code, stdout, Math.round(performance.now() - started));
}
/** Turns what Flyway printed and its exit code into a result, or an error when it printed no JSON. */
function interpretOutput(executable, database, exitCode, stdout, durationMs) {
    if (exitCode === 35) {
        throw new errors/* DatacloneError */.YF(`Flyway (${executable}) stopped with a licence failure while migrating ${database}`, 'Check the Flyway edition and licence settings (FLYWAY_LICENSE_KEY, or the Community edition).');
    }
    const result = parseMigrateOutput(stdout, database, durationMs);
    if (!result) {
        throw new errors/* DatacloneError */.YF(`Flyway (${executable}) printed no JSON result for database ${database} (exit code ${exitCode}): ${stdout.trim().slice(0, 400) || '(nothing)'}`, 'Check that it is the Flyway command line (flyway --version), version 9 or later.');
    }
    if (exitCode !== 0 && result.success)
        return {
            ...result,
            success: false,
            error: result.error ?? { code: 'ERROR', message: `Flyway exited with code ${exitCode}` },
        };
    return result;
}
/** With -outputLogsInJson, Flyway writes one {"level","message"} object per line on stderr. */
function forwardLogLines(stream, reporter) {
    let partial = '';
    stream.on('data', (chunk) => {
        const lines = (partial + chunk.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines)
            forwardLogLine(line, reporter);
    });
    stream.on('end', () => forwardLogLine(partial, reporter));
}
function forwardLogLine(line, reporter) {
    if (!line.trim())
        return;
    try {
        const { level, message } = JSON.parse(line);
        const text = `flyway: ${message ?? line}`;
        if (level === 'error' || level === 'warn' || level === 'warning')
            reporter.warn(text);
        else if (level === 'debug')
            reporter.debug(text);
        else
            reporter.info(text);
    }
    catch {
        reporter.info(`flyway: ${line}`);
    }
}
function spawnError(executable, error) {
    if (error.code === 'ENOENT' || error.code === 'EACCES') {
        return new errors/* DatacloneError */.YF(`Flyway was not found at ${executable}`, 'Install the Flyway command line (https://documentation.red-gate.com/fd/command-line-184127404.html) and put it on PATH, or give its path (--flyway).', { cause: error });
    }
    return error;
}


/***/ }),

/***/ 21086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ ensureImage)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _docker_docker_host_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1370);


/**
 * The image, pulled first if the host does not have it. `field` names where the user gave the
 * reference, for the error.
 */
async function ensureImage(host, reference, reporter, field) {
    const present = await host.inspectImage(reference);
    if (present)
        return present;
    reporter.info(`Pulling ${reference}`);
    try {
        await host.pullImage(reference, (done, total) => reporter.progress({ task: `pull ${reference}`, done, total, unit: 'bytes' }));
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`${field}: image ${reference} is not on ${host.description} and could not be pulled: ${(0,_docker_docker_host_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .kc)(error)}`, `Check the name and tag, log in to its registry (docker login), or build it locally first.`, { cause: error });
    }
    const pulled = await host.inspectImage(reference);
    if (!pulled)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`${field}: image ${reference} was pulled but is not on ${host.description}`);
    return pulled;
}


/***/ })

};
