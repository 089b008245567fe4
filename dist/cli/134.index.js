export const id = 134;
export const ids = [134];
export const modules = {

/***/ 76134:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  imagePromote: () => (/* binding */ imagePromote),
  imagePrune: () => (/* binding */ imagePrune),
  imagePull: () => (/* binding */ imagePull),
  imagePush: () => (/* binding */ imagePush),
  imageWarm: () => (/* binding */ imageWarm)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/clones/create-clone.ts
var create_clone = __webpack_require__(73720);
// EXTERNAL MODULE: ./src/core/random.ts
var random = __webpack_require__(38640);
// EXTERNAL MODULE: ./src/pipeline/run-tests.ts + 2 modules
var run_tests = __webpack_require__(22527);
// EXTERNAL MODULE: ./src/pipeline/teardown.ts
var teardown = __webpack_require__(81068);
// EXTERNAL MODULE: ./src/images/image-reference.ts
var image_reference = __webpack_require__(82991);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/docker/docker-host.ts + 1 modules
var docker_host = __webpack_require__(1370);
// EXTERNAL MODULE: ./src/docker/host-facts.ts
var host_facts = __webpack_require__(55398);
;// CONCATENATED MODULE: ./src/images/registry.ts









const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** The registry part of an image reference: `registry.example.com:5000/shop:1` -> `registry.example.com:5000`. */
function registryOf(reference) {
    const first = reference.split('/')[0] ?? '';
    return reference.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
        ? first
        : 'docker.io';
}
/**
 * The credentials for the registry of `reference`, with the password registered as a secret
 * before anything else sees it: from the inputs, else DATACLONE_REGISTRY_USER / _PASSWORD, else
 * a `docker login` stored in ~/.docker/config.json (not a credential helper). Undefined when
 * there are none.
 */
function registryAuth(reference, given, reporter, env = process.env) {
    const stored = given?.user || given?.password || env.DATACLONE_REGISTRY_USER || env.DATACLONE_REGISTRY_PASSWORD
        ? undefined
        : dockerLogin(registryOf(reference), env);
    const user = given?.user || env.DATACLONE_REGISTRY_USER || stored?.user;
    const password = given?.password || env.DATACLONE_REGISTRY_PASSWORD || stored?.password;
    if (password)
        reporter.maskSecret(password);
    if (!user && !password)
        return undefined;
    if (!user || !password) {
        throw new errors/* DatacloneError */.YF(`registry ${registryOf(reference)}: a ${user ? 'password' : 'user'} is missing`, 'Give both the user and the password (or token), e.g. DATACLONE_REGISTRY_USER and DATACLONE_REGISTRY_PASSWORD.');
    }
    return { username: user, password, serveraddress: registryOf(reference) };
}
/** A login `docker login` stored in the docker CLI's config file, if there is one for the registry. */
function dockerLogin(registry, env) {
    const file = external_node_path_default().join(env.DOCKER_CONFIG ?? external_node_path_default().join(external_node_os_default().homedir(), '.docker'), 'config.json');
    try {
        const config = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        const key = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
        const auth = config.auths?.[key]?.auth;
        if (!auth)
            return undefined;
        const decoded = Buffer.from(auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        return colon > 0 ? { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) } : undefined;
    }
    catch {
        return undefined;
    }
}
/** Pushes a data image to its registry, with progress; returns the digest the registry gave it. */
async function pushImage(options) {
    const { host, reporter, reference } = options;
    const auth = registryAuth(reference, options.credentials, reporter);
    if (!(await host.inspectImage(reference))) {
        throw new errors/* DatacloneError */.YF(`image ${reference} is not on ${host.description}`, 'Build it (dataclone image build --tag ...) or tag an image with this name first.');
    }
    reporter.info(`Pushing ${reference}`);
    try {
        const digest = await host.pushImage(reference, (done, total) => reporter.progress({ task: `push ${reference}`, done, total, unit: 'bytes' }), auth);
        reporter.info(`Pushed ${reference}${digest ? ` (${digest})` : ''}`);
        return digest;
    }
    catch (error) {
        throw registryError('push', reference, error, auth !== undefined);
    }
}
/**
 * Pulls a data image by tag or digest, with progress, and has it written to disk before it
 * returns, so that the first clone starts as fast as the next.
 */
async function pullImage(options) {
    const { host, reporter, reference } = options;
    const { env = process.env } = options;
    const auth = registryAuth(reference, options.credentials, reporter, env);
    reporter.info(`Pulling ${reference}`);
    const started = performance.now();
    try {
        await host.pullImage(reference, (done, total) => reporter.progress({ task: `pull ${reference}`, done, total, unit: 'bytes' }), auth);
    }
    catch (error) {
        throw registryError('pull', reference, error, auth !== undefined);
    }
    const pullMs = Math.round(performance.now() - started);
    reporter.info(`Pulled ${reference} in ${seconds(pullMs)}`);
    const here = (0,host_facts/* dockerRunsHere */.v7)(await host.facts(), env.DOCKER_HOST, process.platform);
    const flushMs = await flushPulledImage(host, reporter, reference, here);
    return { pullMs, flushMs };
}
/**
 * A pull leaves the layers it unpacked in the page cache, not yet on disk: about 1.2 GB for a
 * 1 GB data image. The first clone after it waited for that writeback: 2.9-3.5 s instead of
 * 0.4-0.5 s on 2 cores, 0.39 s after a `sync` (issue 15). Which step waits is not pinned down;
 * most likely the fsyncs of Docker's own small files as it creates and starts the container, which
 * ext4 commits only after the data written before them. The pull pays it instead, once,
 * where it is reported: `sync` here when the engine shares this machine's kernel, else in a
 * short-lived container of the image (sync(2) flushes the whole kernel's page cache), without a
 * network and with the image's volumes on tmpfs (no copy of the data into a volume).
 */
async function flushPulledImage(host, reporter, reference, here) {
    reporter.info(`Writing ${reference} to disk, so that the first clone need not wait for it`);
    const started = performance.now();
    try {
        await (here ? run('sync', []) : syncInContainer(host, reference));
    }
    catch (error) {
        reporter.warn(`could not write ${reference} to disk after the pull (${(0,docker_host/* errorText */.kc)(error)}): the first clone may take a few seconds longer`);
        return undefined;
    }
    const flushMs = Math.round(performance.now() - started);
    reporter.info(`Written to disk in ${seconds(flushMs)}`);
    return flushMs;
}
async function syncInContainer(host, reference) {
    const image = await host.inspectImage(reference);
    const id = await host.createContainer({
        name: `dataclone-flush-${(0,random/* randomSuffix */.V)()}`,
        image: reference,
        labels: {},
        entrypoint: ['sync'],
        cmd: [],
        user: 'root',
        network: 'none',
        tmpfs: image?.volumes ?? [],
    });
    try {
        await host.startContainer(id);
        const exitCode = await host.waitForExit(id);
        if (exitCode !== 0)
            throw new Error(`sync exited with ${exitCode}`);
    }
    finally {
        await host.removeContainer(id);
    }
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
/**
 * The digest reference a tag names in its registry now (`repo@sha256:...`): what a job pins at its
 * start, so that a tag moved meanwhile does not change the image under it. A digest reference is
 * returned as it is.
 */
async function pinImage(options) {
    const { host, reporter, reference } = options;
    if (reference.includes('@sha256:'))
        return reference;
    const auth = registryAuth(reference, options.credentials, reporter, options.env);
    try {
        return `${repositoryOf(reference)}@${await host.registryDigest(reference, auth)}`;
    }
    catch (error) {
        throw registryError('pull', reference, error, auth !== undefined);
    }
}
/** The repository of a reference, without its tag or digest: `reg:5000/shop:1` -> `reg:5000/shop`. */
function repositoryOf(reference) {
    const name = reference.split('@')[0] ?? reference;
    const slash = name.lastIndexOf('/');
    const colon = name.lastIndexOf(':');
    return colon > slash ? name.slice(0, colon) : name;
}
/** What the registry or Docker said, turned into what to do about it. */
function registryError(action, reference, error, hadCredentials) {
    const text = (0,docker_host/* errorText */.kc)(error);
    const registry = registryOf(reference);
    let hint = `Check that ${registry} is the right registry and that it answers.`;
    if (/unauthorized|authentication required|denied|401|no basic auth credentials/i.test(text)) {
        hint = hadCredentials
            ? `The registry refused the credentials: check DATACLONE_REGISTRY_USER and DATACLONE_REGISTRY_PASSWORD (or the step's registry inputs) for ${registry}.`
            : `Log in: set DATACLONE_REGISTRY_USER and DATACLONE_REGISTRY_PASSWORD (or the step's registry inputs) for ${registry}.`;
    }
    else if (/manifest unknown|not found|does not exist/i.test(text)) {
        hint = `There is no ${(0,docker_host/* splitReference */.mQ)(reference).tag} in ${(0,docker_host/* splitReference */.mQ)(reference).repo}: check the tag (dataclone image list shows local ones).`;
    }
    else if (/connection refused|connection reset|no such host|timeout|dial tcp|EOF/i.test(text)) {
        hint = `${registry} cannot be reached from the Docker host: check its address and port, and that it runs.`;
    }
    return new errors/* DatacloneError */.YF(`could not ${action} ${reference} ${action === 'push' ? 'to' : 'from'} registry ${registry}: ${text}`, hint, { cause: error });
}

;// CONCATENATED MODULE: ./src/images/promote-image.ts







/**
 * Moves a moving tag to a newly built image only once the image proved itself: a clone of it
 * starts and answers queries, and the verification command, when given, succeeds against it. A
 * failed check leaves the moving tag where it was, locally and in the registry, so a broken
 * nightly build never reaches the pipelines that pull it.
 */
async function promoteImage(options) {
    const { host, reporter, source, target } = options;
    (0,image_reference/* validateImageReference */.X)(target, '--to');
    const image = await host.inspectImage(source);
    if (!image) {
        throw new errors/* DatacloneError */.YF(`image ${source} is not on ${host.description}`, 'Build or pull it first.');
    }
    const job = { host, reporter, owner: `promote-${(0,random/* randomSuffix */.V)(4)}` };
    try {
        await reporter.group(`Check ${source} before it becomes ${target}`, async () => {
            await (0,create_clone/* createClone */.sY)({ host, reporter, image: source, owner: job.owner });
            if (options.verify?.length) {
                const result = await (0,run_tests/* runTests */.N)(job, { command: options.verify });
                if (!result.passed) {
                    throw new errors/* DatacloneError */.YF(`${source} failed its check (the verification exited with ${result.exitCode}): ${target} was not moved`, 'See the verification output above; fix the definition or its scripts and build again.');
                }
            }
        });
    }
    finally {
        await (0,teardown/* teardown */.z)(job);
    }
    await host.tagImage(image.id, target);
    reporter.info(`${target} now points at ${source} (${image.id.slice(7, 19)})`);
    if (!options.push)
        return { target };
    await pushImage({ host, reporter, reference: source, credentials: options.credentials });
    const digest = await pushImage({ host, reporter, reference: target, credentials: options.credentials });
    return { target, digest };
}

// EXTERNAL MODULE: ./src/docker/labels.ts
var labels = __webpack_require__(20065);
;// CONCATENATED MODULE: ./src/images/prune-images.ts

/**
 * Keeps the newest `keep` tags of a repository on the host (newest by build time), and removes
 * the others, except moving tags and the tags of images a container uses.
 */
async function pruneImages(options) {
    const { host } = options;
    const protect = new Set(options.protect ?? ['latest']);
    const images = await host.docker.listImages({ filters: { reference: [options.repository] } });
    const containers = await host.docker.listContainers({ all: true });
    const inUse = new Set(containers.map((c) => c.ImageID));
    const tags = images
        .flatMap((image) => (image.RepoTags ?? [])
        .filter((tag) => tag.startsWith(`${options.repository}:`))
        .map((tag) => ({
        tag,
        id: image.Id,
        built: Date.parse(image.Labels?.[labels/* Labels */.gC.built] ?? '') || image.Created * 1000,
    })))
        .filter((entry) => !protect.has(entry.tag.slice(options.repository.length + 1)))
        .sort((a, b) => b.built - a.built || b.tag.localeCompare(a.tag));
    const kept = tags.slice(0, options.keep);
    const candidates = tags.slice(options.keep);
    const removed = [];
    for (const entry of candidates) {
        if (inUse.has(entry.id)) {
            kept.push(entry);
            continue;
        }
        if (!options.dryRun)
            await host.removeImage(entry.tag);
        removed.push(entry.tag);
    }
    options.reporter.info(`${options.repository}: kept ${kept.length} tag(s), ${options.dryRun ? 'would remove' : 'removed'} ${removed.length}${removed.length ? `: ${removed.join(', ')}` : ''}`);
    return { kept: kept.map((entry) => entry.tag), removed };
}

// EXTERNAL MODULE: ./src/warm/warm-record.ts
var warm_record = __webpack_require__(49028);
;// CONCATENATED MODULE: ./src/warm/run-warm-worker.ts



/** How often the background process writes its progress into the record. */
const PROGRESS_EVERY_MS = 1000;
/**
 * The background process of a warm step: pulls each pinned image (all at once), writes it to
 * disk, and only then gives it the tag the job named, so that a pull that fails half way leaves
 * no image under that tag. Records progress and the outcome of each image as it goes; its log
 * (standard output) is the file beside the record.
 */
async function runWarmWorker(host, file) {
    const record = await (0,warm_record/* readWarmRecord */.FC)(file);
    if (!record)
        throw new Error(`no warm record at ${file}`);
    const writer = new RecordWriter(file, { ...record, pid: process.pid });
    await writer.flush();
    await Promise.all(record.images.map((image, index) => image.state === 'pulling' ? pullOne(host, writer, index) : Promise.resolve()));
    writer.update((current) => ({ ...current, finishedAt: Date.now() }));
    await writer.flush();
}
async function pullOne(host, writer, index) {
    const image = writer.image(index);
    const pinned = image.pinned ?? image.reference;
    const reporter = logReporter((update) => {
        writer.updateImage(index, { done: update.done, total: update.total });
        writer.flushSoon();
    });
    try {
        const pulled = await pullImage({ host, reporter, reference: pinned });
        if (pinned !== image.reference) {
            const id = (await host.inspectImage(pinned))?.id ?? pinned;
            await host.tagImage(id, image.reference);
            reporter.info(`Tagged ${pinned} as ${image.reference}`);
        }
        writer.updateImage(index, { state: 'pulled', pullMs: pulled.pullMs, flushMs: pulled.flushMs });
    }
    catch (error) {
        const { message, hint } = (0,errors/* describeError */.Uc)(error);
        reporter.warn(`${message}${hint ? `\n${hint}` : ''}`);
        writer.updateImage(index, { state: 'failed', error: hint ? { message, hint } : { message } });
    }
    await writer.flush();
}
/** The one writer of the record while the pulls run: updates in memory, written in order. */
class RecordWriter {
    file;
    record;
    writing = Promise.resolve();
    timer;
    constructor(file, record) {
        this.file = file;
        this.record = record;
    }
    image(index) {
        const image = this.record.images[index];
        if (!image)
            throw new Error(`no image ${index} in the warm record`);
        return image;
    }
    update(change) {
        this.record = change(this.record);
    }
    updateImage(index, change) {
        this.update((record) => ({
            ...record,
            images: record.images.map((image, i) => (i === index ? { ...image, ...change } : image)),
        }));
    }
    flushSoon() {
        this.timer ??= setTimeout(() => {
            this.timer = undefined;
            void this.flush();
        }, PROGRESS_EVERY_MS);
    }
    flush() {
        const snapshot = this.record;
        this.writing = this.writing.then(() => (0,warm_record/* writeWarmRecord */.mE)(this.file, snapshot));
        return this.writing;
    }
}
/** Lines with the time on standard output (the log file), and progress to the record. */
function logReporter(onProgress) {
    const line = (text) => process.stdout.write(`${new Date().toISOString()} ${text}\n`);
    return {
        info: line,
        warn: (message) => line(`warning: ${message}`),
        debug: () => { },
        group: (_title, work) => work(),
        progress: onProgress,
        maskSecret: () => { },
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/warm/start-warm.ts







/** How long the warm step waits for its background process to say it runs. */
const WORKER_START_MS = 20_000;
/**
 * Starts pulling the job's images in a background process that outlives this one, so that the
 * job's checkout and installs run while they download. Each tag is pinned to the digest it names
 * now, once: provision clones that digest even if the tag moves meanwhile. A tag that cannot be
 * pinned (registry down, login refused) is recorded as failed, for provision to report. Returns
 * once the background process runs.
 */
async function startWarm(options) {
    const { reporter, record } = options;
    const images = [];
    for (const reference of options.references)
        images.push(await pinned(options, reference));
    const started = { owner: options.owner, startedAt: Date.now(), images };
    await (0,warm_record/* writeWarmRecord */.mE)(record, started);
    if (!images.some((image) => image.state === 'pulling'))
        return started;
    const child = spawnWorker(options);
    const running = await workerStarted(record, child.pid, child.exited);
    if (running) {
        reporter.info(`Pulling ${images.map((image) => image.pinned).join(', ')} in the background (process ${running.pid}); provision waits for what is left`);
        return running;
    }
    // It may still run, too slow to start: it must not write the record after this step does.
    if (child.pid !== undefined && (0,warm_record/* processRuns */.Oi)(child.pid))
        process.kill(-child.pid, 'SIGKILL');
    const log = await (0,promises_.readFile)((0,warm_record/* warmLogPath */.Z0)(record), 'utf8').catch(() => '');
    const failed = {
        ...started,
        finishedAt: Date.now(),
        images: images.map((image) => image.state === 'pulling'
            ? {
                ...image,
                state: 'failed',
                error: {
                    message: `the background pull of ${image.reference} did not start${log ? `: ${log.trim().split('\n').slice(-3).join(' / ')}` : ''}`,
                    hint: `Its log is ${(0,warm_record/* warmLogPath */.Z0)(record)}.`,
                },
            }
            : image),
    };
    await (0,warm_record/* writeWarmRecord */.mE)(record, failed);
    reporter.warn(failed.images.find((image) => image.error)?.error?.message ?? 'the background pull did not start');
    return failed;
}
async function pinned(options, reference) {
    try {
        (0,image_reference/* validateImageReference */.X)(reference, 'warm');
        const digest = await pinImage({
            host: options.host,
            reporter: options.reporter,
            reference,
            credentials: options.credentials,
        });
        if (digest !== reference)
            options.reporter.info(`${reference} is ${digest}: the job uses that image`);
        return { reference, pinned: digest, state: 'pulling' };
    }
    catch (error) {
        const { message, hint } = (0,errors/* describeError */.Uc)(error);
        options.reporter.warn(`${message}${hint ? `\n${hint}` : ''}`);
        return { reference, state: 'failed', error: hint ? { message, hint } : { message } };
    }
}
function spawnWorker(options) {
    const [program = process.execPath, ...args] = options.worker(options.record);
    const log = (0,external_node_fs_.openSync)((0,warm_record/* warmLogPath */.Z0)(options.record), 'a', 0o600);
    const login = options.credentials;
    try {
        const child = (0,external_node_child_process_.spawn)(program, args, {
            detached: true,
            stdio: ['ignore', log, log],
            env: {
                ...process.env,
                ...(login?.user ? { DATACLONE_REGISTRY_USER: login.user } : {}),
                ...(login?.password ? { DATACLONE_REGISTRY_PASSWORD: login.password } : {}),
            },
        });
        const exited = new Promise((resolve) => {
            child.once('exit', () => resolve());
            child.once('error', () => resolve());
        });
        child.unref();
        return { pid: child.pid, exited };
    }
    finally {
        (0,external_node_fs_.closeSync)(log);
    }
}
/** The record once the background process wrote its pid into it; undefined when it died first. */
async function workerStarted(record, pid, exited) {
    let gone = false;
    void exited.then(() => (gone = true));
    const until = Date.now() + WORKER_START_MS;
    while (Date.now() < until) {
        const current = await (0,warm_record/* readWarmRecord */.FC)(record);
        if (current?.pid !== undefined)
            return current;
        if (gone || pid === undefined || !(0,warm_record/* processRuns */.Oi)(pid))
            return undefined;
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
// EXTERNAL MODULE: ./src/cli/job-id.ts + 2 modules
var job_id = __webpack_require__(418);
// EXTERNAL MODULE: ./src/cli/state-directory.ts
var state_directory = __webpack_require__(89321);
// EXTERNAL MODULE: ./src/cli/usage-error.ts
var usage_error = __webpack_require__(14226);
;// CONCATENATED MODULE: ./src/cli/commands/registry-commands.ts











/**
 * Registry credentials: the user from --registry-user or DATACLONE_REGISTRY_USER, the password
 * or token only from DATACLONE_REGISTRY_PASSWORD or standard input (--registry-password-stdin),
 * never from the command line, where other users of the machine and CI logs could see it.
 */
const CREDENTIALS = {
    'registry-user': { type: 'string' },
    'registry-password-stdin': { type: 'boolean' },
};
async function credentials(input) {
    const user = (0,command/* stringOption */.P)(input, 'registry-user');
    if (input.values['registry-password-stdin'] !== true)
        return user ? { user } : undefined;
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    const password = Buffer.concat(chunks).toString('utf8').trim();
    if (!password)
        throw new errors/* DatacloneError */.YF('--registry-password-stdin: standard input was empty');
    return { user, password };
}
const imagePush = {
    words: ['image', 'push'],
    summary: 'Push a data image to its registry',
    usage: 'dataclone image push <image:tag> [--registry-user <user>] [--registry-password-stdin] [--json]',
    options: { ...CREDENTIALS },
    positionals: { min: 1, max: 1, names: '<image:tag>' },
    async run(input, { host, reporter, print, json }) {
        const reference = input.positionals[0] ?? '';
        const digest = await pushImage({ host, reporter, reference, credentials: await credentials(input) });
        print(json ? JSON.stringify({ reference, digest }, null, 2) : `${reference}  ${digest}`);
        return 0;
    },
};
const imagePull = {
    words: ['image', 'pull'],
    summary: 'Pull a data image by tag or digest',
    usage: 'dataclone image pull <image:tag | image@sha256:...> [--registry-user <user>] [--registry-password-stdin]',
    options: { ...CREDENTIALS },
    positionals: { min: 1, max: 1, names: '<image>' },
    async run(input, { host, reporter }) {
        await pullImage({
            host,
            reporter,
            reference: input.positionals[0] ?? '',
            credentials: await credentials(input),
        });
        return 0;
    },
};
const imageWarm = {
    words: ['image', 'warm'],
    summary: "Start pulling the job's data images in the background; provision waits for what is left",
    usage: 'dataclone image warm <image:tag | image@sha256:...>... [--job <id>] [--registry-user <user>] [--registry-password-stdin] [--json]',
    // --worker <record>: the background process itself, started by image warm (not for users).
    options: { job: { type: 'string' }, worker: { type: 'string' }, ...CREDENTIALS },
    positionals: { min: 0, max: Number.POSITIVE_INFINITY, names: '<image>' },
    async run(input, { host, reporter, print, json }) {
        const worker = (0,command/* stringOption */.P)(input, 'worker');
        if (worker) {
            await runWarmWorker(host, worker);
            return 0;
        }
        if (input.positionals.length === 0)
            throw new usage_error/* UsageError */.e('image warm: name the images to pull', this.usage);
        const owner = (0,job_id/* resolveJobId */.R)((0,command/* stringOption */.P)(input, 'job'));
        const warm = await startWarm({
            host,
            reporter,
            owner,
            references: input.positionals,
            record: (0,warm_record/* warmRecordPath */.wg)((0,state_directory/* stateDirectory */.F)(), owner),
            credentials: await credentials(input),
            worker: (record) => [
                process.execPath,
                ...process.execArgv,
                process.argv[1] ?? '',
                'image',
                'warm',
                '--worker',
                record,
            ],
        });
        print(json
            ? JSON.stringify(warm, null, 2)
            : warm.images.map((image) => `${image.reference}  ${image.pinned ?? '-'}  ${image.state}`).join('\n'));
        return warm.images.some((image) => image.state === 'failed') ? 1 : 0;
    },
};
const imagePromote = {
    words: ['image', 'promote'],
    summary: 'Move a moving tag to a new image once a clone of it starts and a check passes',
    usage: 'dataclone image promote <new image:tag> --to <moving image:tag> [--push] [--registry-user <user>] [--registry-password-stdin] [-- <verification command>]',
    options: { to: { type: 'string' }, push: { type: 'boolean' }, ...CREDENTIALS },
    positionals: { min: 1, max: 1, names: '<image:tag>' },
    async run(input, { host, reporter, print, json }) {
        const target = (0,command/* stringOption */.P)(input, 'to');
        if (!target)
            throw new usage_error/* UsageError */.e('image promote: --to is required', this.usage);
        const result = await promoteImage({
            host,
            reporter,
            source: input.positionals[0] ?? '',
            target,
            verify: input.rest.length ? input.rest : undefined,
            push: input.values.push === true,
            credentials: await credentials(input),
        });
        print(json ? JSON.stringify(result, null, 2) : `${result.target}${result.digest ? `  ${result.digest}` : ''}`);
        return 0;
    },
};
const imagePrune = {
    words: ['image', 'prune'],
    summary: 'Keep the newest N tags of a repository on this host, remove the older ones',
    usage: 'dataclone image prune <repository> --keep <N> [--protect <tag>]... [--dry-run] [--json]',
    options: {
        keep: { type: 'string' },
        protect: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
    },
    positionals: { min: 1, max: 1, names: '<repository>' },
    async run(input, { host, reporter, print, json }) {
        const keep = (0,command/* numberOption */.j)(input, 'keep');
        if (keep === undefined || keep < 0)
            throw new usage_error/* UsageError */.e('image prune: --keep <N> is required', this.usage);
        const protect = input.values.protect;
        const result = await pruneImages({
            host,
            reporter,
            repository: input.positionals[0] ?? '',
            keep,
            protect: Array.isArray(protect) ? protect : typeof protect === 'string' ? [protect] : undefined,
            dryRun: input.values['dry-run'] === true,
        });
        if (json)
            print(JSON.stringify(result, null, 2));
        return 0;
    },
};


/***/ }),

/***/ 418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ resolveJobId)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/adapters/run-job-id.ts
/**
 * The job id a CI run gives a dataclone step when no `job-id` input names one. Main, post and
 * the CLI in a `run:` or script step of the same job all derive it from these variables, so
 * each finds the clones the others made, even when one of them saved nothing.
 */
function githubRunJobId(env) {
    return `gh-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${env.GITHUB_JOB ?? 'job'}`;
}
function azureRunJobId(env) {
    return `azp-${env.BUILD_BUILDID ?? 'local'}-${env.SYSTEM_JOBID ?? 'job'}`;
}

;// CONCATENATED MODULE: ./src/pipeline/job.ts

const OWNER = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
/** Checks a job id given by a user or derived from CI variables; `field` names it in errors. */
function validateOwner(owner, field) {
    if (!OWNER.test(owner)) {
        throw new errors/* DatacloneError */.YF(`${field}: '${owner}' is not a usable job id`, "Use letters, digits, '.', '_', ':' and '-', at most 128 characters.");
    }
    return owner;
}

;// CONCATENATED MODULE: ./src/cli/job-id.ts



/**
 * The job id that ties a job's steps together: `--job`, else DATACLONE_JOB, else the identity
 * of the CI job the CLI runs in (GitHub Actions or Azure Pipelines), so that every step of one
 * job agrees on it without being told.
 */
function resolveJobId(given, env = process.env) {
    if (given)
        return validateOwner(given, '--job');
    if (env.DATACLONE_JOB)
        return validateOwner(env.DATACLONE_JOB, 'DATACLONE_JOB');
    if (env.GITHUB_RUN_ID && env.GITHUB_JOB) {
        return validateOwner(githubRunJobId(env), 'GITHUB_RUN_ID');
    }
    if (env.BUILD_BUILDID && env.SYSTEM_JOBID) {
        return validateOwner(azureRunJobId(env), 'BUILD_BUILDID');
    }
    throw new errors/* DatacloneError */.YF('no job id: the steps of one job find their clones by it', 'Give --job <id> (or set DATACLONE_JOB) to every step of the job; in GitHub Actions and Azure Pipelines it is derived from the run.');
}


/***/ }),

/***/ 89321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ stateDirectory)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Where the CLI keeps a job's warm record: DATACLONE_STATE_DIR, else the CI runner's temporary
 * folder of the job (where the GitHub Action and the Azure task keep theirs, so that the CLI in a
 * script step finds a warm the Action's pre step started), else the system's.
 */
function stateDirectory(env = process.env) {
    return env.DATACLONE_STATE_DIR || env.RUNNER_TEMP || env.AGENT_TEMPDIRECTORY || node_os__WEBPACK_IMPORTED_MODULE_0___default().tmpdir();
}


/***/ }),

/***/ 82991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ validateImageReference)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);

// name components, optional registry host[:port], optional :tag or @digest (Docker's grammar, simplified)
const REFERENCE = /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
/** Fails with an error naming `field` when `reference` is not a valid Docker image reference. */
function validateImageReference(reference, field) {
    if (!REFERENCE.test(reference)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`${field}: '${reference}' is not a valid image reference`, 'Use lowercase letters, digits and separators, with an optional :tag, e.g. dataclone/shop:nightly.');
    }
}


/***/ }),

/***/ 34860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ requireJobClones)
/* harmony export */ });
/* harmony import */ var _clones_read_clone_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74280);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);


/** The job's clones; a step that needs them fails with a clear error when there are none. */
async function requireJobClones(job, step) {
    await job.host.ping();
    const clones = await (0,_clones_read_clone_js__WEBPACK_IMPORTED_MODULE_0__/* .listClones */ .DW)(job.host, job.owner);
    if (clones.length === 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DatacloneError */ .YF(`${step}: job ${job.owner} has no clones on ${job.host.description}`, 'Run the provision step first, in the same job (same job id), or check the job id given to this step.');
    }
    return clones;
}


/***/ }),

/***/ 22527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  N: () => (/* binding */ runTests)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/pipeline/connection-environment.ts
/**
 * The environment a test command gets: DATABASE_URL and JDBC_DATABASE_URL for the primary
 * database of the first clone, the engine's usual client variables (PGHOST, PGPORT, ...) and the
 * credentials. For an environment, the first instance is the primary one, and every instance adds
 * DATACLONE_<INSTANCE>_HOST, _PORT, _USER, _PASSWORD, _DATABASE_URL and _JDBC_DATABASE_URL, and
 * DATACLONE_<INSTANCE>_<DATABASE>_URL and _JDBC_URL for each of its databases. The short
 * DATACLONE_<DATABASE>_URL and _JDBC_URL are set for a database whose name no other database
 * of the job shares (after upper-casing): a test must never get another server's database
 * under the name it asked for.
 */
function connectionEnvironment(clones) {
    const variables = new VariableSet();
    const first = clones[0];
    if (!first)
        return { variables: {}, collisions: [] };
    const origin = originOf(first);
    const primary = primaryDatabase(first);
    if (primary) {
        variables.set('DATABASE_URL', primary.url, origin);
        variables.set('JDBC_DATABASE_URL', primary.jdbcUrl, origin);
    }
    for (const [name, value] of Object.entries(first.connection.clientEnvironment))
        variables.set(name, value, origin);
    variables.set('DATACLONE_HOST', first.connection.host, origin);
    variables.set('DATACLONE_PORT', String(first.connection.port), origin);
    variables.set('DATACLONE_USER', first.connection.user, origin);
    variables.set('DATACLONE_PASSWORD', first.connection.password, origin);
    for (const clone of clones)
        if (clone.instance)
            setInstanceVariables(variables, clone, clone.instance);
    setShortDatabaseVariables(variables, clones);
    return { variables: variables.values, collisions: variables.collisions };
}
/** `order-items` -> `ORDER_ITEMS`: the part of a variable name that stands for a database or instance. */
function environmentName(name) {
    return name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
function setInstanceVariables(variables, clone, instance) {
    const prefix = `DATACLONE_${environmentName(instance)}`;
    const { connection } = clone;
    const origin = originOf(clone);
    variables.set(`${prefix}_HOST`, connection.host, origin);
    variables.set(`${prefix}_PORT`, String(connection.port), origin);
    variables.set(`${prefix}_USER`, connection.user, origin);
    variables.set(`${prefix}_PASSWORD`, connection.password, origin);
    const primary = primaryDatabase(clone);
    if (primary) {
        variables.set(`${prefix}_DATABASE_URL`, primary.url, origin);
        variables.set(`${prefix}_JDBC_DATABASE_URL`, primary.jdbcUrl, origin);
    }
    for (const db of connection.databases) {
        const databaseOrigin = `database '${db.name}' of ${origin}`;
        variables.set(`${prefix}_${environmentName(db.name)}_URL`, db.url, databaseOrigin);
        variables.set(`${prefix}_${environmentName(db.name)}_JDBC_URL`, db.jdbcUrl, databaseOrigin);
    }
}
/** DATACLONE_<DATABASE>_URL for the databases whose name is theirs alone; one sentence for the others. */
function setShortDatabaseVariables(variables, clones) {
    const byName = new Map();
    for (const clone of clones)
        for (const db of clone.connection.databases) {
            const key = environmentName(db.name);
            byName.set(key, [...(byName.get(key) ?? []), { clone, db }]);
        }
    for (const [key, sharers] of byName) {
        const [only, ...others] = sharers;
        if (only && others.length === 0) {
            const origin = `database '${only.db.name}' of ${originOf(only.clone)}`;
            variables.set(`DATACLONE_${key}_URL`, only.db.url, origin);
            variables.set(`DATACLONE_${key}_JDBC_URL`, only.db.jdbcUrl, origin);
            continue;
        }
        const qualified = sharers
            .filter(({ clone }) => clone.instance)
            .map(({ clone, db }) => `DATACLONE_${environmentName(clone.instance ?? '')}_${environmentName(db.name)}_URL`);
        variables.collide(`DATACLONE_${key}_URL and DATACLONE_${key}_JDBC_URL are not set: ${listed(sharers.map(({ clone, db }) => `database '${db.name}' of ${originOf(clone)}`))} would all be named so.${qualified.length ? ` Use ${listed(qualified)} (and their _JDBC_URL).` : ''}`);
    }
}
/** Variables set once each; a second, different value for a name is kept out and described once. */
class VariableSet {
    values = {};
    origins = new Map();
    shortCollisions = [];
    /** The names each later origin was refused, keyed by the two origins. */
    refused = new Map();
    set(name, value, origin) {
        const first = this.origins.get(name);
        if (first === undefined) {
            this.values[name] = value;
            this.origins.set(name, origin);
        }
        else if (this.values[name] !== value && first !== origin) {
            const key = `${first}\n${origin}`;
            const entry = this.refused.get(key) ?? { first, later: origin, names: [] };
            entry.names.push(name);
            this.refused.set(key, entry);
        }
    }
    collide(sentence) {
        this.shortCollisions.push(sentence);
    }
    get collisions() {
        return [
            ...[...this.refused.values()].map(({ first, later, names }) => `${listed(names)} ${names.length > 1 ? 'are those' : 'is the one'} of ${first}; ${later} would have the same name${names.length > 1 ? 's' : ''}.`),
            ...this.shortCollisions,
        ];
    }
}
function originOf(clone) {
    return clone.instance ? `instance '${clone.instance}'` : `clone '${clone.name}'`;
}
function primaryDatabase(clone) {
    return clone.connection.databases.find((db) => db.name === clone.connection.primaryDatabase);
}
function listed(items) {
    return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

// EXTERNAL MODULE: ./src/pipeline/job-clones.ts
var job_clones = __webpack_require__(34860);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/pipeline/junit.ts


/**
 * Totals of the JUnit XML reports at `location` (a file, or a folder of .xml files), for the
 * job summary. Reads the attributes of each <testsuite> and the <testcase> elements holding a
 * <failure> or <error>; anything it cannot read counts as nothing rather than failing the step.
 */
async function readJunitReports(location) {
    const files = await reportFiles(location);
    const summary = { files, tests: 0, failures: 0, errors: 0, skipped: 0, failed: [] };
    for (const file of files) {
        const xml = await (0,promises_.readFile)(file, 'utf8');
        for (const suite of xml.matchAll(/<testsuite\b([^>]*)>/g)) {
            const attributes = suite[1] ?? '';
            summary.tests += numberAttribute(attributes, 'tests');
            summary.failures += numberAttribute(attributes, 'failures');
            summary.errors += numberAttribute(attributes, 'errors');
            summary.skipped += numberAttribute(attributes, 'skipped');
        }
        for (const testcase of xml.matchAll(/<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
            if (!/<(failure|error)\b/.test(testcase[2] ?? '') || summary.failed.length >= 50)
                continue;
            const attributes = testcase[1] ?? '';
            const name = textAttribute(attributes, 'name');
            const classname = textAttribute(attributes, 'classname');
            summary.failed.push(classname ? `${classname}.${name}` : name);
        }
    }
    return summary;
}
async function reportFiles(location) {
    const info = await (0,promises_.stat)(location).catch(() => undefined);
    if (!info)
        return [];
    if (info.isFile())
        return [location];
    const entries = await (0,promises_.readdir)(location, { recursive: true });
    return entries
        .filter((entry) => entry.endsWith('.xml'))
        .map((entry) => external_node_path_default().join(location, entry))
        .sort();
}
function numberAttribute(attributes, name) {
    const value = new RegExp(`\\b${name}="(\\d+)"`).exec(attributes)?.[1];
    return value ? Number(value) : 0;
}
function textAttribute(attributes, name) {
    return (new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1] ?? '')
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
}

;// CONCATENATED MODULE: ./src/pipeline/run-tests.ts





/**
 * Runs the user's tests with the job's connection details in their environment, streaming their
 * output, and returns their exit code (the caller passes it on).
 */
async function runTests(job, options) {
    const argv = commandLine(options);
    const clones = await (0,job_clones/* requireJobClones */.J)(job, 'test');
    const connection = connectionEnvironment(clones);
    for (const collision of connection.collisions)
        job.reporter.warn(collision);
    const env = { ...process.env, ...connection.variables };
    const display = options.shellCommand ?? argv.slice(0).join(' ');
    job.reporter.info(`Running tests: ${display}`);
    const started = performance.now();
    const exitCode = await new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), {
            cwd: options.cwd,
            env,
            stdio: ['inherit', options.stdout === 'stderr' ? process.stderr : 'inherit', 'inherit'],
        });
        child.on('error', (error) => reject(error.code === 'ENOENT'
            ? new errors/* DatacloneError */.YF(`test command not found: ${argv[0]}`, 'Check the command and that it is installed and on PATH (or give a path to it).')
            : error));
        child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : 1)));
    });
    const durationMs = Math.round(performance.now() - started);
    const junit = options.junit ? await readJunitReports(options.junit) : undefined;
    const passed = exitCode === 0;
    job.reporter.info(`Tests ${passed ? 'passed' : `failed (exit code ${exitCode})`} in ${(durationMs / 1000).toFixed(1)} s`);
    return { step: 'test', command: display, exitCode, passed, durationMs, junit };
}
function commandLine(options) {
    if (options.shellCommand?.trim())
        return ['/bin/sh', '-c', options.shellCommand];
    if (options.command?.length)
        return options.command;
    throw new errors/* DatacloneError */.YF('test: no test command given', 'Give it after --, e.g. `dataclone test -- npm test`.');
}
function signalNumber(signal) {
    return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 0;
}


/***/ }),

/***/ 81068:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ teardown)
/* harmony export */ });
/* harmony import */ var _docker_labels_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(20065);

/**
 * Removes every container the job owns, and the networks of its environments, whatever state it is in. Safe to run twice, after a
 * crash, or when Docker already removed a container: what is not there is not an error.
 */
async function teardown(job) {
    const started = performance.now();
    await job.host.ping();
    const ids = await job.host.findContainers({ [_docker_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .Labels */ .gC.owner]: job.owner });
    const removed = [];
    await Promise.all(ids.map(async (id) => {
        const info = await job.host.inspectContainer(id);
        await job.host.removeContainer(id);
        // A standby clone's servers go with it; the clone is named once.
        if (info?.labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .Labels */ .gC.standbyOf])
            return;
        removed.push(info?.labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .Labels */ .gC.clone] ?? info?.name ?? id.slice(0, 12));
    }));
    removed.sort();
    // An environment's network goes once its clones are gone.
    const networks = await job.host.findNetworks({ [_docker_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .Labels */ .gC.owner]: job.owner });
    await Promise.all(networks.map((id) => job.host.removeNetwork(id)));
    job.reporter.info(removed.length
        ? `Removed ${removed.length} clone(s) of job ${job.owner}: ${removed.join(', ')}`
        : `Job ${job.owner} had no clones to remove`);
    return { step: 'teardown', removed, durationMs: Math.round(performance.now() - started) };
}


/***/ }),

/***/ 49028:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FC: () => (/* binding */ readWarmRecord),
/* harmony export */   Oi: () => (/* binding */ processRuns),
/* harmony export */   RM: () => (/* binding */ removeWarmRecord),
/* harmony export */   Z0: () => (/* binding */ warmLogPath),
/* harmony export */   mE: () => (/* binding */ writeWarmRecord),
/* harmony export */   wg: () => (/* binding */ warmRecordPath)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74296);




/** The record of a job's warm step, in the runner's temporary folder. */
function warmRecordPath(directory, owner) {
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(directory, `dataclone-warm-${encodeURIComponent(owner)}.json`);
}
/** Where the background process writes its log: beside the record. */
function warmLogPath(record) {
    return record.replace(/\.json$/, '.log');
}
/** Replaces the record in one step (a rename), so that a reader never sees half of it. */
async function writeWarmRecord(file, record) {
    const next = `${file}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.tmp`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(next, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(next, file);
}
/**
 * The record, or undefined when no warm step ran for the job. A record another user of the
 * machine wrote (in a shared temporary folder) is refused: it decides which image the job clones.
 */
async function readWarmRecord(file) {
    let text;
    try {
        const owner = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file)).uid;
        if (process.getuid && owner !== process.getuid())
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DatacloneError */ .YF(`the warm record ${file} belongs to another user (uid ${owner})`, 'Remove it, or give this job a folder of its own (DATACLONE_STATE_DIR).');
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    try {
        const record = JSON.parse(text);
        if (!Array.isArray(record.images))
            throw new Error('it lists no images');
        return record;
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DatacloneError */ .YF(`the warm record ${file} cannot be read: ${error.message}`, 'Remove it and run the warm step again.');
    }
}
async function removeWarmRecord(file) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(warmLogPath(file), { force: true });
}
/** Whether a process of this machine is still running (signal 0 checks without sending one). */
function processRuns(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}


/***/ })

};
