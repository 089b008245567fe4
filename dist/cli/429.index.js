export const id = 429;
export const ids = [429];
export const modules = {

/***/ 84824:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  imageBuild: () => (/* binding */ imageBuild),
  imageList: () => (/* binding */ imageList),
  imageRemove: () => (/* binding */ imageRemove)
});

// EXTERNAL MODULE: ./src/definition/load-image-definition.ts + 11 modules
var load_image_definition = __webpack_require__(50813);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/random.ts
var random = __webpack_require__(38640);
// EXTERNAL MODULE: ./src/docker/labels.ts
var labels = __webpack_require__(20065);
// EXTERNAL MODULE: ./src/engines/index.ts + 8 modules
var engines = __webpack_require__(10538);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/tar-fs/index.js
var tar_fs = __webpack_require__(35645);
;// CONCATENATED MODULE: ./src/images/build-shell.ts






/** A build step that exited non-zero: says which step, and what the server or tool printed. */
class BuildStepError extends errors/* DatacloneError */.YF {
    step;
    exitCode;
    stderr;
    constructor(step, exitCode, stderr) {
        super(`image build failed at step "${step}" (exit code ${exitCode}):\n${indent(lastLines(stderr, 20)) || '  (no output)'}`, `${missingObjectHint(stderr) ?? 'Fix the source or script named above and build again'}; nothing was tagged and the build container was removed.`);
        this.step = step;
        this.exitCode = exitCode;
        this.stderr = stderr;
    }
}
/**
 * What to do when a dump needs a role or an extension the instance does not have, or creates
 * its own database further down than dataclone looks for it.
 */
function missingObjectHint(stderr) {
    if (/cannot drop the currently open database/.test(stderr))
        return 'The script drops and creates its own database: set createsDatabase: true on its entry, so that it runs in the maintenance database';
    const role = /role "([^"]+)" does not exist/.exec(stderr)?.[1];
    if (role)
        return `The dump needs role ${role}: create it in a setup script (CREATE ROLE ${role};), listed under setup`;
    const extension = /extension "([^"]+)" is not available/.exec(stderr)?.[1];
    if (extension)
        return `The base image has no extension ${extension}: set baseImage to an image that has it installed (one built FROM the official image that installs it)`;
    return undefined;
}
/**
 * psql names what it reads on standard input `<stdin>`, and mysql says only "at line N": the
 * file the build streamed in is what the user can open.
 */
function nameTheInput(stderr, input) {
    if (input?.kind !== 'file')
        return stderr;
    return stderr
        .replaceAll('psql:<stdin>:', `psql:${input.path}:`)
        .replace(/^(ERROR \d+ \([^)]*\) at line \d+)(?=:)/gm, `$1 of ${input.path}`);
}
/** Runs an engine's build commands in the build container, streaming inputs from this machine. */
function dockerBuildShell(host, containerId, serverUser, reporter) {
    return {
        async run(command, options) {
            const label = options?.label ?? command.join(' ');
            reporter.debug(`build step: ${label}`);
            const stdin = options?.input ? await openInput(options.input, label, reporter) : undefined;
            let inputError;
            stdin?.on('error', (error) => (inputError = error));
            const result = await host.exec(containerId, command, {
                user: options?.user === 'root' ? 'root' : serverUser,
                env: options?.env,
                stdin,
                onStderrLine: options?.onStderrLine,
            });
            if (inputError)
                throw inputErrorFor(inputError, options?.input, label);
            if (result.exitCode !== 0)
                throw new BuildStepError(label, result.exitCode, nameTheInput(result.stderr, options?.input));
            return result.stdout;
        },
        async unpack(input, directory, label) {
            reporter.debug(`build step: ${label}`);
            // The daemon reads gzip itself: the file goes over as it is on disk.
            const archive = await openInput(input.kind === 'file' ? { ...input, gunzip: false } : input, label, reporter);
            let inputError;
            archive.on('error', (error) => (inputError = error));
            try {
                await host.putArchive(containerId, directory, archive);
            }
            catch (error) {
                throw inputErrorFor(inputError ?? error, input, label);
            }
            if (inputError)
                throw inputErrorFor(inputError, input, label);
        },
    };
}
async function openInput(input, label, reporter) {
    if (input.kind === 'folder-as-tar')
        return tar_fs.pack(input.path);
    const total = (await (0,promises_.stat)(input.path)).size;
    const file = (0,external_node_fs_.createReadStream)(input.path);
    const counted = countBytes(label, total, reporter);
    // A pipeline, not pipe(): a read error (or a corrupt gzip) reaches the last stream, which the
    // exec reads, and destroying that stream, once the command has ended, closes the file too.
    // Errors are seen on the last stream; the callback has nothing to add.
    const stages = [counted];
    if (input.gunzip)
        stages.push((0,external_node_zlib_.createGunzip)());
    if (input.rewrite)
        stages.push(input.rewrite());
    return (0,external_node_stream_.pipeline)([file, ...stages], () => { });
}
/** Reports how much of a source has been read, as bytes of the file on disk. */
function countBytes(task, total, reporter) {
    let done = 0;
    return new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            done += chunk.length;
            reporter.progress({ task, done, total, unit: 'bytes' });
            callback(null, chunk);
        },
    });
}
function inputErrorFor(error, input, label) {
    const path = input && 'path' in input ? input.path : '(input)';
    const reason = error instanceof Error ? error.message : String(error);
    const gzip = input?.kind === 'file' && input.gunzip;
    return new errors/* DatacloneError */.YF(`image build failed at step "${label}": could not read ${path}: ${reason}`, gzip
        ? 'The file is not a valid gzip archive (truncated or corrupt): recreate it, e.g. pg_dump ... | gzip > file.sql.gz.'
        : 'Check that the file is readable and complete.', { cause: error });
}
function lastLines(text, count) {
    return text.trimEnd().split('\n').slice(-count).join('\n');
}
function indent(text) {
    return text ? text.replace(/^/gm, '  ') : '';
}

// EXTERNAL MODULE: ./src/images/ensure-image.ts
var ensure_image = __webpack_require__(21086);
// EXTERNAL MODULE: ./src/images/image-reference.ts
var image_reference = __webpack_require__(82991);
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
    const from = instance.source ? instance.source.path : backupPath(instance.backup);
    const file = external_node_path_default().relative(definition.directory, from) || '.';
    // A physical backup was copied in at initialise: everything in the instance came from it.
    const before = instance.source ? await engine.listDatabases(shell) : [];
    const loginsBefore = instance.source ? await engine.listLogins(shell) : [];
    if (instance.source) {
        reporter.info(`Restoring the instance from ${file}`);
        await engine.restoreInstance(shell, instance.source, `restore the instance from ${file}`);
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
    return backup.kind === 'pg-basebackup-plain' ? backup.path : backup.base;
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
    try {
        await host.startContainer(containerId);
        const shell = dockerBuildShell(host, containerId, engine.serverUser, reporter);
        await reporter.group(`Build ${tag} from ${definition.file}`, async () => {
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
            for (const [index, script] of definition.after.entries()) {
                await timed(`after ${relative(script.path)}`, () => engine.runScript(shell, script, `after script ${index + 1}: ${relative(script.path)}`));
            }
            connectsToItself = await timed('inspect', () => engine.connectsToItself(shell, databases.map((database) => database.name)));
            await timed('finalise', () => engine.finalise(shell));
        });
        if (options.signal?.aborted)
            throw new errors/* DatacloneError */.YF('image build was cancelled', 'Nothing was tagged.');
        imageId = await timed('commit', () => host.commitContainer(containerId, imageChanges(engine), {
            Labels: imageLabels(definition, engine, { connectsToItself, databases, primaryDatabase }),
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
    const { connectsToItself, databases, primaryDatabase } = found;
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

// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
// EXTERNAL MODULE: ./src/core/bytes.ts
var bytes = __webpack_require__(79596);
// EXTERNAL MODULE: ./src/cli/table.ts
var table = __webpack_require__(82170);
// EXTERNAL MODULE: ./src/cli/usage-error.ts
var usage_error = __webpack_require__(14226);
;// CONCATENATED MODULE: ./src/cli/commands/image-commands.ts








const imageBuild = {
    words: ['image', 'build'],
    summary: 'Build a data image from an image definition',
    usage: 'dataclone image build -f dataclone.yaml [--tag <image:tag>] [--json]',
    options: { file: { type: 'string', short: 'f' }, tag: { type: 'string', short: 't' } },
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
                }, null, 2));
            }
            else {
                print(`${built.tag}  ${built.imageId}`);
                print((0,table/* formatTable */.k)(['STEP', 'TIME'], built.steps.map((step) => [step.step, seconds(step.durationMs)])));
                print(`total ${seconds(built.durationMs)}, image size ${(0,bytes/* formatBytes */.z)(built.sizeBytes)}`);
            }
            return 0;
        }
        finally {
            process.off('SIGINT', cancel);
            process.off('SIGTERM', cancel);
        }
    },
};
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

/***/ 22062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y: () => (/* binding */ imageDefinitionSchema)
});

;// CONCATENATED MODULE: ./schema/dataclone.schema.json
const dataclone_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://dataclone.dev/schema/dataclone.schema.json","title":"dataclone image definition","description":"An image definition (dataclone.yaml): one database instance, every database in it and where its data comes from, to build into a read-only data image.","type":"object","additionalProperties":false,"required":["name","engine","version"],"properties":{"$schema":{"type":"string","description":"The JSON Schema this file follows (for editors)."},"name":{"type":"string","pattern":"^[a-z0-9][a-z0-9_.-]*$","maxLength":128,"patternErrorMessage":"an image name is lowercase letters, digits, \'.\', \'_\' and \'-\', starting with a letter or digit","description":"Name of the data image: lowercase letters, digits, \\".\\", \\"_\\" and \\"-\\" (at most 128), starting with a letter or digit. Images are tagged dataclone/<name>."},"engine":{"type":"string","enum":["postgres","mysql","mariadb"],"description":"The database server: postgres, mysql or mariadb."},"version":{"type":["string","number"],"description":"Major version of the server, e.g. \\"16\\" for PostgreSQL, \\"8.4\\" for MySQL, \\"11.4\\" for MariaDB. Only versions dataclone knows are accepted."},"baseImage":{"type":"string","minLength":1,"description":"Image the build starts from, e.g. a mirror or an image with extensions installed. Default: the official image, <engine>:<version>."},"primary":{"type":"string","minLength":1,"description":"The database DATABASE_URL points at (one of databases, or one the instance brings). Default: the first database listed; with instance and no databases listed, the first by name that it brings."},"setup":{"type":"array","items":{"$ref":"#/definitions/script"},"description":"Scripts run in order once every database exists, empty, before any restore: roles, extensions, settings."},"instance":{"type":"object","additionalProperties":false,"required":[],"description":"The whole server, restored first, from a dump or from a physical backup (exactly one): its databases are found once it is restored, so databases need not list them; an entry there without source adds migrations, dependsOn or a primary to one of them. The logins it brings keep no password (PostgreSQL) or are locked (MySQL, MariaDB): clones are reached as the superuser with the clone\'s password.","properties":{"source":{"type":"string","minLength":1,"description":"A dump of a whole server, relative to this file: a .sql or .sql.gz file (pg_dumpall > all.sql; mysqldump --all-databases or --databases a b c > all.sql)."},"format":{"type":"string","enum":["sql","sql.gz"],"description":"The format of source, when it should not be detected from its content: sql or sql.gz."},"backup":{"type":"string","minLength":1,"description":"A PostgreSQL physical backup of the image\'s major version, relative to this file: the folder pg_basebackup -D wrote (plain, -Fp; or tar, -Ft, with base.tar[.gz] and pg_wal.tar[.gz]), or a base.tar[.gz] holding its WAL (-X fetch). Its files are copied into the image and the server recovers them: much faster than a logical restore for large data. Its configuration and replica settings are replaced by the clone\'s."}}},"databases":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/database"},"description":"The databases of the instance, each with where its data comes from. They are restored in dependency order. Required unless instance is given; with instance, list only the databases that need migrations, dependsOn or a source of their own."},"after":{"type":"array","items":{"$ref":"#/definitions/script"},"description":"Scripts run in order after every restore: masking, sanitising, test users."},"labels":{"type":"object","propertyNames":{"pattern":"^(?!dataclone\\\\.)[a-z0-9][a-z0-9._-]*$","patternErrorMessage":"a label name is lowercase letters, digits, \'.\', \'_\' and \'-\', and must not start with \'dataclone.\' (reserved)"},"additionalProperties":{"type":["string","number","boolean"]},"description":"Labels to put on the data image, name: value. Names are lowercase; names starting with \\"dataclone.\\" are reserved."}},"allOf":[{"if":{"type":"object","required":["instance"],"properties":{"instance":{"type":"object"}}},"then":{},"else":{"type":"object","required":["databases"],"properties":{"databases":{"type":"array"}}}},{"if":{"type":"object","required":["engine"],"properties":{"engine":{"enum":["mysql","mariadb"]}}},"then":{"type":"object","properties":{"databases":{"type":"array","items":{"type":"object","properties":{"format":{"enum":["sql","sql.gz","scripts"],"errorMessage":"mysql and mariadb restore \'sql\', \'sql.gz\' or \'scripts\' (\'custom\' and \'directory\' are pg_dump formats)"}}}}}}}],"definitions":{"database":{"type":"object","additionalProperties":false,"required":["name"],"description":"A database of the instance and where its data comes from.","properties":{"name":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","maxLength":63,"patternErrorMessage":"a database name is letters, digits and \'_\', not starting with a digit","description":"Name of the database: letters, digits and \\"_\\" (at most 63), not starting with a digit."},"source":{"type":"string","minLength":1,"description":"What to restore, relative to this file: a pg_dump custom-format archive, a pg_dump directory-format folder, a .sql or .sql.gz file, or a folder of .sql/.sql.gz scripts run in name order. A .sql or .sql.gz that creates its own database (pg_dump --create, mysqldump --databases: CREATE DATABASE, then \\\\connect or USE) runs in the maintenance database, and must create the database this entry names. Leave source out for an empty database, or, with instance, for a database the instance source brings."},"format":{"type":"string","enum":["custom","directory","sql","sql.gz","scripts"],"description":"The format of source, when it should not be detected from its content: custom and directory (pg_dump, PostgreSQL only), sql, sql.gz or scripts."},"createsDatabase":{"type":"boolean","description":"Whether the .sql or .sql.gz source creates and connects to its own database (pg_dump --create, mysqldump --databases), so it runs in the maintenance database and the build does not create the database first. Default: read from the statements at the head of the file; set it when they do not show it (true) or to run such a script inside the database anyway (false)."},"dependsOn":{"type":"array","items":{"type":"string","minLength":1},"uniqueItems":true,"description":"Databases of this definition that must be restored (and migrated) before this one."},"migrations":{"type":"string","minLength":1,"description":"Folder of Flyway migrations for this database (V1__init.sql, ...), relative to this file."},"checks":{"$ref":"#/definitions/checks","description":"Thresholds that fail the migrate step when this database\'s migrations cross them on the clone\'s data: exclusiveLock (longerThan, rows), rewrite (largerThan)."}}},"checks":{"type":"object","additionalProperties":false,"minProperties":1,"description":"Thresholds that fail the migrate step when this database\'s migrations cross them on the clone\'s data.","properties":{"exclusiveLock":{"type":"object","additionalProperties":false,"required":["longerThan"],"description":"Fail when a migration holds an exclusive lock (PostgreSQL ACCESS EXCLUSIVE, MySQL/MariaDB an exclusive metadata lock) on a table of more than rows rows for longer than longerThan.","properties":{"longerThan":{"type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?\\\\s*(ms|s|m)$","patternErrorMessage":"a duration is a number and ms, s or m (500ms, 2s, 1m)","description":"How long the lock may be held: 500ms, 2s, 1m."},"rows":{"type":"integer","minimum":0,"description":"Only tables of more rows than this count (the server\'s estimate before migrating). Default 0: every table."}}},"rewrite":{"type":"object","additionalProperties":false,"required":["largerThan"],"description":"Fail when a migration rewrites (PostgreSQL) or rebuilds/copies (InnoDB) a table larger than largerThan.","properties":{"largerThan":{"type":"string","pattern":"^\\\\d+(\\\\.\\\\d+)?\\\\s*([kKmMgGtT]?[bB])$","patternErrorMessage":"a size is a number and B, kB, MB, GB or TB (units of 1024: 500kB, 100MB, 2GB)","description":"The largest table a migration may rewrite: 500kB, 100MB, 2GB (units of 1024)."}}}}},"script":{"type":["string","object"],"minLength":1,"additionalProperties":false,"required":["script"],"description":"A .sql or .sql.gz script: its path (runs in the maintenance database), or script and the database it runs in.","properties":{"script":{"type":"string","minLength":1,"description":"Path of a .sql or .sql.gz script, relative to this file (or absolute)."},"database":{"type":"string","minLength":1,"description":"The database the script runs in (one of databases). Default: the maintenance database."}}}}}');
;// CONCATENATED MODULE: ./src/definition/schema.ts
// The JSON Schema of an image definition is schema/dataclone.schema.json: the file editors read
// for help on hover and the loader validates with. Importing it (rather than reading it at run
// time) lets ncc put it in the bundle.

const imageDefinitionSchema = dataclone_schema_namespaceObject;


/***/ })

};
