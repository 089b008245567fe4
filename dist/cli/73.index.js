export const id = 73;
export const ids = [73];
export const modules = {

/***/ 62073:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gcCommand: () => (/* binding */ gcCommand)
});

// EXTERNAL MODULE: ./src/clones/read-clone.ts
var read_clone = __webpack_require__(74280);
// EXTERNAL MODULE: ./src/clones/remove-clone.ts
var remove_clone = __webpack_require__(51576);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(98571);
// EXTERNAL MODULE: ./src/docker/labels.ts
var labels = __webpack_require__(20065);
;// CONCATENATED MODULE: ./src/gc/collect-garbage.ts




/**
 * Removes expired clones, and optionally old unused data images, from a clone host. Safe beside
 * running jobs: a clone without a lifetime, or whose lifetime has not ended, is kept; so is one
 * whose container started within the grace period (just created, or just reset by a job that is
 * still using it) and one that was removed or replaced while gc looked at it.
 */
async function collectGarbage(options) {
    const { host, reporter } = options;
    const now = options.now ?? new Date();
    const grace = (0,duration/* parseDuration */.E)(options.grace ?? '15m', '--grace');
    await host.ping();
    const removed = [];
    const kept = [];
    for (const clone of await (0,read_clone/* listClones */.DW)(host, options.owner)) {
        const verdict = await judge(host, clone, now, grace);
        if (verdict.remove) {
            if (!options.dryRun) {
                // Look again just before removing: a job may have reset (so replaced) it meanwhile.
                const current = await host.inspectContainer(clone.containerId);
                if (!current) {
                    kept.push({ name: clone.name, reason: 'replaced or removed while gc ran' });
                    continue;
                }
                try {
                    await (0,remove_clone/* removeClone */.q)({ host, reporter, name: clone.name });
                }
                catch (error) {
                    kept.push({ name: clone.name, reason: `could not be removed: ${String(error)}` });
                    continue;
                }
            }
            removed.push({ name: clone.name, reason: verdict.reason });
        }
        else
            kept.push({ name: clone.name, reason: verdict.reason });
    }
    const removedImages = options.imagesOlderThan
        ? await removeOldImages(host, (0,duration/* parseDuration */.E)(options.imagesOlderThan, '--images-older-than'), now, options)
        : [];
    reporter.info(`gc${options.dryRun ? ' (dry run)' : ''}: ${removed.length} clone(s) ${options.dryRun ? 'would be ' : ''}removed, ${kept.length} kept${removedImages.length ? `, ${removedImages.length} image(s) removed` : ''}`);
    return { removed, kept, removedImages, dryRun: options.dryRun ?? false };
}
async function judge(host, clone, now, graceMs) {
    if (!clone.expires)
        return { remove: false, reason: 'no lifetime' };
    const expires = Date.parse(clone.expires);
    if (Number.isNaN(expires))
        return { remove: false, reason: `unreadable expiry '${clone.expires}'` };
    if (expires > now.getTime())
        return { remove: false, reason: `expires ${clone.expires}` };
    const container = await host.inspectContainer(clone.containerId);
    const started = container ? Date.parse(container.created) : now.getTime();
    if (now.getTime() - started < graceMs) {
        return {
            remove: false,
            reason: `expired, but started ${Math.round((now.getTime() - started) / 1000)} s ago (grace period)`,
        };
    }
    return { remove: true, reason: `expired ${clone.expires}` };
}
/** Data images (dataclone labels) that no container uses, built before the retention period. */
async function removeOldImages(host, olderThanMs, now, options) {
    const images = await host.docker.listImages({
        filters: {
            label: [labels/* Labels */.gC.definitionDigest],
            ...(options.imagesMatching ? { reference: [options.imagesMatching] } : {}),
        },
    });
    const containers = await host.docker.listContainers({ all: true });
    const inUse = new Set(containers.map((c) => c.ImageID));
    const removed = [];
    for (const image of images) {
        if (inUse.has(image.Id))
            continue;
        const built = Date.parse(image.Labels?.[labels/* Labels */.gC.built] ?? '') || image.Created * 1000;
        if (now.getTime() - built < olderThanMs)
            continue;
        const names = image.RepoTags?.filter((tag) => tag !== '<none>:<none>') ?? [];
        if (!options.dryRun) {
            for (const tag of names)
                await host.removeImage(tag).catch(() => { });
            if (names.length === 0)
                await host.removeImage(image.Id).catch(() => { });
        }
        removed.push(names.join(', ') || image.Id.slice(7, 19));
    }
    return removed;
}

// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
// EXTERNAL MODULE: ./src/cli/table.ts
var table = __webpack_require__(82170);
;// CONCATENATED MODULE: ./src/cli/commands/gc-command.ts



const gcCommand = {
    words: ['gc'],
    summary: 'Remove expired clones (and, if asked, old unused data images) from the clone host',
    usage: 'dataclone gc [--owner <job id>] [--grace <15m>] [--images-older-than <7d> [--images-matching <pattern>]] [--dry-run] [--json]',
    options: {
        owner: { type: 'string' },
        grace: { type: 'string' },
        'images-older-than': { type: 'string' },
        'images-matching': { type: 'string' },
        'dry-run': { type: 'boolean' },
    },
    async run(input, { host, reporter, print, json }) {
        const result = await collectGarbage({
            host,
            reporter,
            owner: (0,command/* stringOption */.P)(input, 'owner'),
            grace: (0,command/* stringOption */.P)(input, 'grace'),
            imagesOlderThan: (0,command/* stringOption */.P)(input, 'images-older-than'),
            imagesMatching: (0,command/* stringOption */.P)(input, 'images-matching'),
            dryRun: input.values['dry-run'] === true,
        });
        if (json)
            print(JSON.stringify(result, null, 2));
        else {
            const rows = [
                ...result.removed.map((d) => [d.name, result.dryRun ? 'would remove' : 'removed', d.reason]),
                ...result.kept.map((d) => [d.name, 'kept', d.reason]),
                ...result.removedImages.map((image) => [
                    image,
                    result.dryRun ? 'would remove' : 'removed',
                    'unused data image',
                ]),
            ];
            if (rows.length)
                print((0,table/* formatTable */.k)(['CLONE OR IMAGE', 'ACTION', 'WHY'], rows));
        }
        return 0;
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

/***/ 51576:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ removeClone)
/* harmony export */ });
/* harmony import */ var _docker_labels_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(20065);
/* harmony import */ var _standby_standby_servers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50644);
/* harmony import */ var _read_clone_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74280);



/** Removes a clone, its writable layer and any anonymous volume: its data is gone for good. */
async function removeClone(options) {
    const started = performance.now();
    // Its password is not read: nothing here needs it, and the clone reported carries none.
    const info = await (0,_read_clone_js__WEBPACK_IMPORTED_MODULE_2__/* .requireCloneContainer */ .GU)(options.host, options.name);
    const clone = (0,_read_clone_js__WEBPACK_IMPORTED_MODULE_2__/* .cloneFromContainer */ .vh)(options.host, info, '');
    await options.host.removeContainer(clone.containerId);
    if (clone.standby) {
        const servers = await options.host.findContainers({ [_docker_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .Labels */ .gC.standbyOf]: clone.name });
        await Promise.all(servers.map((id) => options.host.removeContainer(id)));
        await options.host.removeNetwork((0,_standby_standby_servers_js__WEBPACK_IMPORTED_MODULE_1__/* .standbyNetworkName */ .lN)(clone.name));
    }
    const durationMs = Math.round(performance.now() - started);
    options.reporter.info(`Removed clone ${clone.name} (${durationMs} ms)`);
    return { clone, durationMs };
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


/***/ })

};
