export const id = 113;
export const ids = [113];
export const modules = {

/***/ 5113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  imageBuild: () => (/* binding */ imageBuild),
  imageClassify: () => (/* binding */ imageClassify),
  imageList: () => (/* binding */ imageList),
  imageRemove: () => (/* binding */ imageRemove)
});

// EXTERNAL MODULE: ./src/definition/load-image-definition.ts + 14 modules
var load_image_definition = __webpack_require__(2045);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/random.ts
var random = __webpack_require__(38640);
// EXTERNAL MODULE: ./src/docker/labels.ts
var labels = __webpack_require__(20065);
// EXTERNAL MODULE: ./src/engines/index.ts
var engines = __webpack_require__(56599);
// EXTERNAL MODULE: ./src/sources/live-source.ts
var live_source = __webpack_require__(6958);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/masking/masking-key.ts


/**
 * Reads the masking secret from the environment variable the definition names, before any build
 * work: a definition that demands deterministic masking fails here without it. Without it,
 * masking uses a key made for this build: consistent within the image, different in the next.
 */
function maskingKey(mask, env, reporter, file) {
    const secret = env[mask.secretVariable] ?? '';
    if (secret !== '') {
        reporter.maskSecret(secret);
        return { secret, deterministic: true };
    }
    if (mask.deterministic)
        throw new errors/* DatacloneError */.YF(`${file}: mask: deterministic masking is demanded, and the environment variable ${mask.secretVariable} is not set or empty`, `Set ${mask.secretVariable} to the masking secret (a CI secret, the same for every build), or name another variable with mask.secret. Nothing was built.`);
    reporter.warn(`mask: ${mask.secretVariable} is not set: masking is random (a key of this build only), consistent within this image but different in every build`);
    return { secret: (0,external_node_crypto_.randomBytes)(32).toString('hex'), deterministic: false };
}

// EXTERNAL MODULE: ./src/images/build-shell.ts
var build_shell = __webpack_require__(12481);
// EXTERNAL MODULE: ./src/images/ensure-image.ts
var ensure_image = __webpack_require__(21086);
// EXTERNAL MODULE: ./src/images/image-reference.ts
var image_reference = __webpack_require__(82991);
// EXTERNAL MODULE: ./src/images/server-version-check.ts
var server_version_check = __webpack_require__(74515);
// EXTERNAL MODULE: ./src/definition/suggest-name.ts
var suggest_name = __webpack_require__(29275);
;// CONCATENATED MODULE: ./src/images/restore-instance.ts



/**
 * Restores the definition's instance source (a dump of a whole server) and finds the databases
 * it brought, by asking the server what is there now that was not before. Every entry that
 * says it comes from the instance source must be among them. The logins it brought keep no
 * production password.
 */
async function restoreInstanceSource(shell, engine, definition, reporter) {
    const instance = definition.instance;
    if (!instance)
        return [];
    const source = instance.source;
    const file = source?.kind === 'live'
        ? source.url
        : external_node_path_default().relative(definition.directory, source ? source.path : backupPath(instance.backup)) || '.';
    // A physical backup was copied in at initialise: everything in the instance came from it.
    const before = instance.source ? await engine.listDatabases(shell) : [];
    const loginsBefore = instance.source ? await engine.listLogins(shell) : [];
    if (instance.source) {
        reporter.info(`Restoring the instance from ${file}`);
        await engine.restoreInstance(shell, instance.source, `restore the instance from ${file}`, reporter);
    }
    const found = (await engine.listDatabases(shell)).filter((name) => !before.includes(name));
    const brought = (await engine.listLogins(shell)).filter((login) => !loginsBefore.some((old) => old.name === login.name && old.credential === login.credential));
    await engine.disableLogins(shell, brought);
    const changed = brought.length;
    reporter.info(`The instance source brought ${found.length} database(s): ${found.join(', ') || 'none'}; ${changed} login(s) it brought ${engine.name === 'postgres' ? 'now have no password' : 'are now locked'} (clones are reached as ${engine.superuser} with the clone's password)`);
    if (found.length === 0) {
        throw new errors/* DatacloneError */.YF(`${definition.file}: instance.source: ${file} was restored, but it brought no database`, 'Check that the dump holds databases (pg_dumpall; mysqldump --all-databases or --databases a b c), not only roles.');
    }
    const missing = definition.databases.filter((db) => db.source.kind === 'instance' && !found.includes(db.name));
    if (missing.length > 0) {
        const names = missing.map((db) => `'${db.name}'`).join(', ');
        const guess = (0,suggest_name/* suggestName */.S)(missing[0]?.name ?? '', found);
        throw new errors/* DatacloneError */.YF(`${definition.file}: databases: ${names} ${missing.length === 1 ? 'has' : 'have'} no source and ${missing.length === 1 ? 'is' : 'are'} not among the databases ${file} brought (${found.join(', ')})${guess ? `; did you mean '${guess}'?` : ''}`, 'An entry without source names a database of the instance source: fix its name, or give it a source of its own.');
    }
    return found;
}
function backupPath(backup) {
    return backup.kind === 'pg-basebackup-tar' ? backup.base : backup.path;
}
/** Checks, after its restore, that a dump that creates its own database created the one its entry names. */
async function checkCreatedDatabase(shell, engine, definition, database, before) {
    const source = database.source;
    const now = await engine.listDatabases(shell);
    if (now.includes(database.name))
        return;
    const created = now.filter((name) => !before.includes(name));
    throw new errors/* DatacloneError */.YF(`${definition.file}: database '${database.name}': ${external_node_path_default().relative(definition.directory, source.path)} ran in the maintenance database (it creates its own database), but no database '${database.name}' exists afterwards${created.length > 0 ? `; it created ${created.map((name) => `'${name}'`).join(', ')}` : ''}`, `Name the entry after the database the script creates, or set createsDatabase: false to run the script inside '${database.name}'.`);
}
/**
 * The image's databases: those the instance source brought that no entry lists (restored first,
 * depending on nothing), then the definition's own, in restore order.
 */
function imageDatabases(definition, found) {
    const listed = new Set(definition.databases.map((db) => db.name));
    const unlisted = found
        .filter((name) => !listed.has(name))
        .map((name) => ({ name, source: { kind: 'instance' }, dependsOn: [] }));
    return [...unlisted, ...definition.databases];
}
/** `primary` if given (it must be one of the image's databases), else the first listed, else the first found. */
function imagePrimaryDatabase(definition, databases) {
    const names = databases.map((db) => db.name);
    const primary = definition.primaryDatabase;
    if (primary && !names.includes(primary)) {
        const guess = (0,suggest_name/* suggestName */.S)(primary, names);
        throw new errors/* DatacloneError */.YF(`${definition.file}: primary: '${primary}' is not one of the databases of the image (${names.join(', ')})${guess ? `; did you mean '${guess}'?` : ''}`, 'Name a database the instance source brings, or one listed under databases.');
    }
    return primary || names[0] || '';
}

;// CONCATENATED MODULE: ./src/images/build-image.ts












/** Every build container's name starts with this; `dataclone gc` finds leftovers by it. */
const BUILD_CONTAINER_PREFIX = 'dataclone-build-';
/**
 * Builds a data image: a build container from the base image, the instance initialised, every
 * database restored in dependency order, the scripts run, the server stopped cleanly and the
 * container committed. The tag moves only once all of that succeeded; a failed or aborted build
 * leaves no container and no image behind.
 */
async function buildImage(options) {
    const { host, reporter } = options;
    const started = performance.now();
    const steps = [];
    const timed = async (step, work) => {
        const stepStarted = performance.now();
        const result = await work();
        steps.push({ step, durationMs: Math.round(performance.now() - stepStarted) });
        return result;
    };
    const { definition } = options;
    const relative = (file) => external_node_path_default().relative(definition.directory, file) || '.';
    const tag = options.tag ?? `dataclone/${definition.name}:latest`;
    (0,image_reference/* validateImageReference */.X)(tag, '--tag');
    const engine = (0,engines/* engineFor */.E)(definition.engine);
    (0,live_source/* checkLiveCredentials */.HF)(definition);
    // Before any work: a definition that demands deterministic masking fails here without its secret.
    const key = definition.mask && maskingKey(definition.mask, options.env ?? process.env, reporter, definition.file);
    await host.ping();
    const base = await timed('base image', () => (0,ensure_image/* ensureImage */.Y)(host, definition.baseImage, reporter, 'baseImage'));
    const buildId = (0,random/* randomSuffix */.V)(6);
    const containerId = await host.createContainer({
        name: `${BUILD_CONTAINER_PREFIX}${definition.name}-${buildId}`,
        image: definition.baseImage,
        // No labels: a commit carries the container's labels into the image, and from there into
        // every clone. Build containers are found by their name prefix instead.
        labels: {},
        entrypoint: ['tail', '-f', '/dev/null'],
        cmd: [],
        user: 'root',
        tmpfs: base.volumes,
        ...(options.network !== undefined && { network: options.network }),
    });
    // Removing the container ends whatever runs in it at once; the finally below waits for it.
    let removal;
    const abort = () => {
        removal = host.removeContainer(containerId);
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    let imageId;
    let connectsToItself = true;
    let databases = definition.databases;
    let primaryDatabase = definition.primaryDatabase;
    let masking;
    try {
        await host.startContainer(containerId);
        const shell = (0,build_shell/* dockerBuildShell */.BR)(host, containerId, engine.serverUser, reporter);
        await reporter.group(`Build ${tag} from ${definition.file}`, async () => {
            await timed('server version', () => (0,server_version_check/* checkBaseImageServer */.k)(shell, engine, definition, reporter));
            await timed('initialise', () => initialise(shell, engine, definition));
            await timed('create databases', async () => {
                for (const database of definition.databases.filter(isMadeByTheBuild))
                    await engine.createDatabase(shell, database.name);
            });
            for (const [index, script] of definition.setup.entries()) {
                await timed(`setup ${relative(script.path)}`, () => engine.runScript(shell, script, `setup script ${index + 1}: ${relative(script.path)}`));
            }
            const found = definition.instance
                ? await timed('restore instance', () => restoreInstanceSource(shell, engine, definition, reporter))
                : [];
            const own = definition.databases.filter((database) => database.source.kind !== 'instance');
            for (const [index, database] of own.entries()) {
                reporter.info(`Restoring database ${database.name} (${index + 1} of ${own.length}) from ${describeSource(database.source, relative)}`);
                const stepStarted = performance.now();
                await timed(`restore ${database.name}`, async () => {
                    const createsItself = !isMadeByTheBuild(database);
                    const before = createsItself ? await engine.listDatabases(shell) : [];
                    await engine.restoreDatabase(shell, database, reporter);
                    if (createsItself)
                        await checkCreatedDatabase(shell, engine, definition, database, before);
                });
                reporter.info(`Restored ${database.name} in ${seconds(performance.now() - stepStarted)}`);
            }
            databases = imageDatabases(definition, found);
            primaryDatabase = imagePrimaryDatabase(definition, databases);
            const mask = definition.mask;
            if (mask && key) {
                // Loaded here: a build without mask rules never loads masking (nor its dictionaries).
                const { maskInstance } = await __webpack_require__.e(/* import() */ 191).then(__webpack_require__.bind(__webpack_require__, 28191));
                const names = databases.map((database) => database.name);
                masking = await timed('mask', () => maskInstance(shell, engine.name, mask, key, reporter, names));
            }
            for (const [index, script] of definition.after.entries()) {
                await timed(`after ${relative(script.path)}`, () => engine.runScript(shell, script, `after script ${index + 1}: ${relative(script.path)}`));
            }
            if (definition.mask?.require === 'classified') {
                // Loaded here: a build that does not ask for it never loads the classifier.
                const { requireClassified } = await __webpack_require__.e(/* import() */ 614).then(__webpack_require__.bind(__webpack_require__, 66614));
                await timed('check classified', () => requireClassified({
                    shell,
                    engine,
                    file: definition.file,
                    mask: definition.mask,
                    databases: databases.map((database) => database.name),
                    reporter,
                }));
            }
            connectsToItself = await timed('inspect', () => engine.connectsToItself(shell, databases.map((database) => database.name)));
            await timed('finalise', () => engine.finalise(shell));
        });
        if (options.signal?.aborted)
            throw new errors/* DatacloneError */.YF('image build was cancelled', 'Nothing was tagged.');
        imageId = await timed('commit', () => host.commitContainer(containerId, imageChanges(engine), {
            Labels: imageLabels(definition, engine, { connectsToItself, databases, primaryDatabase, masking }),
        }));
        await host.tagImage(imageId, tag);
    }
    catch (error) {
        if (imageId)
            await host.removeImage(imageId).catch(() => { });
        if (options.signal?.aborted)
            throw new errors/* DatacloneError */.YF('image build was cancelled', 'Nothing was tagged; the build container was removed.', { cause: error });
        throw error;
    }
    finally {
        options.signal?.removeEventListener('abort', abort);
        await removal?.catch(() => { });
        await host.removeContainer(containerId);
    }
    const image = await host.inspectImage(imageId);
    const durationMs = Math.round(performance.now() - started);
    reporter.info(`Built ${tag} (${imageId.slice(7, 19)}) in ${seconds(durationMs)}`);
    return {
        imageId,
        tag,
        definition,
        databases: databases.map((db) => db.name),
        sizeBytes: image?.sizeBytes ?? 0,
        durationMs,
        steps,
        ...(masking && { masking }),
    };
}
/** What the commit sets on the data image for its clones: how they start. */
function imageChanges(engine) {
    const start = engine.cloneStart();
    return [
        `ENTRYPOINT ${JSON.stringify(start.entrypoint)}`,
        'CMD []',
        `USER ${start.user}`,
        `EXPOSE ${engine.port}`,
    ];
}
/**
 * The labels that describe the data image. They go into the commit's configuration, not into
 * LABEL instructions, which expand `$VARIABLES` and escape newlines: each is stored as written.
 */
function imageLabels(definition, engine, found) {
    const { connectsToItself, databases, primaryDatabase, masking } = found;
    return {
        ...definition.labels,
        [labels/* Labels */.gC.engine]: engine.name,
        [labels/* Labels */.gC.engineVersion]: definition.version,
        [labels/* Labels */.gC.definitionName]: definition.name,
        [labels/* Labels */.gC.definitionDigest]: definition.digest,
        [labels/* Labels */.gC.databases]: JSON.stringify(databases.map((db) => ({ name: db.name, dependsOn: db.dependsOn }))),
        [labels/* Labels */.gC.primaryDatabase]: primaryDatabase,
        [labels/* Labels */.gC.superuser]: engine.superuser,
        [labels/* Labels */.gC.port]: String(engine.port),
        [labels/* Labels */.gC.connectsToItself]: String(connectsToItself),
        [labels/* Labels */.gC.built]: new Date().toISOString(),
        // The rules' digest, never the secret: which rules masked the image, and whether with a
        // secret of the environment (the same fakes in every build) or a key of this build's own.
        ...(masking && {
            [labels/* Labels */.gC.masked]: 'true',
            [labels/* Labels */.gC.maskDigest]: masking.digest,
            [labels/* Labels */.gC.maskDeterministic]: String(masking.deterministic),
        }),
    };
}
function describeSource(source, relative) {
    switch (source.kind) {
        case 'empty':
            return 'nothing (an empty database)';
        case 'instance':
            return 'the instance source';
        case 'scripts':
            return `${source.files.length} scripts in ${relative(source.path)}/`;
        case 'live':
            return `the live server ${source.url}`;
        default:
            return `${relative(source.path)} (${source.kind})`;
    }
}
/** A fresh instance, or one from the definition's physical backup. */
async function initialise(shell, engine, definition) {
    const backup = definition.instance?.backup;
    if (!backup)
        return engine.initialise(shell);
    if (!engine.initialiseFromBackup)
        throw new errors/* DatacloneError */.YF(`${definition.file}: instance.backup: ${engine.name} cannot restore physical backups yet`);
    await engine.initialiseFromBackup(shell, backup);
}
/** The build creates a database before its restore, unless a dump (or the instance source) creates it. */
function isMadeByTheBuild(database) {
    const source = database.source;
    if (source.kind === 'instance')
        return false;
    return !('createsDatabase' in source && source.createsDatabase);
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

// EXTERNAL MODULE: ./src/clones/read-clone.ts
var read_clone = __webpack_require__(74280);
// EXTERNAL MODULE: ./src/clones/remove-clone.ts
var remove_clone = __webpack_require__(51576);
// EXTERNAL MODULE: ./src/docker/docker-host.ts + 1 modules
var docker_host = __webpack_require__(1370);
;// CONCATENATED MODULE: ./src/images/remove-images.ts





/**
 * Removes data images by tag, as `docker rmi` does: a tag goes, and the image with its last one.
 * An image that would go while clones were started from it is refused, naming them, unless
 * `force`, which removes those clones first. Every reference is checked before anything is
 * removed, so a mistyped one removes nothing.
 */
async function removeImages(options) {
    const { host, reporter } = options;
    await host.ping();
    const targets = [];
    for (const reference of options.references) {
        const image = await host.inspectImage(reference);
        if (!image) {
            throw new errors/* DatacloneError */.YF(`there is no image '${reference}' on ${host.description}`, '`dataclone image list` lists the data images there.');
        }
        if (!image.labels[labels/* Labels */.gC.engine]) {
            throw new errors/* DatacloneError */.YF(`'${reference}' is not a data image (it has no ${labels/* Labels */.gC.engine} label), so dataclone leaves it alone`, `dataclone removes only the images it built; remove this one with \`docker rmi ${reference}\` if you mean to.`);
        }
        const tag = tagOf(reference, image);
        // Named by ID: all of its tags go, and the image with them.
        targets.push({ reference, image, tags: tag ? [tag] : image.tags });
    }
    const removedTags = new Set(targets.flatMap((target) => target.tags));
    const going = new Set(targets
        .filter((target) => target.image.tags.every((tag) => removedTags.has(tag)))
        .map((target) => target.image.id));
    const clones = (await (0,read_clone/* listClones */.DW)(host)).filter((clone) => going.has(clone.imageId));
    if (clones.length > 0 && !options.force)
        throw inUse(targets, clones);
    for (const clone of clones)
        await (0,remove_clone/* removeClone */.q)({ host, reporter, name: clone.name });
    const images = [];
    for (const target of targets) {
        try {
            for (const tag of target.tags.length ? target.tags : [target.image.id])
                await host.removeImage(tag);
        }
        catch (error) {
            throw new errors/* DatacloneError */.YF(`image ${target.reference} could not be removed: ${(0,docker_host/* errorText */.kc)(error)}`, 'A container that is not a clone may use it (`docker ps -a --filter ancestor=<image>`), or an image saved from one of its clones builds on it.', { cause: error });
        }
        const imageRemoved = going.has(target.image.id);
        images.push({ reference: target.reference, imageId: target.image.id, imageRemoved });
        reporter.info(imageRemoved
            ? `Removed image ${target.reference} (${target.image.id.slice(7, 19)})`
            : `Removed tag ${target.reference}; the image keeps ${target.image.tags.filter((tag) => !removedTags.has(tag)).join(', ')}`);
    }
    return { images, clones: clones.map((clone) => clone.name) };
}
/** The tag a reference names (`shop` is `shop:latest`, as Docker reads it); undefined for an image ID or digest. */
function tagOf(reference, image) {
    const byId = image.id === reference || image.id.startsWith(`sha256:${reference}`) || reference.startsWith('sha256:');
    if (byId || reference.includes('@'))
        return undefined;
    const { repo, tag } = (0,docker_host/* splitReference */.mQ)(reference);
    return `${repo}:${tag}`;
}
function inUse(targets, clones) {
    const lines = targets
        .map((target) => {
        const users = clones.filter((clone) => clone.imageId === target.image.id).map((clone) => clone.name);
        return users.length
            ? `image ${target.reference} is used by ${users.length} clone(s): ${users.join(', ')}`
            : '';
    })
        .filter(Boolean);
    const names = clones.map((clone) => clone.name).join(' ');
    return new errors/* DatacloneError */.YF(`${lines.join('\n')}\nnothing was removed`, `Remove those clones first (dataclone clone remove ${names}), or pass --force to remove them with the image.`);
}

// EXTERNAL MODULE: ./src/clones/create-clone.ts
var create_clone = __webpack_require__(73720);
// EXTERNAL MODULE: ./src/pipeline/teardown.ts
var teardown = __webpack_require__(81068);
// EXTERNAL MODULE: ./src/masking/classify/classify-instance.ts + 4 modules
var classify_instance = __webpack_require__(19910);
;// CONCATENATED MODULE: ./src/masking/classify/classify-image.ts






/**
 * Classifies the columns of a data image through a temporary clone of it, which is removed
 * afterwards whatever happens: a failed query, or an abort (Ctrl-C) part-way.
 */
async function classifyImage(options) {
    const { host, reporter, image } = options;
    const job = { host, reporter, owner: options.owner ?? `classify-${(0,random/* randomSuffix */.V)(6)}` };
    let removal;
    const abort = () => {
        removal = (0,teardown/* teardown */.z)(job);
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
        const { clone } = await (0,create_clone/* createClone */.sY)({ host, reporter, image, owner: job.owner, lifetime: '1h' });
        throwIfAborted(options.signal);
        const engine = (0,engines/* engineFor */.E)(clone.engine);
        const run = async (command, label) => {
            const result = await host.exec(clone.containerId, command, { user: engine.serverUser });
            throwIfAborted(options.signal);
            if (result.exitCode !== 0)
                throw new errors/* DatacloneError */.YF(`image classify: could not ${label} in a clone of ${image} (exit code ${result.exitCode}): ${result.stderr.trim() || 'no output'}`, 'Check that the image starts (dataclone clone create --image ...); run again with --debug for more.');
            return result.stdout;
        };
        const classification = await (0,classify_instance/* classifyInstance */.gv)({
            engine,
            run,
            databases: clone.connection.databases.map((database) => database.name),
            rules: options.rules,
            reporter,
        });
        return { image, engine: clone.engine, ...classification };
    }
    catch (error) {
        if (options.signal?.aborted)
            throw new errors/* DatacloneError */.YF('image classify was cancelled', 'Its temporary clone was removed.', {
                cause: error,
            });
        throw error;
    }
    finally {
        options.signal?.removeEventListener('abort', abort);
        await removal?.catch(() => { });
        await (0,teardown/* teardown */.z)(job);
    }
}
function throwIfAborted(signal) {
    if (signal?.aborted)
        throw new errors/* DatacloneError */.YF('image classify was cancelled');
}

// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
// EXTERNAL MODULE: ./src/core/bytes.ts
var bytes = __webpack_require__(79596);
// EXTERNAL MODULE: ./src/cli/table.ts
var table = __webpack_require__(82170);
// EXTERNAL MODULE: ./src/cli/usage-error.ts
var usage_error = __webpack_require__(14226);
;// CONCATENATED MODULE: ./src/report/masking-summary.ts
/** The rows of the masking summary: each masked column or emptied table, its strategy and rows. */
function maskingRows(report) {
    return [
        ...report.columns.map((c) => [c.database, c.table, c.column, c.strategy, String(c.rows)]),
        ...report.emptied.map((t) => [t.database, t.table, '(all rows)', 'empty', String(t.rows)]),
    ];
}
const MASKING_COLUMNS = ['DATABASE', 'TABLE', 'COLUMN', 'STRATEGY', 'ROWS'];
/** One line on how the image was masked: keyed by the secret or by this build's key, and the proof. */
function maskingLine(report) {
    const key = report.deterministic
        ? 'deterministic (keyed by the masking secret)'
        : 'random (no masking secret: a key of this build only)';
    return `masked: ${key}; rules ${report.digest.slice(0, 19)}; proof: none of ${report.sampled} sampled original value(s) left in any masked column`;
}
/** The masking summary in Markdown, for a CI job summary. */
function maskingMarkdown(report) {
    const header = `| ${['Database', 'Table', 'Column', 'Strategy', 'Rows'].join(' | ')} |\n|---|---|---|---|---:|`;
    const rows = maskingRows(report).map((row) => `| ${row.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`);
    return `### Masking\n\n${maskingLine(report)}\n\n${header}\n${rows.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/cli/commands/image-commands.ts











const imageBuild = {
    words: ['image', 'build'],
    summary: 'Build a data image from an image definition',
    usage: 'dataclone image build -f dataclone.yaml [--tag <image:tag>] [--network <docker network>] [--json]',
    options: {
        file: { type: 'string', short: 'f' },
        tag: { type: 'string', short: 't' },
        network: { type: 'string' },
    },
    async run(input, { host, reporter, print, json }) {
        const file = (0,command/* stringOption */.P)(input, 'file');
        if (!file)
            throw new usage_error/* UsageError */.e('image build: -f/--file is required', this.usage);
        const controller = new AbortController();
        const cancel = () => controller.abort();
        process.once('SIGINT', cancel);
        process.once('SIGTERM', cancel);
        try {
            const definition = await (0,load_image_definition/* loadImageDefinition */.L)(file);
            const built = await buildImage({
                host,
                reporter,
                definition,
                tag: (0,command/* stringOption */.P)(input, 'tag'),
                network: (0,command/* stringOption */.P)(input, 'network'),
                signal: controller.signal,
            });
            if (json) {
                print(JSON.stringify({
                    image: built.tag,
                    imageId: built.imageId,
                    engine: built.definition.engine,
                    version: built.definition.version,
                    databases: built.databases,
                    digest: built.definition.digest,
                    sizeBytes: built.sizeBytes,
                    durationMs: built.durationMs,
                    steps: built.steps,
                    ...(built.masking && { masking: built.masking }),
                }, null, 2));
            }
            else {
                print(`${built.tag}  ${built.imageId}`);
                print((0,table/* formatTable */.k)(['STEP', 'TIME'], built.steps.map((step) => [step.step, seconds(step.durationMs)])));
                print(`total ${seconds(built.durationMs)}, image size ${(0,bytes/* formatBytes */.z)(built.sizeBytes)}`);
                if (built.masking) {
                    print(maskingLine(built.masking));
                    print((0,table/* formatTable */.k)(MASKING_COLUMNS, maskingRows(built.masking)));
                }
            }
            return 0;
        }
        finally {
            process.off('SIGINT', cancel);
            process.off('SIGTERM', cancel);
        }
    },
};
const imageClassify = {
    words: ['image', 'classify'],
    summary: 'Find the columns of a data image that look personal, and print mask: rules for them',
    usage: 'dataclone image classify [<image:tag>] [--definition dataclone.yaml] [--json]',
    options: { definition: { type: 'string', short: 'f' } },
    positionals: { min: 0, max: 1, names: '<image:tag>' },
    async run(input, { host, reporter, print, json }) {
        const file = (0,command/* stringOption */.P)(input, 'definition');
        const definition = file ? await (0,load_image_definition/* loadImageDefinition */.L)(file) : undefined;
        // Without an image, the one the definition builds by default.
        const image = input.positionals[0] ?? (definition && `dataclone/${definition.name}:latest`);
        if (!image)
            throw new usage_error/* UsageError */.e('image classify: name an image, or give --definition', this.usage);
        return untilInterrupted(async (signal) => {
            const classification = await classifyImage({
                host,
                reporter,
                image,
                rules: definition?.mask?.rules,
                signal,
            });
            print(json
                ? JSON.stringify(classificationJson(classification), null, 2)
                : classificationText(classification));
            return 0;
        });
    },
};
/**
 * Runs `work` with a signal that Ctrl-C (or SIGTERM) aborts, so that it removes what it made
 * (a build container, a temporary clone) before the command ends.
 */
async function untilInterrupted(work) {
    const controller = new AbortController();
    const cancel = () => controller.abort();
    process.once('SIGINT', cancel);
    process.once('SIGTERM', cancel);
    try {
        return await work(controller.signal);
    }
    finally {
        process.off('SIGINT', cancel);
        process.off('SIGTERM', cancel);
    }
}
function classificationJson(classification) {
    return {
        ...classification,
        rules: (0,classify_instance/* suggestedRuleSet */.CN)(classification),
        yaml: (0,classify_instance/* suggestedRules */.fE)(classification),
    };
}
/** The rules to paste, under a comment that says what was scanned, and the covered columns after. */
function classificationText(classification) {
    const { suspects, covered } = classification;
    const lines = [
        `# dataclone image classify ${classification.image}: ${classification.columns} column(s) of ${classification.tables} table(s) in ${classification.databases.length} database(s); ${suspects.length} look personal and have no rule${covered.length > 0 ? `, ${covered.length} have one` : ''}`,
        (0,classify_instance/* suggestedRules */.fE)(classification),
    ];
    if (covered.length > 0) {
        lines.push("# covered by the definition's rules:");
        for (const suspect of covered)
            lines.push(`#   ${suspect.database}.${suspect.table}.${suspect.column}: ${suspect.reasons.join('; ')}`);
    }
    return lines.join('\n');
}
const imageList = {
    words: ['image', 'list'],
    summary: 'List the data images on the Docker host',
    usage: 'dataclone image list [--json]',
    options: {},
    async run(_input, { host, print, json }) {
        await host.ping();
        const images = await host.listImages({ [labels/* Labels */.gC.engine]: undefined });
        const rows = images.map((image) => ({
            tags: image.tags,
            id: image.id,
            engine: image.labels[labels/* Labels */.gC.engine] ?? '',
            version: image.labels[labels/* Labels */.gC.engineVersion] ?? '',
            databases: safeNames(image.labels[labels/* Labels */.gC.databases]),
            built: image.labels[labels/* Labels */.gC.built] ?? '',
            sizeBytes: image.sizeBytes,
        }));
        if (json)
            print(JSON.stringify(rows, null, 2));
        else
            print((0,table/* formatTable */.k)(['IMAGE', 'ENGINE', 'DATABASES', 'BUILT', 'SIZE'], rows.map((row) => [
                row.tags.join(', ') || row.id.slice(7, 19),
                `${row.engine} ${row.version}`,
                row.databases.join(', '),
                row.built,
                (0,bytes/* formatBytes */.z)(row.sizeBytes),
            ])));
        return 0;
    },
};
const imageRemove = {
    words: ['image', 'remove'],
    summary: 'Remove data images; refuses while clones use one, unless --force removes them too',
    usage: 'dataclone image remove <image:tag>... [--force] [--json]',
    options: { force: { type: 'boolean' } },
    positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: '<image:tag>' },
    async run(input, { host, reporter, print, json }) {
        const removed = await removeImages({
            host,
            reporter,
            references: input.positionals,
            force: input.values.force === true,
        });
        if (json)
            print(JSON.stringify(removed, null, 2));
        return 0;
    },
};
function safeNames(text) {
    try {
        return text ? JSON.parse(text).map((db) => db.name) : [];
    }
    catch {
        return [];
    }
}


/***/ }),

/***/ 19910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gv: () => (/* binding */ classifyInstance),
  CN: () => (/* binding */ suggestedRuleSet),
  fE: () => (/* binding */ suggestedRules)
});

// UNUSED EXPORTS: DEFAULT_SAMPLE_LIMITS

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./src/masking/classify/detectors.ts

/**
 * In order of precedence: a column named `email_address` is an e-mail, not a street address,
 * and `ip_address` an IP address.
 */
const DETECTORS = [
    {
        what: 'e-mail addresses',
        label: 'e-mail',
        strategy: 'email',
        kinds: ['text'],
        name: /(^|_)e_?mail(s|_address(es)?)?($|_)/,
        value: isEmail,
    },
    {
        what: 'card numbers',
        label: 'card number',
        strategy: 'credit-card',
        kinds: ['text', 'number'],
        name: /(^|_)(credit_?card|card_?(number|no|num)|cc_?(number|num|no)|pan)($|_)/,
        value: isCardNumber,
    },
    {
        what: 'IBANs',
        label: 'IBAN',
        strategy: 'iban',
        kinds: ['text'],
        name: /(^|_)(iban|bank_?account(_?(number|no))?)($|_)/,
        value: isIban,
    },
    {
        what: 'national identity numbers',
        label: 'national identity number',
        strategy: 'hash',
        kinds: ['text', 'number'],
        name: /(^|_)(ssn|social_?security(_?number)?|national_?(id|identity|insurance)(_?number)?|nino|tax_?(id|number)|bsn|personal_?(id|number)|id_?card(_?number)?)($|_)/,
        value: isSocialSecurityNumber,
    },
    {
        what: 'passport numbers',
        label: 'passport number',
        strategy: 'hash',
        kinds: ['text'],
        name: /(^|_)passport(_?(number|no|num))?($|_)/,
    },
    {
        what: 'IP addresses',
        label: 'IP address',
        strategy: 'ip-address',
        kinds: ['text', 'network'],
        name: /(^|_)(ip|ip_?addr(ess)?|ipv[46]|remote_?addr(ess)?|client_?ip)($|_)/,
        value: isIpAddress,
    },
    {
        what: 'phone numbers',
        label: 'phone number',
        strategy: 'phone',
        kinds: ['text'],
        name: /(^|_)(phone|telephone|tel|mobile|cell|cellphone|fax|msisdn)(_?(number|no|num))?($|_)/,
        value: isPhoneNumber,
    },
    {
        what: 'first names',
        label: 'first name',
        strategy: 'first-name',
        kinds: ['text'],
        name: /(^|_)(first_?name|given_?name|forename|fname)($|_)/,
    },
    {
        what: 'last names',
        label: 'last name',
        strategy: 'last-name',
        kinds: ['text'],
        name: /(^|_)(last_?name|surname|family_?name|lname)($|_)/,
    },
    {
        what: 'full names',
        label: 'full name',
        strategy: 'full-name',
        kinds: ['text'],
        name: /(^|_)(full_?name|display_?name|(customer|contact|person|holder|owner|account_?holder|card_?holder|billing|shipping)_?name)($|_)/,
    },
    {
        what: 'dates of birth',
        label: 'date of birth',
        strategy: 'date-of-birth',
        kinds: ['date', 'text'],
        name: /(^|_)(birth_?date|date_?of_?birth|dob|birthday|born(_?(on|at))?)($|_)/,
    },
    {
        what: 'postcodes',
        label: 'postcode',
        strategy: 'postcode',
        kinds: ['text'],
        name: /(^|_)(post_?code|postal_?code|zip|zip_?code)($|_)/,
    },
    {
        what: 'cities',
        label: 'city',
        strategy: 'city',
        kinds: ['text'],
        name: /(^|_)(city|town)($|_)/,
    },
    {
        what: 'street addresses',
        label: 'street address',
        strategy: 'street-address',
        kinds: ['text'],
        name: /(^|_)(street(_?address)?|address(_?line)?(_?\d)?|addr(_?\d)?|house_?number)($|_)/,
    },
];
/** A column called `name` names a person in a table of people. */
const PEOPLE_TABLE = /(^|_)(customer|user|person|people|employee|member|contact|client|patient|student|author|subscriber|account_?holder|applicant|guest|passenger)s?$/;
/** Words that make a name about personal data, not the data itself: `email_template`, `phone_type`. */
const NOT_THE_DATA = /(^|_)(type|kind|status|count|verified|confirmed|enabled|template|subject|format|flag|domain|hash)$/;
/** `firstName`, `First-Name` and `first_name` alike: `first_name`. */
function nameTokens(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, '');
}
/** The first detector a column's name matches, when the column's kind fits it. */
function detectByName(column, kind) {
    const tokens = nameTokens(column);
    if (NOT_THE_DATA.test(tokens))
        return undefined;
    return DETECTORS.find((detector) => detector.kinds.includes(kind) && detector.name?.test(tokens));
}
const EMAIL = /^[^\s@<>(),;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
function isEmail(value) {
    return value.length <= 254 && EMAIL.test(value.trim());
}
/** 13 to 19 digits (spaces or dashes between groups allowed) that pass the Luhn check. */
function isCardNumber(value) {
    const trimmed = value.trim();
    if (!/^\d[\d -]{11,22}\d$/.test(trimmed))
        return false;
    const digits = trimmed.replace(/[ -]/g, '');
    if (digits.length < 13 || digits.length > 19)
        return false;
    // Every digit the same (0000 0000 0000 0000) passes Luhn and is no card.
    if (/^(\d)\1+$/.test(digits))
        return false;
    return passesLuhn(digits);
}
/** The Luhn checksum card numbers carry in their last digit. */
function passesLuhn(digits) {
    let sum = 0;
    for (let i = 0; i < digits.length; i += 1) {
        let digit = Number(digits[digits.length - 1 - i]);
        if (i % 2 === 1) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
    }
    return sum % 10 === 0;
}
/** Country code, two check digits and 11-30 letters or digits, passing ISO 7064 mod 97-10. */
function isIban(value) {
    const compact = value.replace(/\s/g, '').toUpperCase();
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact))
        return false;
    const rearranged = compact.slice(4) + compact.slice(0, 4);
    let remainder = 0;
    for (const character of rearranged) {
        const code = character >= 'A' ? String(character.charCodeAt(0) - 55) : character;
        for (const digit of code)
            remainder = (remainder * 10 + Number(digit)) % 97;
    }
    return remainder === 1;
}
/** The shape of a US social security number: 123-45-6789, or a UK National Insurance number. */
function isSocialSecurityNumber(value) {
    const trimmed = value.trim().toUpperCase();
    return (/^\d{3}-\d{2}-\d{4}$/.test(trimmed) || /^[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]$/.test(trimmed));
}
function isIpAddress(value) {
    return (0,external_node_net_.isIP)(value.trim().replace(/\/\d{1,3}$/, '')) !== 0;
}
/**
 * 7 to 15 digits written as people write phone numbers: with a leading `+`, `0` or `(`, or with
 * separators between groups. Plain integers, decimals, dates, times and IPv4 addresses are not.
 */
function isPhoneNumber(value) {
    const trimmed = value.trim();
    if (!/^\+?[\d\s().-]+$/.test(trimmed))
        return false;
    const digits = trimmed.replace(/\D/g, '').length;
    if (digits < 7 || digits > 15)
        return false;
    if (/^\d{4}-\d{2}-\d{2}/.test(trimmed) || /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(trimmed))
        return false;
    if (/^\d+(\.\d+)?$/.test(trimmed) && !trimmed.startsWith('0'))
        return false;
    if ((0,external_node_net_.isIP)(trimmed) !== 0)
        return false;
    if (/^\d+\.\d+$/.test(trimmed))
        return false;
    const groups = trimmed.split(/[\s().-]+/).filter(Boolean).length;
    return trimmed.startsWith('+') || trimmed.startsWith('(') || trimmed.startsWith('0') || groups >= 3;
}

;// CONCATENATED MODULE: ./src/masking/classify/classify-columns.ts

/** Sampled values are evidence when at least half of them, and at least this many, match. */
const MIN_MATCHED = 3;
/**
 * Decides whether a column looks personal, from its name, its type and its sampled values (as
 * text; empty when it was not sampled). A name match needs a column of a fitting kind; sampled
 * values count when at least half of them match one detector, and decide what the column holds
 * when its name says nothing or something else.
 */
function classifyColumn(column, values) {
    const byName = nameMatch(column);
    const byValue = valueMatch(values);
    const reasons = [];
    if (byName)
        reasons.push(byName.reason);
    if (byValue)
        reasons.push(byValue.reason);
    // The values outweigh a name: a `contact` column full of e-mail addresses holds e-mails.
    let detector = byValue?.detector ?? byName?.detector;
    if (!detector && column.kind === 'network') {
        detector = DETECTORS.find((candidate) => candidate.strategy === 'ip-address');
        reasons.push(`its type ${column.type} holds IP addresses`);
    }
    if (!detector)
        return undefined;
    return {
        database: column.database,
        table: column.tableKey,
        column: column.column,
        type: column.type,
        unique: column.unique,
        holds: detector.what,
        ...suggestRule(detector.strategy, column.unique, reasons),
    };
}
/** The strategies whose fakes can stay unique (the others repeat values); hash stands in for the rest. */
const KEEP_UNIQUE = ['email', 'iban', 'uuid', 'hash', 'shuffle', 'expression'];
function suggestRule(strategy, unique, reasons) {
    if (!unique)
        return { strategy, rule: strategy, reasons };
    if (KEEP_UNIQUE.includes(strategy))
        return { strategy, rule: { strategy, unique: true }, reasons: [...reasons, 'unique index'] };
    return {
        strategy: 'hash',
        rule: { strategy: 'hash', unique: true },
        reasons: [...reasons, `unique index, which ${strategy} cannot keep: hash`],
    };
}
function nameMatch(column) {
    const detector = detectByName(column.column, column.kind);
    if (detector)
        return { detector, reason: `its name says ${detector.label}` };
    if (nameTokens(column.column) === 'name' &&
        column.kind === 'text' &&
        PEOPLE_TABLE.test(nameTokens(column.table))) {
        const fullName = DETECTORS.find((candidate) => candidate.strategy === 'full-name');
        if (fullName)
            return { detector: fullName, reason: `a name in a table of people (${column.table})` };
    }
    return undefined;
}
function valueMatch(values) {
    if (values.length === 0)
        return undefined;
    let best;
    for (const detector of DETECTORS) {
        if (!detector.value)
            continue;
        const matched = values.filter((value) => detector.value?.(value)).length;
        if (matched > (best?.matched ?? 0))
            best = { detector, matched };
    }
    if (!best)
        return undefined;
    const enough = best.matched * 2 >= values.length && best.matched >= Math.min(MIN_MATCHED, values.length);
    if (!enough)
        return undefined;
    return {
        detector: best.detector,
        reason: `${best.matched} of ${values.length} sampled values are ${best.detector.what}`,
    };
}

;// CONCATENATED MODULE: ./src/masking/classify/instance-catalog.ts
const POSTGRES_CATALOG = {
    clientArgs: (sql) => ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', sql],
    // Tables and partitioned tables (not their partitions, views, foreign tables or the tables of
    // extensions); typcategory says what a type holds, for domains too.
    columnsQuery: `SELECT jsonb_build_array(n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
  CASE WHEN t.typcategory = 'S' THEN 'text'
       WHEN t.typcategory = 'N' AND t.typname IN ('int8', 'numeric') THEN 'number'
       WHEN t.typcategory = 'D' THEN 'date'
       WHEN t.typcategory = 'I' THEN 'network'
       ELSE 'other' END,
  EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND i.indnkeyatts = 1
          AND i.indkey[0] = a.attnum AND i.indpred IS NULL AND i.indexprs IS NULL),
  a.attnum)::text
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type t ON t.oid = a.atttypid
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname, c.relname, a.attnum`,
    sampleQuery(columns, limits) {
        return columns
            .map((column, index) => {
            const name = quotePostgres(column.column);
            return `(SELECT jsonb_build_array(${index}, left(${name}::text, ${limits.length}))::text FROM (SELECT ${name} FROM ${quotePostgres(column.schema)}.${quotePostgres(column.table)} LIMIT ${limits.rows}) r WHERE ${name} IS NOT NULL LIMIT ${limits.values})`;
        })
            .join('\nUNION ALL\n');
    },
};
const MYSQL_CATALOG = {
    // Raw: batch mode would double the backslashes of JSON's escapes.
    clientArgs: (sql) => ['-N', '-B', '-r', '-e', sql],
    // The unique indexes come from a join, not a correlated subquery: MariaDB fills an
    // information_schema table in a subquery once, and then took every column for unique.
    columnsQuery: `SELECT JSON_ARRAY(c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE,
  CASE WHEN c.DATA_TYPE IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext') THEN 'text'
       WHEN c.DATA_TYPE IN ('bigint', 'decimal') THEN 'number'
       WHEN c.DATA_TYPE IN ('date', 'datetime', 'timestamp') THEN 'date'
       ELSE 'other' END,
  u.COLUMN_NAME IS NOT NULL,
  c.ORDINAL_POSITION)
FROM information_schema.COLUMNS c
JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
LEFT JOIN (SELECT DISTINCT TABLE_NAME, COLUMN_NAME FROM (
    SELECT TABLE_NAME, INDEX_NAME, MIN(COLUMN_NAME) AS COLUMN_NAME FROM information_schema.STATISTICS
    WHERE TABLE_SCHEMA = DATABASE() AND NON_UNIQUE = 0
    GROUP BY TABLE_NAME, INDEX_NAME HAVING COUNT(*) = 1 AND MAX(SUB_PART) IS NULL) i
  ) u ON u.TABLE_NAME = c.TABLE_NAME AND u.COLUMN_NAME = c.COLUMN_NAME
WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`,
    sampleQuery(columns, limits) {
        return columns
            .map((column, index) => {
            const name = quoteMysql(column.column);
            return `(SELECT JSON_ARRAY(${index}, LEFT(CAST(${name} AS CHAR), ${limits.length})) FROM (SELECT ${name} FROM ${quoteMysql(column.table)} LIMIT ${limits.rows}) r WHERE ${name} IS NOT NULL LIMIT ${limits.values})`;
        })
            .join('\nUNION ALL\n');
    },
};
function catalogFor(engine) {
    return engine === 'postgres' ? POSTGRES_CATALOG : MYSQL_CATALOG;
}
function quotePostgres(identifier) {
    return `"${identifier.replaceAll('"', '""')}"`;
}
function quoteMysql(identifier) {
    return `\`${identifier.replaceAll('`', '``')}\``;
}

;// CONCATENATED MODULE: ./src/masking/classify/mask-rules.ts
/** Whether a rule masks this column: one of its own, or its table is emptied. */
function isCovered(rules, database, table, column) {
    if (isListed(rules))
        return rules.some((rule) => rule.database === database &&
            inPublic(rule.table) === table &&
            (rule.kind === 'empty' || rule.column === column));
    const tables = rules?.[database] ?? {};
    return Object.entries(tables).some(([name, rule]) => inPublic(name) === table && (rule === 'empty' || Object.hasOwn(rule, column)));
}
/** `public.customers` and `customers` name the same PostgreSQL table. */
function inPublic(table) {
    return table.startsWith('public.') ? table.slice('public.'.length) : table;
}
function isListed(rules) {
    return Array.isArray(rules);
}
/**
 * The suggestions as a `mask:` block ready to paste into dataclone.yaml: one line per column,
 * with the reason as its comment. Names that YAML would read otherwise are quoted.
 */
function renderMaskRules(suggestions) {
    const lines = ['mask:', '  rules:'];
    let database;
    let table;
    for (const suggestion of suggestions) {
        if (suggestion.database !== database) {
            database = suggestion.database;
            table = undefined;
            lines.push(`    ${yamlKey(database)}:`);
        }
        if (suggestion.table !== table) {
            table = suggestion.table;
            lines.push(`      ${yamlKey(table)}:`);
        }
        lines.push(`        ${yamlKey(suggestion.column)}: ${yamlRule(suggestion.rule)}  # ${oneLine(suggestion.reason)}`);
    }
    if (suggestions.length === 0)
        lines.push('    {}  # no column looks personal');
    return lines.join('\n');
}
/** `first-name`, or `{ strategy: email, unique: true }`. */
function yamlRule(rule) {
    if (typeof rule === 'string')
        return yamlScalar(rule);
    const parts = Object.entries(rule).map(([key, value]) => `${yamlKey(key)}: ${yamlScalar(value)}`);
    return `{ ${parts.join(', ')} }`;
}
const PLAIN = /^[A-Za-z_][A-Za-z0-9_.$-]*$/;
const YAML_WORDS = /^(true|false|yes|no|on|off|null|y|n)$/i;
function yamlKey(name) {
    return PLAIN.test(name) && !YAML_WORDS.test(name) ? name : JSON.stringify(name);
}
function yamlScalar(value) {
    if (typeof value === 'string')
        return yamlKey(value);
    return JSON.stringify(value);
}
function oneLine(text) {
    return text.replace(/\s+/g, ' ');
}

;// CONCATENATED MODULE: ./src/masking/classify/classify-instance.ts



const DEFAULT_SAMPLE_LIMITS = { values: 200, rows: 2000, length: 120 };
/** The bytes of SQL one client call carries at most: one argument may not exceed 128 KiB. */
const MAX_QUERY_LENGTH = 60_000;
/**
 * Scans every user table column of the instance: lists them with their types from the catalog,
 * samples the text (and long number) columns with one cheap bounded query per batch of columns,
 * and classifies each one.
 */
async function classifyInstance(options) {
    const catalog = catalogFor(options.engine.name);
    const limits = { ...DEFAULT_SAMPLE_LIMITS, ...options.limits };
    const found = [];
    let tables = 0;
    let columns = 0;
    for (const database of options.databases) {
        const listed = await listColumns(options, catalog, database);
        tables += new Set(listed.map((column) => column.tableKey)).size;
        columns += listed.length;
        const samples = await sampleColumns(options, catalog, database, listed, limits);
        for (const [index, column] of listed.entries()) {
            const suspect = classifyColumn(column, samples[index] ?? []);
            if (suspect)
                found.push(suspect);
        }
        options.reporter.info(`Classified ${listed.length} column(s) of database ${database}: ${found.filter((s) => s.database === database).length} look personal`);
    }
    const covers = (suspect) => isCovered(options.rules, suspect.database, suspect.table, suspect.column);
    return {
        databases: options.databases,
        tables,
        columns,
        suspects: found.filter((suspect) => !covers(suspect)),
        covered: found.filter(covers),
    };
}
/** The classification's uncovered suspects as a `mask:` block to paste, each with its reasons. */
function suggestedRules(classification) {
    return renderMaskRules(classification.suspects.map((suspect) => ({
        database: suspect.database,
        table: suspect.table,
        column: suspect.column,
        rule: suspect.rule,
        reason: `${suspect.type}: ${suspect.reasons.join('; ')}`,
    })));
}
/** The uncovered suspects' rules as the definition holds them: database, table, column. */
function suggestedRuleSet(classification) {
    const rules = {};
    for (const suspect of classification.suspects) {
        const tables = (rules[suspect.database] ??= {});
        const table = (tables[suspect.table] ??= {});
        if (table !== 'empty')
            table[suspect.column] = suspect.rule;
    }
    return rules;
}
async function listColumns(options, catalog, database) {
    const output = await options.run(options.engine.clientCommand(database, catalog.clientArgs(catalog.columnsQuery)), `list the columns of database ${database}`);
    return jsonLines(output).map((line) => {
        const [schema, table, column, type, kind, unique] = line;
        const tableKey = options.engine.name !== 'postgres' || schema === 'public' ? table : `${schema}.${table}`;
        return { database, schema, table, tableKey, column, type, kind, unique: Boolean(unique) };
    });
}
/** Sampled values per listed column (by index); columns not sampled have none. */
async function sampleColumns(options, catalog, database, listed, limits) {
    const samples = listed.map(() => []);
    const sampled = listed.flatMap((column, index) => column.kind === 'text' || column.kind === 'number' ? [{ column, index }] : []);
    for (const batch of batches(sampled, (part) => catalog.sampleQuery(part.map((entry) => entry.column), limits))) {
        const output = await options.run(options.engine.clientCommand(database, catalog.clientArgs(batch.sql)), `sample ${batch.items.length} column(s) of database ${database}`);
        for (const line of jsonLines(output)) {
            const [position, value] = line;
            const entry = batch.items[position];
            if (entry && typeof value === 'string')
                samples[entry.index]?.push(value);
        }
    }
    return samples;
}
/** Splits items into runs whose query stays under MAX_QUERY_LENGTH (each item's part measured alone). */
function batches(items, query) {
    const runs = [];
    let current = [];
    let length = 0;
    for (const item of items) {
        const added = query([item]).length + '\nUNION ALL\n'.length;
        if (current.length > 0 && length + added > MAX_QUERY_LENGTH) {
            runs.push(current);
            current = [];
            length = 0;
        }
        current.push(item);
        length += added;
    }
    if (current.length > 0)
        runs.push(current);
    return runs.map((run) => ({ items: run, sql: query(run) }));
}
/** The client printed one JSON document a line. */
function jsonLines(output) {
    return output
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line));
}


/***/ })

};
