export const id = 977;
export const ids = [977,601];
export const modules = {

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

/***/ 55133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ describeSchemaErrors)
/* harmony export */ });
/* harmony import */ var _definition_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37999);
/* harmony import */ var _suggest_name_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29275);


/**
 * One problem per schema error, `file:line:column: field: problem`, in the order of the file.
 * Ajv's summaries of other errors (a failed `if`, `propertyNames`) are left out, and so is a
 * second error of the same kind on the same value (a format both enums of the schema refuse).
 */
function describeSchemaErrors(site, errors) {
    const seen = new Set();
    return errors
        .filter((error) => error.keyword !== 'if' && error.keyword !== 'propertyNames')
        .filter((error) => {
        const params = error.params;
        const subject = params.missingProperty ?? params.additionalProperty ?? error.propertyName ?? '';
        const key = `${error.instancePath}|${error.keyword}|${subject}`;
        const isNew = !seen.has(key);
        seen.add(key);
        return isNew;
    })
        .map((error) => ({ error, where: whereIs(error) }))
        .map(({ error, where }) => ({
        ...describeSchemaError(site, error, where),
        offset: (0,_definition_error_js__WEBPACK_IMPORTED_MODULE_0__/* .offsetOf */ .b4)(site, ...where),
    }))
        .sort((a, b) => a.offset - b.offset)
        .map(({ message, hint }) => (hint ? { message, hint } : { message }));
}
/** Unknown fields and bad label names are shown at the name; everything else at the value. */
function whereIs(error) {
    const path = toFieldPath(error.instancePath);
    if (error.keyword === 'additionalProperties')
        return [[...path, error.params.additionalProperty], { key: true }];
    if (error.propertyName !== undefined)
        return [[...path, error.propertyName], { key: true }];
    return [path, { key: false }];
}
/** The problem in the user's terms; the hint is the description of the field, as on hover. */
function describeSchemaError(site, error, where) {
    const path = toFieldPath(error.instancePath);
    const schema = (error.parentSchema ?? {});
    const say = (problem, hint = schema.description) => ({
        message: `${(0,_definition_error_js__WEBPACK_IMPORTED_MODULE_0__/* .locate */ .x5)(site, ...where)}: ${(0,_definition_error_js__WEBPACK_IMPORTED_MODULE_0__/* .fieldName */ .w5)(path)}${problem}`,
        ...(hint ? { hint } : {}),
    });
    const params = error.params;
    switch (error.keyword) {
        case 'required': {
            const field = String(params.missingProperty);
            const description = schema.properties?.[field]?.description;
            return say(`missing required field '${field}'`, description && `${field}: ${description}`);
        }
        case 'additionalProperties': {
            const field = String(params.additionalProperty);
            const known = Object.keys(schema.properties ?? {}).filter((name) => name !== '$schema');
            const guess = (0,_suggest_name_js__WEBPACK_IMPORTED_MODULE_1__/* .suggestName */ .S)(field, known);
            return say(`unknown field '${field}'${guess ? `; did you mean '${guess}'?` : ''}`, `The fields here are: ${known.join(', ')}.`);
        }
        case 'enum': {
            if (schema.errorMessage)
                return say(schema.errorMessage);
            const allowed = params.allowedValues.map(String);
            const guess = typeof error.data === 'string' ? (0,_suggest_name_js__WEBPACK_IMPORTED_MODULE_1__/* .suggestName */ .S)(error.data, allowed) : undefined;
            return say(`'${String(error.data)}' is not one of ${allowed.map((value) => `'${value}'`).join(', ')}${guess ? `; did you mean '${guess}'?` : ''}`);
        }
        case 'type':
            return say(`expected ${describeTypes(params.type)}, found ${describeValue(error.data)}`);
        case 'pattern':
            return say(error.propertyName !== undefined
                ? `'${error.propertyName}': ${schema.patternErrorMessage ?? `names must match ${String(params.pattern)}`}`
                : (schema.patternErrorMessage ?? `must match ${String(params.pattern)}`));
        case 'maxLength':
            return say(`is longer than ${String(params.limit)} characters`);
        case 'minLength':
            return say('must not be empty');
        case 'minItems':
            return say(`must list at least ${params.limit === 1 ? 'one entry' : `${String(params.limit)} entries`}`);
        case 'uniqueItems':
            return say(`lists '${String(error.data[Number(params.i)])}' twice`);
        default:
            return say(error.message ?? 'is not valid');
    }
}
function toFieldPath(pointer) {
    if (!pointer)
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
const TYPE_NAMES = { array: 'a list', object: 'a mapping', null: 'nothing' };
function describeTypes(type) {
    const types = Array.isArray(type) ? type.map(String) : [String(type)];
    const names = types.map((name) => TYPE_NAMES[name] ?? `a ${name}`);
    return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
}
function describeValue(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return `${typeof value} ${JSON.stringify(value)}`;
}


/***/ }),

/***/ 2045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  L: () => (/* binding */ loadImageDefinition)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/definition/definition-error.ts
var definition_error = __webpack_require__(37999);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/definition/definition-digest.ts




/**
 * `sha256:<hex>` over the definition's text and every file the image is built from (setup
 * scripts, sources, after scripts, in that order): each file's path relative to the
 * definition, its size and its content, streamed (sources can be gigabytes). Migrations are
 * left out: they are applied to clones, not built into the image.
 */
async function digestDefinition(text, definition) {
    const hash = (0,external_node_crypto_.createHash)('sha256').update(text);
    const inputs = [
        ...definition.setup.map((step) => step.path),
        ...instanceInputs(definition.instance),
        ...definition.databases.flatMap((db) => sourceInputs(db.source)),
        ...definition.after.map((step) => step.path),
    ];
    for (const input of inputs) {
        for (const file of await listFilesUnder(input))
            await hashFile(hash, definition.directory, file);
    }
    return `sha256:${hash.digest('hex')}`;
}
function instanceInputs(instance) {
    if (!instance)
        return [];
    // A live server's content is whatever it holds when the build runs: the URL, in the text, counts.
    if (instance.source)
        return instance.source.kind === 'live' ? [] : [instance.source.path];
    const backup = instance.backup;
    if (backup.kind !== 'pg-basebackup-tar')
        return [backup.path];
    return [backup.base, ...(backup.wal ? [backup.wal] : [])];
}
/** A scripts folder counts by its scripts; any other folder (a directory-format dump) whole. */
function sourceInputs(source) {
    if (source.kind === 'empty' || source.kind === 'instance' || source.kind === 'live')
        return [];
    if (source.kind === 'scripts')
        return source.files;
    return [source.path];
}
async function hashFile(hash, directory, file) {
    const { size } = await (0,promises_.stat)(file);
    // The size bounds the content, so a file's end cannot pass for the next file's name.
    hash.update(`\0${external_node_path_default().relative(directory, file)}\0${size}\0`);
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
}
/** A file itself, or every file under a folder, sorted. */
async function listFilesUnder(location) {
    if (!(await (0,promises_.stat)(location)).isDirectory())
        return [location];
    const files = [];
    for (const entry of await (0,promises_.readdir)(location, { withFileTypes: true })) {
        const full = external_node_path_default().join(location, entry.name);
        if (entry.isDirectory())
            files.push(...(await listFilesUnder(full)));
        else if (entry.isFile())
            files.push(full);
    }
    return files.sort();
}

// EXTERNAL MODULE: ./src/definition/engine-versions.ts
var engine_versions = __webpack_require__(83041);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/definition/read-definition-document.ts



/** Reads and parses a definition file; a YAML syntax error is reported at its line and column. */
async function readDefinitionDocument(file) {
    const text = await readDefinitionText(file);
    const lines = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const syntax = document.errors[0];
    if (syntax) {
        const { line, col } = lines.linePos(syntax.pos[0]);
        throw new errors/* DatacloneError */.YF(`${file}:${line}:${col}: this is not valid YAML: ${syntax.message.split('\n')[0]}`, 'Check the indentation and the quoting on that line and the one before it.');
    }
    const value = document.toJS();
    if (value === null || value === undefined) {
        throw new errors/* DatacloneError */.YF(`${file}: the image definition is empty`, 'Give at least name, engine, version and databases; the README has an example.');
    }
    return { site: { file, document, lines }, text, value };
}
async function readDefinitionText(file) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new errors/* DatacloneError */.YF(code === 'ENOENT'
            ? `image definition ${file} does not exist`
            : `cannot read image definition ${file}: ${error.message}`, 'Check the path of the dataclone.yaml: a relative path is taken from the current folder.', { cause: error });
    }
}

// EXTERNAL MODULE: ./src/definition/suggest-name.ts
var suggest_name = __webpack_require__(29275);
// EXTERNAL MODULE: ./src/masking/strategies.ts
var strategies = __webpack_require__(50447);
;// CONCATENATED MODULE: ./src/masking/types.ts
const DEFAULT_SECRET_VARIABLE = 'DATACLONE_MASK_SECRET';

;// CONCATENATED MODULE: ./src/masking/resolve-mask.ts





/**
 * Resolves the `mask:` section into one rule per column or emptied table, each with its place in
 * the file; checks what can be known without the instance (options a strategy needs, a unique
 * column under a strategy that cannot keep it unique).
 */
function resolveMask(site, raw, 
/** The definition's databases, when no instance source can bring others. */
databases) {
    if (!raw)
        return undefined;
    const rules = [];
    for (const [database, tables] of Object.entries(raw.rules)) {
        if (databases && !databases.includes(database)) {
            const guess = (0,suggest_name/* suggestName */.S)(database, databases);
            throw (0,definition_error/* definitionError */.mb)(site, ['mask', 'rules', database], `'${database}' is not one of the databases of the definition (${databases.join(', ')})${guess ? `; did you mean '${guess}'?` : ''}`, 'Rules are keyed by database name, then table, then column.');
        }
        for (const [table, columns] of Object.entries(tables)) {
            const tablePath = ['mask', 'rules', database, table];
            if (columns === 'empty') {
                rules.push({ kind: 'empty', database, table, location: (0,definition_error/* locate */.x5)(site, tablePath) });
                continue;
            }
            for (const [column, written] of Object.entries(columns)) {
                const path = [...tablePath, column];
                rules.push(resolveColumnRule(site, path, { database, table, column }, written));
            }
        }
    }
    return {
        secretVariable: raw.secret ?? DEFAULT_SECRET_VARIABLE,
        deterministic: raw.deterministic ?? false,
        ...(raw.require && { require: raw.require }),
        rules,
        digest: digestRules(rules),
    };
}
function resolveColumnRule(site, path, where, written) {
    const { strategy, unique, keepNulls, ...options } = typeof written === 'string' ? { strategy: written } : written;
    const rule = {
        kind: 'column',
        ...where,
        strategy,
        options: options,
        unique: unique ?? false,
        keepNulls: keepNulls ?? true,
        location: (0,definition_error/* locate */.x5)(site, path),
    };
    const fail = (problem, hint) => {
        throw (0,definition_error/* definitionError */.mb)(site, path, problem, hint);
    };
    if (rule.unique && !strategies/* STRATEGIES */.YL[strategy].canStayUnique)
        fail(`strategy ${strategy} cannot keep a unique column unique (it writes values from a small set)`, 'Use email, iban, uuid, hash or shuffle for a unique column, or an expression of your own.');
    if (strategy === 'value' && rule.options.value === undefined)
        fail('strategy value needs value: the constant every row gets', "E.g. { strategy: value, value: 'redacted' }.");
    if (strategy === 'expression' && rule.options.sql === undefined)
        fail('strategy expression needs sql: the SQL computing the new value from the column', 'E.g. { strategy: expression, sql: "concat(\'user\', id)" }.');
    if (strategy === 'partial' && rule.options.keepFirst === undefined && rule.options.keepLast === undefined)
        fail('strategy partial needs keepFirst, keepLast or both', 'E.g. { strategy: partial, keepLast: 4 }.');
    if (strategy === 'noise' && (rule.options.amount === undefined) === (rule.options.days === undefined))
        fail('strategy noise needs either amount (a number column) or days (a date column), not both', 'E.g. { strategy: noise, amount: 100 } or { strategy: noise, days: 30 }.');
    if (strategy === 'date-of-birth' && (rule.options.min ?? '') > (rule.options.max ?? '9999-12-31'))
        fail('min is later than max', 'Give min as the earliest date and max as the latest, YYYY-MM-DD.');
    return rule;
}
/** The rules without their places in the file: moving a rule to another line changes nothing. */
function digestRules(rules) {
    const canonical = rules.map(({ location: _location, ...rule }) => rule);
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(canonical)).digest('hex')}`;
}

// EXTERNAL MODULE: ./src/migration-checks/thresholds.ts
var thresholds = __webpack_require__(3212);
;// CONCATENATED MODULE: ./src/definition/inspect-path.ts



function resolveWrittenPath(directory, written) {
    return { written, absolute: external_node_path_default().resolve(directory, written), root: directory };
}
/** Whether a path is a folder; a missing path is a problem naming it as written and as resolved. */
async function inspectPath(where, expected) {
    const info = await (0,promises_.stat)(where.absolute).catch((error) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR')
            return undefined;
        throw cannotRead(where, error);
    });
    if (!info) {
        const what = expected === 'path' ? guessWhat(where.written) : expected;
        throw new definition_error/* FieldProblem */.k4(`${what} "${where.written}" does not exist (looked for ${where.absolute})`, 'Fix the path: a relative path is taken from the folder of the definition file.');
    }
    return { isFolder: info.isDirectory() };
}
/** What a file starts with, read from its first bytes rather than its name. */
async function sniffFile(where) {
    const head = await readHead(where.absolute, 5).catch((error) => {
        throw cannotRead(where, error);
    });
    return {
        isPgDumpArchive: head.toString('latin1') === 'PGDMP',
        isGzip: head[0] === 0x1f && head[1] === 0x8b,
    };
}
/** A .sql.gz file must really be gzip: finding out at restore time, in the build container, is late. */
async function checkGzip(where) {
    if ((await sniffFile(where)).isGzip)
        return;
    throw new definition_error/* FieldProblem */.k4(`"${where.written}" is not gzip (it does not start with gzip's 1f 8b): it is corrupt or not compressed`, 'Compress it again (gzip -k file.sql), or rename it to .sql if it is plain SQL.');
}
/**
 * The files directly in a folder whose names match, in natural order: 2_x.sql before 10_x.sql.
 * A symbolic link counts as the file it points to when that is inside `root` (the definition's
 * folder); one that points outside it, or nowhere, is a problem naming it, never skipped.
 */
async function listFiles(folder, name, root = folder) {
    const entries = await (0,promises_.readdir)(folder, { withFileTypes: true });
    const files = [];
    for (const entry of entries.filter((candidate) => name.test(candidate.name))) {
        if (entry.isFile())
            files.push(entry.name);
        else if (entry.isSymbolicLink() && (await checkLinkedFile(external_node_path_default().join(folder, entry.name), root)))
            files.push(entry.name);
    }
    return files.sort(naturalOrder).map((entry) => external_node_path_default().join(folder, entry));
}
/** Whether a link points to a file inside `root`: true, false for a folder, a problem otherwise. */
async function checkLinkedFile(link, root) {
    const target = await (0,promises_.realpath)(link).catch(() => undefined);
    if (!target) {
        throw new definition_error/* FieldProblem */.k4(`"${external_node_path_default().relative(root, link)}" is a symbolic link to a file that does not exist`, "Point it at an existing file inside the definition's folder, or remove it.");
    }
    const inside = external_node_path_default().relative(await (0,promises_.realpath)(root), target);
    if (inside.startsWith('..') || external_node_path_default().isAbsolute(inside)) {
        throw new definition_error/* FieldProblem */.k4(`"${external_node_path_default().relative(root, link)}" is a symbolic link to ${target}, outside the definition's folder (${root})`, "A build reads only files inside the definition's folder, so that what it restores is what the definition's digest covers: copy the file in, or link to a file inside the folder.");
    }
    return (await (0,promises_.stat)(target)).isFile();
}
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
/** Numbers compare as numbers; names the collator finds equal (1_x, 01_x) by code point, to be stable. */
function naturalOrder(a, b) {
    return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
function cannotRead(where, error) {
    return new definition_error/* FieldProblem */.k4(`cannot read "${where.written}" (${where.absolute}): ${error.code ?? error.message}`, 'Check that the user running dataclone may read it.');
}
function guessWhat(written) {
    if (/[\\/]$/.test(written))
        return 'folder';
    return external_node_path_default().extname(written) ? 'file' : 'file or folder';
}
async function readHead(file, bytes) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const buffer = Buffer.alloc(bytes);
        const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/definition/resolve-live-source.ts

/** `postgresql://`, `mysql://`, ...: a source written as a URL is a live server, not a file. */
function isLiveSourceUrl(written) {
    return typeof written === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(written);
}
/** Where a live source sits in the definition (`file:line:column: databases[0].source`), for errors raised when the build runs. */
function liveField(site, field) {
    return `${(0,definition_error/* locate */.x5)(site, field)}: ${(0,definition_error/* fieldName */.w5)(field).replace(/: $/, '')}`;
}
const SCHEMES = {
    postgres: ['postgresql', 'postgres'],
    mysql: ['mysql'],
    mariadb: ['mariadb', 'mysql'],
};
const DEFAULT_PORTS = { postgres: 5432, mysql: 3306, mariadb: 3306 };
/** Names the clients take as they are (no `=`, which libpq reads as connection options). */
const DATABASE_NAME = /^[A-Za-z0-9_$.][A-Za-z0-9_$.-]{0,63}$/;
/**
 * A live server's URL checked and taken apart. `database` is the entry's name when the source
 * fills one database (the URL may name another database to dump), undefined for an instance.
 */
function resolveLiveSource(raw, engine, target) {
    const written = typeof raw === 'string' ? { url: raw } : raw;
    const url = parseUrl(written.url, engine);
    const scheme = url.protocol.replace(/:$/, '');
    const shown = withoutCredentials(url);
    if (!SCHEMES[engine].includes(scheme)) {
        throw new definition_error/* FieldProblem */.k4(`"${shown}" is a ${scheme}:// URL, and this image's engine is ${engine}`, `Give ${engine} a ${SCHEMES[engine].map((s) => `${s}://`).join(' or ')} URL (${exampleUrl(engine)}).`);
    }
    if (url.password !== '') {
        throw new definition_error/* FieldProblem */.k4(`the URL "${shown}" carries a password, and a definition must not hold one`, `Remove it from the URL and name the environment variable that holds it: source: { url: ${shown}, passwordEnv: SOURCE_PASSWORD }.`);
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (host === '') {
        throw new definition_error/* FieldProblem */.k4(`the URL "${shown}" names no host`, `Write it as ${exampleUrl(engine)}.`);
    }
    const user = url.username === '' ? undefined : decodeURIComponent(url.username);
    if (user !== undefined && written.userEnv !== undefined) {
        throw new definition_error/* FieldProblem */.k4(`the URL "${shown}" names user '${user}', and userEnv names another place for it`, 'Keep one of the two: the user in the URL, or userEnv.');
    }
    if (user === undefined && written.userEnv === undefined) {
        throw new definition_error/* FieldProblem */.k4(`the URL "${shown}" names no user to log in as`, `Put it in the URL (${exampleUrl(engine).replace('://', '://reader@')}), or name the environment variable that holds it with userEnv.`);
    }
    return {
        kind: 'live',
        url: shown,
        host,
        port: url.port === '' ? DEFAULT_PORTS[engine] : Number(url.port),
        ...databaseOf(url, engine, target.database, shown),
        ...(user !== undefined && { user }),
        ...(written.userEnv !== undefined && { userEnv: written.userEnv }),
        ...(written.passwordEnv !== undefined && { passwordEnv: written.passwordEnv }),
        ...optionsOf(url, engine, shown),
        field: target.field,
    };
}
function parseUrl(written, engine) {
    try {
        return new URL(written);
    }
    catch {
        // The text may hold a password: the error does not repeat it.
        throw new definition_error/* FieldProblem */.k4('this is not a URL a live source can be read from', `Write it as ${exampleUrl(engine)}.`);
    }
}
/**
 * The database to dump: the URL's path, else the entry's own name. An instance source dumps the
 * whole server: PostgreSQL's path is then the database pg_dumpall first connects to.
 */
function databaseOf(url, engine, entry, shown) {
    const path = decodeURIComponent(url.pathname.replace(/^\//, ''));
    if (entry === undefined && path !== '' && engine !== 'postgres') {
        throw new definition_error/* FieldProblem */.k4(`the instance source "${shown}" names database '${path}', and an instance source dumps every database`, `Leave the database out (${exampleUrl(engine).replace(/\/[^/]*$/, '')}), or list it under databases with this URL as its source.`);
    }
    const database = path || entry;
    if (database === undefined)
        return {};
    if (!DATABASE_NAME.test(database)) {
        throw new definition_error/* FieldProblem */.k4(`the URL "${shown}" names database '${database}', which live sources cannot dump`, 'A live source dumps a database whose name is letters, digits, _, $, . and - (at most 64); dump others to a file and give that file as the source.');
    }
    return { database };
}
function optionsOf(url, engine, shown) {
    const options = {};
    for (const [name, value] of url.searchParams) {
        if (engine === 'postgres' && name === 'sslmode' && /^[a-z-]+$/.test(value)) {
            options.sslmode = value;
            continue;
        }
        throw new definition_error/* FieldProblem */.k4(`the URL "${shown}" sets ${name}, which live sources do not take`, engine === 'postgres'
            ? 'The only option a live source takes is sslmode (?sslmode=require).'
            : 'Leave the options out: a live source takes the host, port, user and database from the URL.');
    }
    return options;
}
/** The URL as it may be shown: no user's password in it, whatever was written. */
function withoutCredentials(url) {
    const copy = new URL(url.href);
    copy.password = '';
    return copy.href;
}
function exampleUrl(engine) {
    return engine === 'postgres'
        ? 'postgresql://replica.internal:5432/orders'
        : 'mysql://replica.internal:3306/orders';
}

;// CONCATENATED MODULE: ./src/definition/detect-source.ts



const SCRIPT_NAME = /\.sql(\.gz)?$/i;
/**
 * What a source holds, read from its content where it can be (a pg_dump archive starts with
 * PGDMP, gzip with 1f 8b, a directory-format dump has a toc.dat), then checked against an
 * explicit `format` and against what the engine can restore.
 */
async function detectSource(where, format, engine) {
    const { isFolder } = await inspectPath(where, 'path');
    const source = isFolder ? await detectFolder(where, format) : await detectFile(where, format);
    if (engine !== 'postgres' && (source.kind === 'pg-custom' || source.kind === 'pg-directory')) {
        throw new definition_error/* FieldProblem */.k4(`"${where.written}" is a pg_dump ${source.kind === 'pg-custom' ? 'custom-format archive' : 'directory-format dump'}, which ${engine} cannot restore`, `Give ${engine} a mysqldump .sql or .sql.gz file, or a folder of .sql scripts.`);
    }
    return source;
}
async function detectFile(where, format) {
    const content = await sniffFile(where);
    const { isPgDumpArchive, isGzip } = content;
    const { absolute, written } = where;
    const kind = format ?? detectFileFormat(written, content);
    switch (kind) {
        case 'custom':
            if (!isPgDumpArchive) {
                throw new definition_error/* FieldProblem */.k4(`"${written}" is not a pg_dump custom-format archive (no PGDMP header)`, 'Make it with pg_dump -Fc; if it is plain SQL, name it .sql or set format: sql.');
            }
            return { kind: 'pg-custom', path: absolute };
        case 'sql.gz':
            await checkGzip(where);
            return { kind: 'sql-gz', path: absolute };
        case 'sql':
            if (isPgDumpArchive || isGzip) {
                throw new definition_error/* FieldProblem */.k4(`"${written}" is ${isGzip ? 'gzip-compressed' : 'a pg_dump custom-format archive'}, not plain SQL`, `Set format: ${isGzip ? 'sql.gz' : 'custom'}, or remove format to detect it.`);
            }
            return { kind: 'sql', path: absolute };
        case undefined:
            throw new definition_error/* FieldProblem */.k4(`cannot tell what "${written}" holds: it is not a pg_dump archive or gzip, and its name does not end in .sql`, 'Set format: sql if it is a plain SQL script (pg_dump -Fp, mysqldump); pg_dump -Ft tar archives are not supported.');
        default:
            throw new definition_error/* FieldProblem */.k4(`"${written}" is a file, but format ${kind} is a folder`, 'Point source at the folder, or change format.');
    }
}
/**
 * The content decides where it can; otherwise the name, which the content must then bear out
 * (a .dump without a PGDMP header, a .gz without gzip's magic bytes are errors).
 */
function detectFileFormat(written, content) {
    if (content.isPgDumpArchive || /\.(dump|backup)$/i.test(written))
        return 'custom';
    if (content.isGzip || /\.gz$/i.test(written))
        return 'sql.gz';
    if (/\.sql$/i.test(written))
        return 'sql';
    return undefined;
}
async function detectFolder(where, format) {
    const { absolute, written } = where;
    const isDumpFolder = (await listFiles(absolute, /^toc\.dat$/, where.root)).length > 0;
    const kind = format ?? (isDumpFolder ? 'directory' : 'scripts');
    if (kind === 'directory') {
        if (!isDumpFolder) {
            throw new definition_error/* FieldProblem */.k4(`"${written}" is not a pg_dump directory-format dump (it has no toc.dat)`, 'Make it with pg_dump -Fd, or set format: scripts for a folder of .sql scripts.');
        }
        return { kind: 'pg-directory', path: absolute };
    }
    if (kind !== 'scripts') {
        throw new definition_error/* FieldProblem */.k4(`"${written}" is a folder, but format ${kind} is a file`, 'Point source at the file, or change format.');
    }
    return { kind: 'scripts', path: absolute, files: await listScripts(where) };
}
async function listScripts(where) {
    const files = await listFiles(where.absolute, SCRIPT_NAME, where.root);
    if (files.length === 0) {
        throw new definition_error/* FieldProblem */.k4(`the folder "${where.written}" has no .sql or .sql.gz scripts`, 'Add the scripts (they run in name order: 1_schema.sql, 2_data.sql.gz, ...), or leave source out for an empty database.');
    }
    for (const file of files.filter((name) => /\.gz$/i.test(name))) {
        await checkGzip({ written: external_node_path_default().join(where.written, external_node_path_default().basename(file)), absolute: file });
    }
    return files;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/definition/sql-head.ts



/** How much of a dump is read to find its preamble: pg_dump's comes within the first few kB. */
const HEAD_BYTES = 256 * 1024;
/** The head of a .sql or .sql.gz file, decompressed; a truncated gzip yields what it could. */
async function readSqlHead(file, gzip) {
    if (!gzip) {
        const handle = await (0,promises_.open)(file, 'r');
        try {
            const buffer = Buffer.alloc(HEAD_BYTES);
            const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
            return buffer.subarray(0, bytesRead).toString('utf8');
        }
        finally {
            await handle.close();
        }
    }
    const chunks = [];
    let length = 0;
    const input = (0,external_node_fs_.createReadStream)(file);
    const gunzip = (0,external_node_zlib_.createGunzip)();
    try {
        for await (const chunk of input.pipe(gunzip)) {
            chunks.push(chunk);
            length += chunk.length;
            if (length >= HEAD_BYTES)
                break;
        }
    }
    catch {
        // A corrupt gzip is reported by the restore with the file's name; the head read so far stands.
    }
    finally {
        input.destroy();
        gunzip.destroy();
    }
    return Buffer.concat(chunks).subarray(0, HEAD_BYTES).toString('utf8');
}
/**
 * Reads the statements at the head of a SQL script up to the first one that does real work
 * (CREATE TABLE, CREATE ROLE, INSERT, ...). Unquoted PostgreSQL names are folded to lower case,
 * as the server folds them; MySQL's are kept as written.
 */
function describeSqlHead(text, dialect) {
    const head = {
        creates: [],
        connectsTo: [],
        isClusterDump: /^--\s*PostgreSQL database cluster dump/m.test(text.slice(0, 2000)),
    };
    for (const statement of statements(text)) {
        const words = statement.trim();
        if (words === '')
            continue;
        if (words.startsWith('\\')) {
            const meta = /^\\(\w+)\s*(.*)$/.exec(words);
            const [command = '', argument = ''] = meta ? [meta[1], meta[2]] : [];
            if (command === 'connect' || command === 'c') {
                const name = connectTarget(argument);
                if (name !== undefined)
                    head.connectsTo.push(name);
                continue;
            }
            if (command === 'restrict' || command === 'unrestrict' || command === 'encoding')
                continue;
            break;
        }
        const create = /^CREATE\s+(?:DATABASE|SCHEMA)\s+(?:IF\s+NOT\s+EXISTS\s+)?(\S+)/i.exec(words);
        if (create && (dialect === 'mysql' || /^CREATE\s+DATABASE/i.test(words))) {
            head.creates.push(identifier(create[1] ?? '', dialect));
            continue;
        }
        const use = /^USE\s+(\S+)$/i.exec(words);
        if (use && dialect === 'mysql') {
            head.connectsTo.push(identifier(use[1] ?? '', dialect));
            continue;
        }
        if (PREAMBLE.some((pattern) => pattern.test(words)))
            continue;
        break;
    }
    return head;
}
/** Statements that set a session up or prepare the database, before any real work. */
const PREAMBLE = [
    /^SET\s/i,
    /^SELECT\s+pg_catalog\.set_config\s*\(/i,
    /^DROP\s+(?:DATABASE|SCHEMA)\s/i,
    /^ALTER\s+DATABASE\s/i,
    /^COMMENT\s+ON\s+DATABASE\s/i,
    /^UPDATE\s+pg_catalog\.pg_database\s/i,
];
/**
 * The statements of a script, comments removed: SQL up to each `;` outside quotes, and psql's
 * backslash commands, which end at the end of their line. Stops at a dollar quote: a function
 * body comes long after any preamble.
 */
function* statements(text) {
    let current = '';
    let i = 0;
    while (i < text.length) {
        const char = text[i] ?? '';
        const next = text[i + 1] ?? '';
        if (char === '-' && next === '-') {
            i = endOf(text, '\n', i);
        }
        else if (char === '#' && current.trim() === '') {
            i = endOf(text, '\n', i);
        }
        else if (char === '/' && next === '*') {
            i = endOf(text, '*/', i + 2) + 2;
            current += ' ';
        }
        else if (char === '\\' && current.trim() === '') {
            const end = endOf(text, '\n', i);
            yield text.slice(i, end);
            i = end;
        }
        else if (char === "'" || char === '"' || char === '`') {
            const end = endOf(text, char, i + 1);
            current += text.slice(i, end + 1);
            i = end + 1;
        }
        else if (char === '$') {
            return;
        }
        else if (char === ';') {
            yield current;
            current = '';
            i += 1;
        }
        else {
            current += char;
            i += 1;
        }
    }
}
function endOf(text, token, from) {
    const at = text.indexOf(token, from);
    return at < 0 ? text.length : at;
}
/** `\connect x`, `\c "X"`, or pg_dump's `\connect -reuse-previous=on "dbname='x'"`. */
function connectTarget(argument) {
    const dbname = /dbname='((?:[^']|'')*)'/.exec(argument);
    if (dbname)
        return (dbname[1] ?? '').replace(/''/g, "'");
    const first = argument.trim().split(/\s+/)[0];
    if (!first || first.startsWith('-'))
        return undefined;
    return identifier(first, 'postgres');
}
function identifier(written, dialect) {
    const quoted = /^(["`])(.*)\1$/.exec(written);
    if (quoted)
        return (quoted[2] ?? '').replaceAll(`${quoted[1]}${quoted[1]}`, quoted[1] ?? '');
    return dialect === 'postgres' ? written.toLowerCase() : written;
}

;// CONCATENATED MODULE: ./src/definition/resolve-sql-source.ts



/**
 * A database's source, with a .sql or .sql.gz that creates its own database recognised from the
 * statements at its head: it then runs in the maintenance database, and must create the database
 * the entry names. `createsDatabase` given in the definition overrides what the head says.
 */
async function resolveDatabaseSource(where, entry, engine) {
    const source = await detectSource(where, entry.format, engine);
    if (source.kind !== 'sql' && source.kind !== 'sql-gz') {
        if (entry.createsDatabase === true) {
            throw new definition_error/* FieldProblem */.k4(`createsDatabase applies to a .sql or .sql.gz script, and "${where.written}" is not one`, 'Remove createsDatabase: pg_dump archives and script folders always restore into the database this entry names.');
        }
        return source;
    }
    const head = await readHeadOf(source, engine);
    if (head.isClusterDump) {
        throw new definition_error/* FieldProblem */.k4(`"${where.written}" is a pg_dumpall dump of a whole server (roles, then every database), not of one database`, `Restore it as the instance: "instance: { source: ${where.written} }"; its databases are found once it is restored, and an entry under databases then only adds migrations or dependsOn.`);
    }
    if (entry.createsDatabase === false)
        return source;
    const [created, ...more] = head.creates;
    if (more.length > 0) {
        throw new definition_error/* FieldProblem */.k4(`"${where.written}" creates several databases (${head.creates.join(', ')}), not only '${entry.name}'`, `Restore it as the instance: "instance: { source: ${where.written} }"; every database it creates is then part of the image.`);
    }
    if (created !== undefined && created !== entry.name) {
        throw new definition_error/* FieldProblem */.k4(`"${where.written}" creates database '${created}' (CREATE DATABASE at its head), but this entry is '${entry.name}'`, `Name the entry '${created}', or change the dump's CREATE DATABASE and ${engine === 'postgres' ? '\\connect' : 'USE'} lines to '${entry.name}'.`);
    }
    const elsewhere = head.connectsTo.find((name) => name !== entry.name);
    if (created === undefined && elsewhere !== undefined && entry.createsDatabase !== true) {
        throw new definition_error/* FieldProblem */.k4(`"${where.written}" switches to database '${elsewhere}' at its head (${engine === 'postgres' ? `\\connect ${elsewhere}` : `USE ${elsewhere}`}), so it would not restore into '${entry.name}'`, `Name the entry '${elsewhere}', or remove that line from the dump.`);
    }
    if (created === undefined && entry.createsDatabase !== true)
        return source;
    return { ...source, createsDatabase: true };
}
/** The head of a plain SQL source, read as the engine's dialect. */
async function readHeadOf(source, engine) {
    const text = await readSqlHead(source.path, source.kind === 'sql-gz');
    return describeSqlHead(text, engine === 'postgres' ? 'postgres' : 'mysql');
}

;// CONCATENATED MODULE: ./src/definition/restore-order.ts
/**
 * Orders items so that each comes after everything it depends on, and otherwise as written:
 * each step takes the first item, in the written order, whose dependencies are all placed.
 * When the dependencies go round in a cycle, returns it instead, by name, following dependsOn
 * and ending where it started (`a -> b -> a`). Every name in dependsOn must be an item's.
 */
function restoreOrder(items) {
    const placed = new Set();
    const order = [];
    let waiting = items;
    while (waiting.length > 0) {
        const next = waiting.find((item) => item.dependsOn.every((name) => placed.has(name)));
        if (!next)
            return { cycle: findCycle(waiting, placed) };
        placed.add(next.name);
        order.push(next);
        waiting = waiting.filter((item) => item !== next);
    }
    return { order };
}
/** Every waiting item has a dependency still waiting, so following them must come round. */
function findCycle(waiting, placed) {
    const byName = new Map(waiting.map((item) => [item.name, item]));
    const trail = [];
    let current = waiting[0];
    while (current && !trail.includes(current.name)) {
        trail.push(current.name);
        const dependency = current.dependsOn.find((name) => !placed.has(name));
        current = dependency === undefined ? undefined : byName.get(dependency);
    }
    if (!current)
        return trail;
    return [...trail.slice(trail.indexOf(current.name)), current.name];
}

;// CONCATENATED MODULE: ./src/definition/resolve-databases.ts







/**
 * The databases with their sources detected and paths made absolute, in restore order. Checks
 * what the schema cannot: unique names, dependencies that exist and do not go round, files.
 * With an instance source, an entry without a source is a database that source brings.
 */
async function resolveDatabases(site, raw, engine, directory, { hasInstance = false } = {}) {
    const names = raw.map((db) => db.name);
    checkUniqueNames(site, names);
    const databases = [];
    for (const [index, db] of raw.entries()) {
        await checkDependencies(site, db, index, names);
        databases.push({
            name: db.name,
            source: await resolveSource(site, db, index, engine, directory, hasInstance),
            dependsOn: db.dependsOn ?? [],
            ...(db.migrations !== undefined && {
                migrations: await resolveMigrations(site, db.migrations, index, directory),
            }),
            // The schema has checked each value's shape, so these parse.
            ...(db.checks !== undefined && {
                checks: (0,thresholds/* parseThresholds */.S)(db.checks, (field) => `${site.file}: databases[${index}].checks.${field}`),
            }),
        });
    }
    const ordered = restoreOrder(databases);
    if ('order' in ordered)
        return ordered.order;
    const [first, second] = ordered.cycle;
    const index = names.indexOf(first ?? '');
    throw (0,definition_error/* definitionError */.mb)(site, ['databases', index, 'dependsOn', raw[index]?.dependsOn?.indexOf(second ?? '') ?? 0], `these databases depend on each other in a cycle: ${ordered.cycle.join(' -> ')}`, 'A database is restored after those it depends on, so one of these dependsOn entries must go.');
}
/** `name` must be one of the definition's databases: a problem saying which ones there are. */
function checkIsDatabase(name, names) {
    if (names.includes(name))
        return;
    const guess = (0,suggest_name/* suggestName */.S)(name, names);
    throw new definition_error/* FieldProblem */.k4(`'${name}' is not one of the databases${guess ? `; did you mean '${guess}'?` : ''}`, `The databases of this definition are: ${names.join(', ')}.`);
}
function checkUniqueNames(site, names) {
    const index = names.findIndex((name, i) => names.indexOf(name) !== i);
    if (index < 0)
        return;
    throw (0,definition_error/* definitionError */.mb)(site, ['databases', index, 'name'], `database '${names[index]}' is listed twice`, 'Give every database its own name, or merge the two entries.');
}
async function checkDependencies(site, db, index, names) {
    for (const [i, dependency] of (db.dependsOn ?? []).entries()) {
        await (0,definition_error/* atField */.wz)(site, ['databases', index, 'dependsOn', i], () => {
            if (dependency === db.name)
                throw new definition_error/* FieldProblem */.k4(`database '${db.name}' cannot depend on itself`, 'Remove it from dependsOn.');
            checkIsDatabase(dependency, names.filter((name) => name !== db.name));
        });
    }
}
async function resolveSource(site, db, index, engine, directory, hasInstance) {
    const field = ['databases', index, 'source'];
    const written = db.source;
    if (typeof written === 'object' || isLiveSourceUrl(written)) {
        checkNoFileOptions(site, db, index);
        return (0,definition_error/* atField */.wz)(site, field, () => resolveLiveSource(written ?? '', engine, { database: db.name, field: liveField(site, field) }));
    }
    if (written !== undefined) {
        const where = resolveWrittenPath(directory, written);
        return (0,definition_error/* atField */.wz)(site, field, () => resolveDatabaseSource(where, db, engine));
    }
    for (const field of ['format', 'createsDatabase']) {
        if (db[field] === undefined)
            continue;
        throw (0,definition_error/* definitionError */.mb)(site, ['databases', index, field], `${field} is given but there is no source`, `Add the source it describes, or remove ${field} for ${hasInstance ? 'a database the instance source brings' : 'an empty database'}.`);
    }
    return hasInstance ? { kind: 'instance' } : { kind: 'empty' };
}
/** format and createsDatabase describe a file; a live server is dumped in a form the build chooses. */
function checkNoFileOptions(site, db, index) {
    for (const field of ['format', 'createsDatabase']) {
        if (db[field] === undefined)
            continue;
        throw (0,definition_error/* definitionError */.mb)(site, ['databases', index, field], `${field} describes a file, and this source is a live server`, `Remove ${field}: the build dumps the live server in a form it restores itself.`);
    }
}
async function resolveMigrations(site, written, index, directory) {
    const where = resolveWrittenPath(directory, written);
    await (0,definition_error/* atField */.wz)(site, ['databases', index, 'migrations'], async () => {
        if ((await inspectPath(where, 'folder')).isFolder)
            return;
        throw new definition_error/* FieldProblem */.k4(`"${written}" is a file, not a folder (${where.absolute})`, 'Point migrations at the folder holding the Flyway migrations (V1__init.sql, V2__...).');
    });
    return where.absolute;
}

;// CONCATENATED MODULE: ./src/definition/resolve-instance.ts







/**
 * The definition's `instance`: a logical dump of a whole server, a .sql or .sql.gz that creates
 * its databases itself (pg_dumpall; mysqldump --all-databases or --databases a b c), a live
 * server dumped whole when the build runs, or a physical backup (pg_basebackup).
 */
async function resolveInstance(site, raw, engine, directory) {
    if (raw.backup !== undefined) {
        const written = raw.backup;
        if (raw.source !== undefined || raw.format !== undefined) {
            throw (0,definition_error/* definitionError */.mb)(site, ['instance', raw.source !== undefined ? 'source' : 'format'], 'an instance comes from a dump (source) or from a physical backup (backup), not both', 'Keep one of the two.');
        }
        return (0,definition_error/* atField */.wz)(site, ['instance', 'backup'], async () => ({
            backup: await resolveBackup(resolveWrittenPath(directory, written), engine),
        }));
    }
    if (raw.source === undefined) {
        throw (0,definition_error/* definitionError */.mb)(site, ['instance'], 'instance needs a source (a dump of a whole server) or a backup (pg_basebackup)', 'Add source: backups/all.sql (pg_dumpall, mysqldump --all-databases) or backup: backups/base/ (pg_basebackup).');
    }
    const written = raw.source;
    if (typeof written === 'object' || isLiveSourceUrl(written)) {
        if (raw.format !== undefined) {
            throw (0,definition_error/* definitionError */.mb)(site, ['instance', 'format'], 'format describes a file, and this source is a live server', 'Remove format: the build dumps the live server in a form it restores itself.');
        }
        const field = liveField(site, ['instance', 'source']);
        return (0,definition_error/* atField */.wz)(site, ['instance', 'source'], () => ({
            source: resolveLiveSource(written, engine, { field }),
        }));
    }
    const where = resolveWrittenPath(directory, written);
    return (0,definition_error/* atField */.wz)(site, ['instance', 'source'], async () => {
        const source = await detectSource(where, raw.format, engine);
        if (source.kind !== 'sql' && source.kind !== 'sql-gz') {
            throw new definition_error/* FieldProblem */.k4(`"${where.written}" is ${source.kind === 'scripts' ? 'a folder of scripts' : 'a pg_dump archive of one database'}, not a dump of a whole server`, engine === 'postgres'
                ? 'Give instance a pg_dumpall script (pg_dumpall > all.sql, .sql or .sql.gz); restore a pg_dump archive as one database: list it under databases with its name and source.'
                : 'Give instance a mysqldump --all-databases (or --databases a b c) script, .sql or .sql.gz; restore other sources under databases.');
        }
        const head = await readHeadOf(source, engine);
        if (!head.isClusterDump && head.creates.length === 0) {
            throw new definition_error/* FieldProblem */.k4(`"${where.written}" does not look like a dump of a whole server: its head creates no database${engine === 'postgres' ? ' and it is not pg_dumpall output' : ''}`, engine === 'postgres'
                ? "Make it with pg_dumpall (or pg_dump --create for one database); a dump of one database without CREATE DATABASE goes under databases, as that database's source."
                : 'Make it with mysqldump --all-databases or --databases a b c (each database then starts with CREATE DATABASE and USE); a dump of one database goes under databases.');
        }
        return { source: { ...source, createsDatabase: true } };
    });
}
const TAR = /\.(tar|tar\.gz|tgz)$/i;
/** What pg_basebackup wrote: a plain data directory, a folder of tar files, or one tar file. */
async function resolveBackup(where, engine) {
    if (engine === 'mariadb')
        return resolveMariabackup(where);
    if (engine !== 'postgres') {
        throw new definition_error/* FieldProblem */.k4(`physical backups are not supported for ${engine}: the image has no tool that makes or prepares them (Percona XtraBackup, MySQL Enterprise Backup)`, 'Restore a logical dump instead: instance: { source: all.sql } (mysqldump --all-databases), or a live server: instance: { source: mysql://replica:3306 }.');
    }
    const { isFolder } = await inspectPath(where, 'path');
    if (!isFolder) {
        if (!TAR.test(where.written)) {
            throw new definition_error/* FieldProblem */.k4(`"${where.written}" is not a pg_basebackup tar file (.tar, .tar.gz) or folder`, 'Point backup at the folder pg_basebackup -D wrote, or at its base.tar / base.tar.gz.');
        }
        await checkCompression(where);
        return { kind: 'pg-basebackup-tar', base: where.absolute };
    }
    const has = async (name) => (await listFiles(where.absolute, name))[0];
    if (await has(/^PG_VERSION$/))
        return { kind: 'pg-basebackup-plain', path: where.absolute };
    const base = await has(/^base\.tar(\.gz)?$/);
    if (!base) {
        throw new definition_error/* FieldProblem */.k4(`the folder "${where.written}" is not a pg_basebackup: it has neither PG_VERSION (-Fp) nor base.tar / base.tar.gz (-Ft)`, 'Make it with pg_basebackup -D <folder> -Fp -X stream (or -Ft -z -X stream), and point backup at that folder.');
    }
    const wal = await has(/^pg_wal\.tar(\.gz)?$/);
    for (const file of [base, wal]) {
        if (file)
            await checkCompression({ written: external_node_path_default().join(where.written, external_node_path_default().basename(file)), absolute: file });
    }
    return { kind: 'pg-basebackup-tar', base, ...(wal && { wal }) };
}
/**
 * What mariabackup wrote and prepared: its target folder, or a tar of that folder's content
 * (tar -C backup -czf backup.tar.gz .). A folder is checked here; a tar once it is unpacked.
 */
async function resolveMariabackup(where) {
    const { isFolder } = await inspectPath(where, 'path');
    if (!isFolder) {
        if (!TAR.test(where.written)) {
            throw new definition_error/* FieldProblem */.k4(`"${where.written}" is not a mariabackup folder or a tar of one (.tar, .tar.gz)`, 'Point backup at the folder mariabackup --backup --target-dir wrote (prepared with mariabackup --prepare), or at a tar of its content.');
        }
        await checkCompression(where);
        return { kind: 'mariabackup', path: where.absolute, form: /gz$/i.test(where.written) ? 'tar.gz' : 'tar' };
    }
    const [checkpoints] = await listFiles(where.absolute, /^(mariadb|xtrabackup)_backup_checkpoints$|^xtrabackup_checkpoints$/);
    if (!checkpoints) {
        throw new definition_error/* FieldProblem */.k4(`the folder "${where.written}" is not a mariabackup backup: it has no mariadb_backup_checkpoints (or xtrabackup_checkpoints)`, 'Make it with mariabackup --backup --target-dir=<folder>, then mariabackup --prepare --target-dir=<folder>, and point backup at that folder.');
    }
    const type = /^backup_type\s*=\s*(\S+)/m.exec(await (0,promises_.readFile)(checkpoints, 'utf8'))?.[1];
    if (type !== 'log-applied') {
        throw new definition_error/* FieldProblem */.k4(`the mariabackup backup "${where.written}" is not prepared (its backup_type is ${type ?? 'missing'}, not log-applied)`, `Prepare it first, with the mariabackup of the server's version: mariabackup --prepare --target-dir=${where.written}`);
    }
    return { kind: 'mariabackup', path: where.absolute, form: 'folder' };
}
/** A .gz must be gzip, and a .tar must not be: finding out half way into the restore is late. */
async function checkCompression(where) {
    const { isGzip } = await sniffFile(where);
    const named = /gz$/i.test(where.written);
    if (isGzip === named)
        return;
    throw new definition_error/* FieldProblem */.k4(`"${where.written}" is ${isGzip ? 'gzip-compressed but not named .gz' : 'named .gz but not gzip-compressed'}`, 'Keep the names pg_basebackup gave its files (base.tar, or base.tar.gz with -z).');
}

;// CONCATENATED MODULE: ./src/definition/resolve-scripts.ts



/** The `setup` or `after` scripts, in the order listed: existing .sql or .sql.gz files. */
async function resolveScripts(site, field, raw, databaseNames, directory) {
    const steps = [];
    for (const [index, entry] of raw.entries()) {
        const { script, database } = typeof entry === 'string' ? { script: entry, database: undefined } : entry;
        if (database !== undefined)
            await (0,definition_error/* atField */.wz)(site, [field, index, 'database'], () => checkIsDatabase(database, databaseNames));
        const where = resolveWrittenPath(directory, script);
        await (0,definition_error/* atField */.wz)(site, typeof entry === 'string' ? [field, index] : [field, index, 'script'], async () => {
            await checkScriptFile(where);
        });
        steps.push(database === undefined ? { path: where.absolute } : { path: where.absolute, database });
    }
    return steps;
}
async function checkScriptFile(where) {
    if ((await inspectPath(where, 'file')).isFolder || !/\.sql(\.gz)?$/i.test(where.written)) {
        throw new definition_error/* FieldProblem */.k4(`"${where.written}" is not a .sql or .sql.gz file`, "Scripts are SQL files, run with the engine's own client; to run a folder of scripts, list each one.");
    }
    if (/\.gz$/i.test(where.written))
        await checkGzip(where);
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(42463);
// EXTERNAL MODULE: ./src/definition/describe-schema-error.ts
var describe_schema_error = __webpack_require__(55133);
// EXTERNAL MODULE: ./src/definition/schema.ts + 1 modules
var schema = __webpack_require__(22062);
;// CONCATENATED MODULE: ./src/definition/validate-schema.ts




/**
 * Checks a parsed definition against the JSON Schema. Every problem is reported at once, one
 * per line, each with its own line and column in the file.
 */
function validateAgainstSchema(site, value) {
    const validate = compileSchema();
    if (validate(value))
        return;
    const problems = (0,describe_schema_error/* describeSchemaErrors */.c)(site, validate.errors ?? []);
    const only = problems.length === 1 ? problems[0] : undefined;
    if (only)
        throw new errors/* DatacloneError */.YF(only.message, only.hint ?? EDITOR_HINT);
    throw new errors/* DatacloneError */.YF(`${site.file}: ${problems.length} problems:\n${problems.map((problem) => `  ${problem.message}`).join('\n')}`, EDITOR_HINT);
}
const EDITOR_HINT = 'Editors show these as you type when the file starts with "# yaml-language-server: $schema=<path to dataclone.schema.json>".';
let compiled;
/** Compiled on first use: it takes tens of milliseconds that most commands never need. */
function compileSchema() {
    if (compiled)
        return compiled;
    const ajv = new dist_ajv.Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    // The messages editors (VS Code, yaml-language-server) show; we show the same ones.
    ajv.addVocabulary(['errorMessage', 'patternErrorMessage']);
    compiled = ajv.compile(schema/* imageDefinitionSchema */.y);
    return compiled;
}

;// CONCATENATED MODULE: ./src/definition/load-image-definition.ts











/**
 * Reads an image definition (dataclone.yaml), checks it against schema/dataclone.schema.json
 * and against the disk, and resolves it: paths absolute, sources detected, databases in
 * restore order, defaults filled in. Every error names the file, line, column and field.
 */
async function loadImageDefinition(file) {
    const { site, text, value } = await readDefinitionDocument(file);
    validateAgainstSchema(site, value);
    const directory = external_node_path_default().dirname(external_node_path_default().resolve(file));
    const version = writtenText(site, ['version'], value.version);
    await (0,definition_error/* atField */.wz)(site, ['version'], () => (0,engine_versions/* checkKnownVersion */.S7)(value.engine, version));
    const raw = value.databases ?? [];
    const names = raw.map((db) => db.name);
    const instance = value.instance && (await resolveInstance(site, value.instance, value.engine, directory));
    const databases = await resolveDatabases(site, raw, value.engine, directory, {
        hasInstance: instance !== undefined,
    });
    const primary = value.primary;
    // With an instance source, primary may name a database found only once it is restored.
    if (primary !== undefined && !instance)
        await (0,definition_error/* atField */.wz)(site, ['primary'], () => checkIsDatabase(primary, names));
    const setup = await resolveScripts(site, 'setup', value.setup ?? [], names, directory);
    checkSetupComesFirst(site, setup, databases);
    const after = await resolveScripts(site, 'after', value.after ?? [], names, directory);
    const mask = resolveMask(site, value.mask, instance ? undefined : names);
    return {
        file: external_node_path_default().resolve(file),
        directory,
        name: value.name,
        engine: value.engine,
        version,
        baseImage: value.baseImage ?? (0,engine_versions/* defaultBaseImage */.qS)(value.engine, version),
        ...(instance && { instance }),
        databases,
        primaryDatabase: primary ?? names[0] ?? '',
        setup,
        after,
        ...(mask && { mask }),
        labels: Object.fromEntries(Object.entries(value.labels ?? {}).map(([key, label]) => [
            key,
            writtenText(site, ['labels', key], label),
        ])),
        digest: await digestDefinition(text, { directory, setup, instance, databases, after }),
    };
}
/**
 * Setup scripts run before any restore, so not in a database that a restore creates (a dump
 * that creates its own database, or one the instance source brings).
 */
function checkSetupComesFirst(site, setup, databases) {
    for (const [index, step] of setup.entries()) {
        const database = databases.find((db) => db.name === step.database);
        if (!database)
            continue;
        const source = database.source;
        const restoredLater = source.kind === 'instance' || ('createsDatabase' in source && source.createsDatabase);
        if (!restoredLater)
            continue;
        throw (0,definition_error/* definitionError */.mb)(site, ['setup', index, 'database'], `setup scripts run before any restore, and database '${database.name}' does not exist until ${source.kind === 'instance' ? 'the instance source is restored' : 'its source creates it'}`, `Run the script in the maintenance database (leave out database), or move it to after.`);
    }
}
/** A number or boolean as the user wrote it: YAML reads `8.0` as 8 and `10.10` as 10.1. */
function writtenText(site, field, value) {
    if (typeof value === 'string')
        return value;
    const node = site.document.getIn(field, true);
    return (0,dist/* isScalar */.jn)(node) && node.source !== undefined ? node.source : String(value);
}


/***/ }),

/***/ 29275:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ suggestName)
/* harmony export */ });
/** The known name closest to `name`, when it is close enough to be a typo of it. */
function suggestName(name, known) {
    let best;
    let bestDistance = Infinity;
    for (const candidate of known) {
        const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    // One edit in three, so that `b` does not suggest `a`, nor `colour` suggest `labels`.
    const isTypo = bestDistance <= Math.max(1, Math.floor(name.length / 3)) && bestDistance < name.length;
    return isTypo ? best : undefined;
}
/** Levenshtein distance, one row at a time. */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
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

/***/ 50447:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fc: () => (/* binding */ FAKE_IP_PREFIX),
/* harmony export */   Xm: () => (/* binding */ DATE_OF_BIRTH_RANGE),
/* harmony export */   YL: () => (/* binding */ STRATEGIES),
/* harmony export */   a0: () => (/* binding */ FAKE_PHONE_PREFIX),
/* harmony export */   mM: () => (/* binding */ FAKE_EMAIL_DOMAIN)
/* harmony export */ });
/* unused harmony export STRATEGY_NAMES */
const TEXT = ['text'];
const ANY = ['text', 'integer', 'decimal', 'date', 'timestamp', 'uuid', 'inet', 'other'];
const STRATEGIES = {
    email: { fits: TEXT, canStayUnique: true, proof: 'presence' },
    'first-name': { fits: TEXT, canStayUnique: false, proof: 'presence' },
    'last-name': { fits: TEXT, canStayUnique: false, proof: 'presence' },
    'full-name': { fits: TEXT, canStayUnique: false, proof: 'presence' },
    phone: { fits: TEXT, canStayUnique: false, proof: 'presence' },
    'street-address': { fits: TEXT, canStayUnique: false, proof: 'presence' },
    city: { fits: TEXT, canStayUnique: false, proof: 'presence' },
    postcode: { fits: TEXT, canStayUnique: false, proof: 'none' },
    company: { fits: TEXT, canStayUnique: false, proof: 'presence' },
    iban: { fits: TEXT, canStayUnique: true, proof: 'presence' },
    'credit-card': { fits: TEXT, canStayUnique: false, proof: 'presence' },
    'ip-address': { fits: ['text', 'inet'], canStayUnique: false, proof: 'presence' },
    uuid: { fits: ['text', 'uuid'], canStayUnique: true, proof: 'presence' },
    'date-of-birth': { fits: ['date', 'timestamp'], canStayUnique: false, proof: 'none' },
    hash: { fits: TEXT, canStayUnique: true, proof: 'presence' },
    null: { fits: ANY, canStayUnique: true, proof: 'presence' },
    value: { fits: ANY, canStayUnique: false, proof: 'presence' },
    partial: { fits: TEXT, canStayUnique: false, proof: 'presence' },
    shuffle: { fits: ANY, canStayUnique: true, proof: 'none' },
    noise: { fits: ['integer', 'decimal', 'date', 'timestamp'], canStayUnique: false, proof: 'none' },
    expression: { fits: ANY, canStayUnique: true, proof: 'presence' },
};
const STRATEGY_NAMES = Object.keys(STRATEGIES);
/** The default range of `date-of-birth`. */
const DATE_OF_BIRTH_RANGE = { min: '1940-01-01', max: '2005-12-31' };
/** The reserved domain (RFC 2606) every fake e-mail address is at: no real address is there. */
const FAKE_EMAIL_DOMAIN = 'example.com';
/** NANP's area code 555 is not assigned to any real area: no real number is there. */
const FAKE_PHONE_PREFIX = '+1 555 ';
/** A private range (RFC 1918): no public address is there. */
const FAKE_IP_PREFIX = '10.';


/***/ }),

/***/ 3212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $w: () => (/* binding */ checkThresholds),
/* harmony export */   S: () => (/* binding */ parseThresholds),
/* harmony export */   Xs: () => (/* binding */ rowsText),
/* harmony export */   kU: () => (/* binding */ parseMilliseconds),
/* harmony export */   z_: () => (/* binding */ parseBytes)
/* harmony export */ });
/* harmony import */ var _core_bytes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79596);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);


/** The migrations' observations checked against the database's thresholds. */
function checkThresholds(database, observations, thresholds, exclusiveModes) {
    const violations = [];
    const { exclusiveLock, rewriteBytes } = thresholds;
    for (const { migration, locks, rewrites } of observations) {
        for (const lock of exclusiveLock ? locks : []) {
            const held = lock.modes.find((m) => exclusiveModes.includes(m.mode));
            if (!exclusiveLock || !held || held.heldMs <= exclusiveLock.longerThanMs)
                continue;
            // A table whose size the server does not know counts as a large one.
            if (lock.rows !== -1 && lock.rows <= exclusiveLock.rows)
                continue;
            violations.push({
                database,
                migration,
                table: lock.table,
                rule: 'exclusive-lock',
                lock: held.mode,
                heldMs: held.heldMs,
                rows: lock.rows,
                message: `${database}: migration ${migration} held ${held.mode} on table ${lock.table} (${rowsText(lock.rows)}) for ${held.heldMs} ms, longer than the ${exclusiveLock.longerThanMs} ms allowed on tables of more than ${exclusiveLock.rows} rows`,
            });
        }
        for (const rewrite of rewriteBytes !== undefined ? rewrites : []) {
            if (rewriteBytes === undefined || rewrite.bytesBefore <= rewriteBytes)
                continue;
            violations.push({
                database,
                migration,
                table: rewrite.table,
                rule: 'rewrite',
                bytes: rewrite.bytesBefore,
                rows: rewrite.rows,
                message: `${database}: migration ${migration} ${rewrite.copied ? 'copied' : 'rewrote'} table ${rewrite.table} (${(0,_core_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z)(rewrite.bytesBefore)}, ${rowsText(rewrite.rows)}), larger than the ${(0,_core_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z)(rewriteBytes)} allowed`,
            });
        }
    }
    return violations;
}
function rowsText(rows) {
    return rows === -1 ? 'rows unknown' : `~${rows} rows`;
}
/** Reads written thresholds; `where` names the field or option in the error of a bad value. */
function parseThresholds(written, where) {
    return {
        ...(written.exclusiveLock && {
            exclusiveLock: {
                longerThanMs: parseMilliseconds(written.exclusiveLock.longerThan, where('exclusiveLock.longerThan')),
                rows: written.exclusiveLock.rows ?? 0,
            },
        }),
        ...(written.rewrite && {
            rewriteBytes: parseBytes(written.rewrite.largerThan, where('rewrite.largerThan')),
        }),
    };
}
const TIME_UNITS = { ms: 1, s: 1000, m: 60_000 };
const SIZE_UNITS = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 };
function parseMilliseconds(text, field) {
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/.exec(text.trim());
    if (!match?.[1] || !match[2])
        throw thresholdError(field, text, 'a duration: 500ms, 2s or 1m');
    return Math.round(Number(match[1]) * (TIME_UNITS[match[2]] ?? 1));
}
function parseBytes(text, field) {
    const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb)$/i.exec(text.trim());
    if (!match?.[1] || !match[2])
        throw thresholdError(field, text, 'a size: 500kB, 100MB or 2GB (units of 1024)');
    return Math.round(Number(match[1]) * (SIZE_UNITS[match[2].toLowerCase()] ?? 1));
}
function thresholdError(field, value, expected) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`${field}: '${value}' is not ${expected}`, `Write it as ${expected.replace(/^an? \w+: /, '')}.`);
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


/***/ })

};
