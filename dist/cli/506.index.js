export const id = 506;
export const ids = [506];
export const modules = {

/***/ 35506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  migrateCommand: () => (/* binding */ migrateCommand),
  provisionCommand: () => (/* binding */ provisionCommand),
  resetCommand: () => (/* binding */ resetCommand),
  runCommand: () => (/* binding */ runCommand),
  teardownCommand: () => (/* binding */ teardownCommand),
  testCommand: () => (/* binding */ testCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/cli/commands/clone-commands.ts + 2 modules
var clone_commands = __webpack_require__(31838);
// EXTERNAL MODULE: ./src/definition/load-image-definition.ts + 14 modules
var load_image_definition = __webpack_require__(2045);
;// CONCATENATED MODULE: ./src/environments/environment-migrations.ts
/**
 * The migration folders of every instance of an environment, keyed `<instance>.<database>` so
 * that two instances with a database of the same name keep theirs apart.
 */
function environmentMigrations(environment) {
    const migrations = {};
    for (const instance of environment.instances)
        for (const [database, folders] of Object.entries(instance.migrations))
            migrations[`${instance.name}.${database}`] = folders;
    return migrations;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(42463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/definition/definition-error.ts
var definition_error = __webpack_require__(37999);
// EXTERNAL MODULE: ./src/definition/describe-schema-error.ts
var describe_schema_error = __webpack_require__(55133);
;// CONCATENATED MODULE: ./schema/dataclone-environment.schema.json
const dataclone_environment_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://dataclone.dev/schema/dataclone-environment.schema.json","title":"dataclone environment","description":"An environment (dataclone.environment.yaml): several data images whose clones are provisioned, reset and torn down together, on a private network where each instance reaches the others by its name.","type":"object","additionalProperties":false,"required":["name","instances"],"properties":{"$schema":{"type":"string","description":"The JSON Schema this file follows (for editors)."},"name":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","maxLength":24,"patternErrorMessage":"an environment name is lowercase letters, digits and \'-\', starting with a letter or digit","description":"Name of the environment: lowercase letters, digits and \\"-\\" (at most 24). Its clones are named <name>-<instance>-<suffix>."},"instances":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/instance"},"description":"The database instances of the environment, each a clone of a data image. The first one is the primary: DATABASE_URL points at it. Migrations run in this order."}},"definitions":{"instance":{"type":"object","additionalProperties":false,"required":["name"],"description":"One database instance: a clone of a data image (give image, definition or both), reachable by the other instances at <name>:<engine port>.","properties":{"name":{"type":"string","pattern":"^[a-z][a-z0-9-]*$","maxLength":24,"patternErrorMessage":"an instance name is lowercase letters, digits and \'-\', starting with a letter (it is a host name on the environment\'s network)","description":"The instance\'s host name on the environment\'s network, and the <INSTANCE> in DATACLONE_<INSTANCE>_URL."},"image":{"type":"string","minLength":1,"description":"The data image to clone. Default: dataclone/<definition\'s name>:latest."},"definition":{"type":"string","minLength":1,"description":"The image definition (dataclone.yaml) the image is built from, relative to this file: names the default image and the migrations of its databases."},"migrations":{"type":"object","additionalProperties":{"type":"string","minLength":1},"description":"Folders of Flyway migrations by database name, relative to this file; on top of those in the definition."}}}}}');
;// CONCATENATED MODULE: ./src/environments/load-environment.ts









/**
 * Reads an environment file (dataclone.environment.yaml), checks it against its JSON Schema and
 * resolves each instance's image and migrations. Errors name the file, line and field.
 */
async function loadEnvironment(file) {
    const text = await readText(file);
    const lines = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const syntax = document.errors[0];
    if (syntax) {
        const { line, col } = lines.linePos(syntax.pos[0]);
        throw new errors/* DatacloneError */.YF(`${file}:${line}:${col}: this is not valid YAML: ${syntax.message.split('\n')[0]}`, 'Check the indentation and the quoting on that line and the one before it.');
    }
    const site = { file, document, lines };
    const value = document.toJS();
    const validate = compileSchema();
    if (!validate(value)) {
        const problems = (0,describe_schema_error/* describeSchemaErrors */.c)(site, validate.errors ?? []);
        throw new errors/* DatacloneError */.YF(problems.length === 1
            ? (problems[0]?.message ?? file)
            : `${file}: ${problems.length} problems:\n${problems.map((p) => `  ${p.message}`).join('\n')}`, problems[0]?.hint ??
            'Editors check this as you type when the file starts with "# yaml-language-server: $schema=<path to dataclone-environment.schema.json>".');
    }
    const raw = value;
    const directory = external_node_path_default().dirname(external_node_path_default().resolve(file));
    const seen = new Map();
    const instances = [];
    for (const [index, instance] of raw.instances.entries()) {
        const earlier = seen.get(instance.name);
        if (earlier !== undefined) {
            throw (0,definition_error/* definitionError */.mb)(site, ['instances', index, 'name'], `'${instance.name}' is already the name of instances[${earlier}]`, 'Give every instance its own name: it is its host name on the environment network.');
        }
        seen.set(instance.name, index);
        instances.push(await resolveInstance(site, directory, index, instance));
    }
    return { file: external_node_path_default().resolve(file), name: raw.name, instances };
}
async function resolveInstance(site, directory, index, raw) {
    if (!raw.image && !raw.definition) {
        throw (0,definition_error/* definitionError */.mb)(site, ['instances', index], `instance '${raw.name}' names no data image`, 'Give image (a data image, e.g. dataclone/shop:latest), definition (its dataclone.yaml), or both.');
    }
    const migrations = {};
    let image = raw.image;
    if (raw.definition) {
        const definitionFile = external_node_path_default().resolve(directory, raw.definition);
        const definition = await (0,load_image_definition/* loadImageDefinition */.L)(definitionFile).catch((error) => {
            throw (0,definition_error/* definitionError */.mb)(site, ['instances', index, 'definition'], `the image definition ${raw.definition} cannot be used`, error instanceof Error ? error.message : String(error));
        });
        image ??= `dataclone/${definition.name}:latest`;
        for (const db of definition.databases)
            if (db.migrations)
                migrations[db.name] = [db.migrations];
    }
    for (const [database, folder] of Object.entries(raw.migrations ?? {}))
        migrations[database] = [external_node_path_default().resolve(directory, folder)];
    return { name: raw.name, image: image ?? '', migrations };
}
let compiled;
function compileSchema() {
    if (compiled)
        return compiled;
    const ajv = new dist_ajv.Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    ajv.addVocabulary(['errorMessage', 'patternErrorMessage']);
    compiled = ajv.compile(dataclone_environment_schema_namespaceObject);
    return compiled;
}
async function readText(file) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new errors/* DatacloneError */.YF(code === 'ENOENT'
            ? `environment file ${file} does not exist`
            : `cannot read environment file ${file}: ${error.message}`, 'Check the path given to --environment: a relative path is taken from the current folder.', { cause: error });
    }
}

// EXTERNAL MODULE: ./src/migration-checks/thresholds.ts
var migration_checks_thresholds = __webpack_require__(3212);
;// CONCATENATED MODULE: ./src/migration-checks/check-options.ts


/**
 * The migration checks' settings as the command line and the CI inputs name them (the same
 * kebab-case names): `no-migration-checks`, `max-exclusive-lock` (2s), `exclusive-lock-rows`
 * (100000), `max-rewrite` (100MB) and `checks-report` (a file). `where` names an option in errors.
 */
function readCheckOptions(get, where) {
    const maxLock = get('max-exclusive-lock');
    const rows = get('exclusive-lock-rows');
    const maxRewrite = get('max-rewrite');
    const report = get('checks-report');
    if (rows && !maxLock)
        throw new errors/* DatacloneError */.YF(`${where('exclusive-lock-rows')} was given without ${where('max-exclusive-lock')}`, 'Give the time an exclusive lock may be held too, e.g. 2s; rows only narrows it to larger tables.');
    if (rows && !/^\d+$/.test(rows))
        throw new errors/* DatacloneError */.YF(`${where('exclusive-lock-rows')}: '${rows}' is not a number of rows`, 'Give a whole number, e.g. 100000.');
    const thresholds = {
        ...(maxLock && {
            exclusiveLock: {
                longerThanMs: (0,migration_checks_thresholds/* parseMilliseconds */.kU)(maxLock, where('max-exclusive-lock')),
                rows: rows ? Number(rows) : 0,
            },
        }),
        ...(maxRewrite && { rewriteBytes: (0,migration_checks_thresholds/* parseBytes */.z_)(maxRewrite, where('max-rewrite')) }),
    };
    return {
        ...(get('no-migration-checks') === 'true' && { enabled: false }),
        ...(Object.keys(thresholds).length && { thresholds }),
        ...(report && { reportFile: report }),
    };
}

// EXTERNAL MODULE: ./src/engines/index.ts
var engines = __webpack_require__(56599);
// EXTERNAL MODULE: ./src/flyway/find-flyway.ts
var find_flyway = __webpack_require__(60166);
// EXTERNAL MODULE: ./src/flyway/run-flyway.ts + 1 modules
var run_flyway = __webpack_require__(18053);
// EXTERNAL MODULE: ./src/flyway/run-flyway-container.ts
var run_flyway_container = __webpack_require__(30632);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/migration-checks/analyse-migrations.ts
/**
 * Ties every sample to the migration that was running (the one after the last recorded in the
 * history table), and every change of a table's storage to the migration(s) between the two
 * looks that saw it, then sums it up per migration.
 */
function analyseMigrations(run) {
    const observations = run.migrations.map((m) => ({
        migration: migrationLabel(m),
        durationMs: m.executionTimeMs,
        locks: [],
        rewrites: [],
        rowsTouched: [],
    }));
    if (run.failedMigration)
        observations.push({
            migration: run.failedMigration,
            durationMs: 0,
            failed: true,
            locks: [],
            rewrites: [],
            rowsTouched: [],
        });
    const rowsBefore = new Map(run.before.map((t) => [t.table, t.rows]));
    const attributions = attributeSamples(run, observations.length);
    const locks = lockSpans(run, attributions);
    for (const [index, tables] of locks) {
        const observation = observations[index];
        if (!observation)
            continue;
        observation.locks = [...tables].map(([table, modes]) => tableLock(table, modes, rowsBefore, run.lockModes));
    }
    for (const rewrite of storageChanges(run, observations, attributions))
        observations[rewrite.index]?.rewrites.push(rewrite.rewrite);
    markCopies(run, observations, attributions);
    attributeRowsTouched(run, observations);
    return observations;
}
/**
 * The rows written per table during the run (the server's counts after Flyway less those before),
 * each table's tied to the one migration that ran or that was seen holding a row-writing lock on
 * it; with several, to the first of them, marked unsure. The counters say nothing per statement.
 */
function attributeRowsTouched(run, observations) {
    if (!run.writesBefore || !run.writesAfter) {
        for (const observation of observations)
            observation.rowsTouched = 'unknown';
        return;
    }
    const before = new Map(run.writesBefore.map((w) => [w.table, w]));
    const writeModes = run.rowWriteModes ?? [];
    // A count lower than before started again (MySQL: a table rebuilt by a copy): all of it is new.
    const since = (now, was = 0) => (now < was ? now : now - was);
    for (const after of run.writesAfter) {
        const was = before.get(after.table);
        const touched = {
            table: after.table,
            inserted: since(after.inserted, was?.inserted),
            updated: since(after.updated, was?.updated),
            deleted: since(after.deleted, was?.deleted),
        };
        if (touched.inserted + touched.updated + touched.deleted === 0)
            continue;
        const seen = observations
            .map((observation, index) => ({ observation, index }))
            .filter(({ observation }) => observation.locks.some((lock) => lock.table === after.table && lock.modes.some((m) => writeModes.includes(m.mode))))
            .map(({ index }) => index);
        const [index, attribution] = observations.length === 1
            ? [0, 'only migration']
            : seen.length === 1
                ? [seen[0] ?? 0, 'locks']
                : [seen[0] ?? 0, 'unsure'];
        const rows = observations[index]?.rowsTouched;
        if (!Array.isArray(rows))
            continue;
        rows.push({
            ...touched,
            attribution,
            ...(attribution === 'unsure' && {
                between: (seen.length ? seen : range(0, observations.length)).map((i) => observations[i]?.migration ?? String(i)),
            }),
        });
    }
}
/**
 * Ties each sample to the migration that was running. The count of recorded migrations a sample
 * carries is read in the same query as its locks, but not at the same instant (PostgreSQL reads
 * it from the statement's snapshot, before pg_locks; MariaDB may read it before or after
 * PROCESSLIST), so it is certain only where the samples before and after counted the same. A
 * sample at a boundary is tied to the migration whose certain samples ran the same statement,
 * and otherwise to the migration its count names (copies are settled later by the storage).
 */
function attributeSamples(run, migrations) {
    const last = run.base + run.migrations.length;
    const bounds = run.samples.map((sample, i) => {
        const before = run.samples[i - 1]?.applied ?? sample.applied;
        const after = run.samples[i + 1]?.applied ?? last;
        return {
            from: Math.min(before, sample.applied) - run.base,
            to: Math.max(after, sample.applied) - run.base,
        };
    });
    const ranStatement = new Map();
    run.samples.forEach((sample, i) => {
        const { from, to } = bounds[i] ?? { from: 0, to: 0 };
        if (from !== to)
            return;
        for (const statement of sampleStatements(sample)) {
            const indexes = ranStatement.get(statement) ?? new Set();
            ranStatement.set(statement, indexes.add(from));
        }
    });
    return run.samples.map((sample, i) => {
        const { from, to } = bounds[i] ?? { from: 0, to: 0 };
        const own = sample.applied - run.base;
        if (from === to)
            return { index: own, candidates: [own], certain: true };
        const candidates = range(Math.max(from, 0), Math.min(to, migrations - 1) + 1);
        const ran = new Set(sampleStatements(sample).flatMap((statement) => [...(ranStatement.get(statement) ?? [])]));
        const matching = candidates.filter((index) => ran.has(index));
        if (matching.length === 1)
            return { index: matching[0] ?? own, candidates, certain: true };
        return { index: own, candidates, certain: false };
    });
}
function sampleStatements(sample) {
    const statements = sample.statements ?? sample.locks.map((lock) => lock.statement ?? '');
    return [...new Set(statements.map((s) => s.trim()).filter(Boolean))];
}
function migrationLabel(migration) {
    return `${migration.version || 'R'} ${migration.description}`;
}
/** Per migration index, per table, per mode: the longest run of consecutive samples showing it. */
function lockSpans(run, attributions) {
    const spans = new Map();
    run.samples.forEach((sample, sampleIndex) => {
        const index = attributions[sampleIndex]?.index ?? sample.applied - run.base;
        if (index < 0)
            return;
        const tables = spans.get(index) ?? new Map();
        spans.set(index, tables);
        for (const lock of sample.locks) {
            const modes = tables.get(lock.table) ?? new Map();
            tables.set(lock.table, modes);
            const span = modes.get(lock.mode);
            if (!span) {
                modes.set(lock.mode, {
                    first: sample.atMs,
                    last: sample.atMs,
                    previousSample: sampleIndex,
                    heldMs: 0,
                    samples: 1,
                    statement: lock.statement,
                });
                continue;
            }
            if (span.previousSample === sampleIndex)
                continue;
            // A gap in the samples is a new hold (the lock was released and taken again).
            if (span.previousSample !== sampleIndex - 1)
                span.first = sample.atMs;
            span.last = sample.atMs;
            span.previousSample = sampleIndex;
            span.samples += 1;
            span.heldMs = Math.max(span.heldMs, Math.round(span.last - span.first));
        }
    });
    return spans;
}
function tableLock(table, modes, rowsBefore, lockModes) {
    const ordered = [...modes]
        .map(([mode, span]) => ({ mode, heldMs: span.heldMs, samples: span.samples, statement: span.statement }))
        .sort((a, b) => lockModes.indexOf(b.mode) - lockModes.indexOf(a.mode));
    const strongest = ordered[0] ?? { mode: '', heldMs: 0, samples: 0, statement: undefined };
    return {
        table,
        mode: strongest.mode,
        heldMs: strongest.heldMs,
        rows: rowsBefore.get(table) ?? 0,
        modes: ordered.map(({ mode, heldMs, samples }) => ({ mode, heldMs, samples })),
        statement: strongest.statement,
    };
}
/** Tables whose storage changed, each tied to the migration that changed it. */
function storageChanges(run, observations, attributions) {
    const last = run.base + observations.length;
    const looks = [
        { applied: run.base, tables: run.before },
        ...run.checkpoints,
        { applied: last, tables: run.after },
    ];
    // Where the DDL commits before the history row, the migration running at the later look may
    // already have changed the storage.
    const runningAtLater = run.storageCommitsWithHistory === false ? 1 : 0;
    const evidence = statementEvidence(run, attributions);
    const before = new Map(run.before.map((t) => [t.table, t]));
    const after = new Map(run.after.map((t) => [t.table, t]));
    const found = [];
    for (let i = 1; i < looks.length; i++) {
        const [earlier, later] = [looks[i - 1], looks[i]];
        if (!earlier || !later)
            continue;
        const storage = new Map(earlier.tables.map((t) => [t.table, t.storage]));
        for (const table of later.tables) {
            const was = storage.get(table.table);
            if (!was || !table.storage || was === table.storage)
                continue;
            const from = earlier.applied - run.base;
            const to = (later.appliedAfter ?? later.applied) - run.base + runningAtLater;
            const candidates = range(from, Math.max(to, from + 1)).filter((index) => index < observations.length);
            const { index, attribution } = candidates.length
                ? pickMigration(candidates, table.table, observations, run.exclusiveModes, evidence)
                : // After the last recorded migration: Flyway's afterMigrate callbacks, or its last migration.
                    { index: observations.length - 1, attribution: 'unsure' };
            found.push({
                index,
                rewrite: {
                    table: table.table,
                    bytesBefore: before.get(table.table)?.bytes ?? 0,
                    bytesAfter: after.get(table.table)?.bytes ?? 0,
                    rows: before.get(table.table)?.rows ?? -1,
                    copied: false,
                    attribution,
                    ...(attribution === 'unsure' && {
                        between: candidates.map((c) => observations[c]?.migration ?? String(c)),
                    }),
                },
            });
        }
    }
    return found;
}
function pickMigration(candidates, table, observations, exclusiveModes, evidence) {
    if (candidates.length === 1)
        return { index: candidates[0] ?? 0, attribution: 'history' };
    const locking = candidates.filter((index) => observations[index]?.locks.some((lock) => lock.table === table && lock.modes.some((m) => exclusiveModes.includes(m.mode))));
    if (locking.length === 1)
        return { index: locking[0] ?? 0, attribution: 'exclusive lock' };
    // A copy names the rebuild itself; an ALTER TABLE on the table may also be an instant one.
    for (const seen of [evidence.copying, evidence.altering]) {
        const migrations = candidates.filter((index) => seen.get(table)?.has(index));
        if (migrations.length === 1)
            return { index: migrations[0] ?? 0, attribution: 'statement' };
    }
    return { index: locking[0] ?? candidates[0] ?? 0, attribution: 'unsure' };
}
function statementEvidence(run, attributions) {
    const evidence = { copying: new Map(), altering: new Map() };
    const add = (seen, table, index) => seen.set(table, (seen.get(table) ?? new Set()).add(index));
    run.samples.forEach((sample, i) => {
        const attribution = attributions[i];
        if (!attribution?.certain)
            return;
        for (const table of sample.copying)
            add(evidence.copying, table, attribution.index);
        for (const table of sample.altering ?? [])
            add(evidence.altering, table, attribution.index);
    });
    return evidence;
}
/**
 * MySQL/MariaDB: a table a session was copying is marked copied, and counted rewritten if it was
 * not. A copy seen by a sample at a boundary goes to the candidate migration that rewrote it.
 */
function markCopies(run, observations, attributions) {
    const before = new Map(run.before.map((t) => [t.table, t]));
    const after = new Map(run.after.map((t) => [t.table, t]));
    run.samples.forEach((sample, i) => {
        const attribution = attributions[i] ?? {
            index: sample.applied - run.base,
            candidates: [],
            certain: false,
        };
        for (const table of sample.copying) {
            const rewriting = attribution.certain
                ? []
                : attribution.candidates.filter((index) => observations[index]?.rewrites.some((r) => r.table === table));
            const observation = observations[rewriting.length === 1 ? (rewriting[0] ?? 0) : attribution.index];
            if (!observation)
                continue;
            const rewrite = observation.rewrites.find((r) => r.table === table);
            if (rewrite)
                rewrite.copied = true;
            else
                observation.rewrites.push({
                    table,
                    bytesBefore: before.get(table)?.bytes ?? 0,
                    bytesAfter: after.get(table)?.bytes ?? 0,
                    rows: before.get(table)?.rows ?? -1,
                    copied: true,
                    attribution: 'statement',
                });
        }
    });
}
function range(from, to) {
    return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

;// CONCATENATED MODULE: ./src/migration-checks/mysql-observer.ts
/** Metadata lock types (performance_schema.metadata_locks LOCK_TYPE), weakest first. */
const LOCK_MODES = [
    'INTENTION_EXCLUSIVE',
    'SHARED',
    'SHARED_HIGH_PRIO',
    'SHARED_READ',
    'SHARED_WRITE',
    'SHARED_WRITE_LOW_PRIO',
    'SHARED_UPGRADABLE',
    'SHARED_READ_ONLY',
    'SHARED_NO_WRITE',
    'SHARED_NO_READ_WRITE',
    'EXCLUSIVE',
];
const MDL_INSTRUMENT = 'wait/lock/metadata/sql/mdl';
const TABLE_IO_INSTRUMENT = 'wait/io/table/sql/handler';
/**
 * Observes one MySQL/MariaDB database from a second connection: the Flyway sessions in
 * information_schema.PROCESSLIST (those that connected after `begin`), their metadata locks from
 * performance_schema.metadata_locks when the server runs with performance_schema on, and the
 * count of rows in Flyway's history table in the same query.
 */
async function openMysqlObserver(url, history) {
    // Loaded here, as the engines load it: commands that never check a migration never load mysql2.
    const { default: mysql } = await __webpack_require__.e(/* import() */ 588).then(__webpack_require__.t.bind(__webpack_require__, 27588, 19));
    const connection = await mysql.createConnection(url);
    connection.on('error', () => { });
    const database = history.schema;
    const variant = await serverVariant(connection);
    const locksVisible = await enableInstrument(connection, MDL_INSTRUMENT);
    const writesVisible = await enableInstrument(connection, TABLE_IO_INSTRUMENT);
    const notes = [
        `${variant.name}: the Flyway sessions are those in information_schema.PROCESSLIST that connected after the checks began; a sample is attributed to the migration after the last one recorded in the schema history table. A table whose InnoDB table ID changed was rebuilt; one a Flyway session was seen in state "copy to tmp table" was copied (ALGORITHM=COPY).`,
        locksVisible
            ? 'Metadata locks: performance_schema.metadata_locks.'
            : `Metadata locks are not observed: this server runs with performance_schema off (it can only be turned on at server start, performance_schema=ON); durations, rebuilds and copies are still reported.`,
        writesVisible
            ? 'Rows touched: performance_schema.table_io_waits_summary_by_table (COUNT_INSERT, COUNT_UPDATE, COUNT_DELETE) before and after Flyway; a table rebuilt by a copy starts its counts again.'
            : 'Rows touched: unknown (the server counts rows written per table only with performance_schema on).',
    ];
    let before = new Set();
    let historyExists = false;
    const sample = async () => {
        const applied = historyExists
            ? `(SELECT count(*) FROM ${quoteIdent(database)}.${quoteIdent(history.table)} WHERE type NOT IN ('BASELINE', 'SCHEMA', 'DELETE'))`
            : '0';
        const locks = locksVisible
            ? `LEFT JOIN performance_schema.threads t ON t.PROCESSLIST_ID = p.ID
         LEFT JOIN performance_schema.metadata_locks m ON m.OWNER_THREAD_ID = t.THREAD_ID
           AND m.OBJECT_TYPE = 'TABLE' AND m.OBJECT_SCHEMA = ? AND m.OBJECT_NAME <> ? AND m.LOCK_STATUS = 'GRANTED'`
            : '';
        // Once the history table exists it stays: asking information_schema.TABLES costs more than the rest.
        const exists = historyExists
            ? '1'
            : '(SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?)';
        const [rows] = await connection.query(`SELECT ${exists} AS history,
              ${applied} AS applied, p.ID AS id, p.STATE AS state, LEFT(p.INFO, 200) AS statement,
              ${locksVisible ? 'm.OBJECT_NAME' : 'NULL'} AS tableName, ${locksVisible ? 'm.LOCK_TYPE' : 'NULL'} AS mode
         FROM (SELECT 1) one
         LEFT JOIN information_schema.PROCESSLIST p ON p.ID <> CONNECTION_ID() AND p.DB = ?
         ${locks}`, [
            ...(historyExists ? [] : [database, history.table]),
            database,
            ...(locksVisible ? [database, history.table] : []),
        ]);
        historyExists = Number(rows[0]?.history ?? 0) > 0;
        const flyway = rows.filter((row) => row.id !== null && !before.has(Number(row.id)));
        const statements = [
            ...new Set(flyway.map((row) => String(row.statement ?? '')).filter((statement) => statement)),
        ];
        return {
            statements,
            altering: statements.map(alteredTable).filter((table) => table !== undefined),
            applied: Number(rows[0]?.applied ?? 0),
            locks: flyway
                .filter((row) => row.tableName)
                .map((row) => ({
                table: String(row.tableName),
                mode: String(row.mode),
                statement: row.statement ?? undefined,
            })),
            copying: flyway
                .filter((row) => /copy to tmp table/i.test(String(row.state ?? '')))
                .map((row) => alteredTable(String(row.statement ?? '')))
                .filter((table) => table !== undefined),
        };
    };
    const historyCount = async () => {
        const [rows] = await connection.query(`SELECT count(*) AS applied FROM ${quoteIdent(database)}.${quoteIdent(history.table)} WHERE type NOT IN ('BASELINE', 'SCHEMA', 'DELETE')`);
        return Number(rows[0]?.applied ?? 0);
    };
    const observer = {
        lockModes: LOCK_MODES,
        exclusiveModes: ['EXCLUSIVE', 'SHARED_NO_READ_WRITE'],
        rowWriteModes: ['SHARED_WRITE', 'SHARED_WRITE_LOW_PRIO'],
        storageCommitsWithHistory: false,
        notes,
        async begin() {
            const [rows] = await connection.query('SELECT ID AS id FROM information_schema.PROCESSLIST');
            before = new Set(rows.map((row) => Number(row.id)));
            await sample();
        },
        sample,
        async tables() {
            const [rows] = await connection.query(
            // The tablespace file's size: TABLES.DATA_LENGTH is InnoDB's statistics, often stale.
            `SELECT t.TABLE_NAME AS name, i.TABLE_ID AS storage,
                COALESCE(s.FILE_SIZE, t.DATA_LENGTH + t.INDEX_LENGTH) AS bytes, t.TABLE_ROWS AS estimate
           FROM information_schema.TABLES t
           LEFT JOIN information_schema.${variant.innodbTables} i ON i.NAME = CONCAT(t.TABLE_SCHEMA, '/', t.TABLE_NAME)
           LEFT JOIN information_schema.${variant.innodbTablespaces} s ON s.NAME = i.NAME
          WHERE t.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE' AND t.TABLE_NAME <> ?`, [database, history.table]);
            return rows.map((row) => ({
                table: String(row.name),
                storage: String(row.storage ?? ''),
                bytes: Number(row.bytes ?? 0),
                rows: row.estimate === null ? -1 : Number(row.estimate),
            }));
        },
        // information_schema is no snapshot: the count is read again once the tables were, and the
        // look lies between the count the caller saw and that one.
        async checkpoint(appliedBefore) {
            const tables = await observer.tables(false);
            const appliedAfter = historyExists ? await historyCount() : appliedBefore;
            return { applied: appliedBefore, appliedAfter, tables };
        },
        async rowWrites() {
            if (!writesVisible)
                return undefined;
            const [rows] = await connection.query(`SELECT OBJECT_NAME AS name, COUNT_INSERT AS ins, COUNT_UPDATE AS upd, COUNT_DELETE AS del
           FROM performance_schema.table_io_waits_summary_by_table
          WHERE OBJECT_TYPE = 'TABLE' AND OBJECT_SCHEMA = ? AND OBJECT_NAME <> ? AND OBJECT_NAME NOT LIKE '#sql%'`, [database, history.table]);
            return rows.map((row) => ({
                table: String(row.name),
                inserted: Number(row.ins),
                updated: Number(row.upd),
                deleted: Number(row.del),
            }));
        },
        schema: () => mysqlSchema(connection, history),
        close: () => connection.end(),
    };
    return observer;
}
async function serverVariant(connection) {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const mariadb = /mariadb/i.test(String(rows[0]?.version ?? ''));
    return mariadb
        ? { name: 'MariaDB', innodbTables: 'INNODB_SYS_TABLES', innodbTablespaces: 'INNODB_SYS_TABLESPACES' }
        : { name: 'MySQL', innodbTables: 'INNODB_TABLES', innodbTablespaces: 'INNODB_TABLESPACES' };
}
/**
 * Whether a performance_schema instrument can be used: performance_schema must be on (a
 * start-up setting), and the instrument enabled, which the clone's own user may do at run time.
 */
async function enableInstrument(connection, instrument) {
    const [rows] = await connection.query('SELECT @@performance_schema AS on_');
    if (Number(rows[0]?.on_ ?? 0) !== 1)
        return false;
    try {
        await connection.query("UPDATE performance_schema.setup_instruments SET ENABLED = 'YES' WHERE NAME = ?", [
            instrument,
        ]);
        return true;
    }
    catch {
        return false;
    }
}
function alteredTable(statement) {
    return /ALTER\s+(?:ONLINE\s+|IGNORE\s+)*TABLE\s+(?:`?[\w$]+`?\.)?`?([\w$]+)`?/i.exec(statement)?.[1];
}
async function mysqlSchema(connection, history) {
    const named = async (sql) => {
        const [rows] = await connection.query(sql, [history.schema, history.table]);
        return Object.fromEntries(rows.map((row) => [String(row.name), String(row.definition ?? '')]));
    };
    return {
        tables: await named(`SELECT TABLE_NAME AS name, CONCAT('table, ', ENGINE) AS definition FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> ?`),
        columns: await named(`SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME) AS name,
              CONCAT(COLUMN_TYPE, IF(IS_NULLABLE = 'NO', ' not null', ''), IF(COLUMN_DEFAULT IS NULL OR COLUMN_DEFAULT = 'NULL', '', CONCAT(' default ', COLUMN_DEFAULT)), IF(EXTRA <> '', CONCAT(' ', EXTRA), '')) AS definition
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> ?`),
        indexes: await named(`SELECT CONCAT(TABLE_NAME, '.', INDEX_NAME) AS name,
              CONCAT(IF(NON_UNIQUE = 0, 'unique ', ''), INDEX_TYPE, ' (', GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX), ')') AS definition
         FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> ?
        GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE`),
        constraints: await named(`SELECT CONCAT(c.TABLE_NAME, '.', c.CONSTRAINT_NAME) AS name,
              CONCAT(c.CONSTRAINT_TYPE, ' (', IFNULL(GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION), ''), ')',
                     IFNULL(CONCAT(' references ', MAX(k.REFERENCED_TABLE_NAME)), '')) AS definition
         FROM information_schema.TABLE_CONSTRAINTS c
         LEFT JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA
          AND k.TABLE_NAME = c.TABLE_NAME AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME
        WHERE c.CONSTRAINT_SCHEMA = ? AND c.TABLE_NAME <> ?
        GROUP BY c.TABLE_NAME, c.CONSTRAINT_NAME, c.CONSTRAINT_TYPE`),
        views: await named(`SELECT TABLE_NAME AS name, CONCAT('view: ', VIEW_DEFINITION) AS definition FROM information_schema.VIEWS
        WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> ?`),
        functions: await named(`SELECT CONCAT(ROUTINE_NAME, ' (', LOWER(ROUTINE_TYPE), ')') AS name,
              CONCAT(IFNULL(CONCAT('returns ', DTD_IDENTIFIER, ', '), ''), 'body sha256 ', SHA2(ROUTINE_DEFINITION, 256)) AS definition
         FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_NAME <> ?`),
    };
}
function quoteIdent(name) {
    return `\`${name.replace(/`/g, '``')}\``;
}

;// CONCATENATED MODULE: ./src/migration-checks/postgres-observer.ts
/** PostgreSQL's table lock modes, weakest first (the order of its conflict table). */
const postgres_observer_LOCK_MODES = [
    'AccessShareLock',
    'RowShareLock',
    'RowExclusiveLock',
    'ShareUpdateExclusiveLock',
    'ShareLock',
    'ShareRowExclusiveLock',
    'ExclusiveLock',
    'AccessExclusiveLock',
];
const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;
/**
 * Observes one PostgreSQL database from a second connection: `pg_locks` joined to
 * `pg_stat_activity` and `pg_class`, limited to the sessions that connected after `begin` (Flyway's),
 * with the count of rows in Flyway's history table in the same query.
 */
async function openPostgresObserver(url, history) {
    // Loaded here, as the engines load it: commands that never check a migration never load pg.
    const { default: pg } = await __webpack_require__.e(/* import() */ 849).then(__webpack_require__.bind(__webpack_require__, 83849));
    const client = new pg.Client({ connectionString: url, application_name: 'dataclone migration checks' });
    client.on('error', () => { });
    await client.connect();
    const historyName = `${postgres_observer_quoteIdent(history.schema)}.${postgres_observer_quoteIdent(history.table)}`;
    let since = '';
    let historyExists = false;
    const sample = async () => {
        const applied = historyExists
            ? `(SELECT count(*) FROM ${historyName} WHERE type NOT IN ('BASELINE', 'SCHEMA', 'DELETE'))::int`
            : '0';
        const { rows } = await client.query({
            // Prepared once per shape: planning this join on every sample would cost more than running it.
            name: `dataclone-lock-sample-${historyExists ? 'counted' : 'uncounted'}`,
            text: `SELECT to_regclass($2) IS NOT NULL AS history, ${applied} AS applied,
        (SELECT json_agg(json_build_object('table', CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END, 'mode', l.mode, 'statement', left(a.query, 200)))
           FROM pg_locks l
           JOIN pg_stat_activity a ON a.pid = l.pid
           JOIN pg_class c ON c.oid = l.relation
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE l.locktype = 'relation' AND l.granted AND a.datname = current_database()
            AND a.pid <> pg_backend_pid() AND a.backend_start >= $1::timestamptz
            AND c.relkind IN ('r', 'p', 'm') AND ${USER_SCHEMAS}
            AND NOT (n.nspname = $3 AND c.relname = $4)) AS locks`,
            values: [since, historyName, history.schema, history.table],
        });
        const row = rows[0];
        historyExists = row?.history ?? false;
        return { applied: row?.applied ?? 0, locks: row?.locks ?? [], copying: [] };
    };
    const tables = async (sizes, counted = false) => {
        const { rows } = await client.query(
        // With the count of recorded migrations from the same snapshot: pg_class is read under
        // MVCC, so the storage seen and the count agree exactly.
        `SELECT CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END AS table,
              c.relfilenode::text AS storage,
              ${sizes ? 'pg_total_relation_size(c.oid)' : '0'}::text AS bytes,
              c.reltuples::bigint::text AS rows,
              ${counted ? `(SELECT count(*) FROM ${historyName} WHERE type NOT IN ('BASELINE', 'SCHEMA', 'DELETE'))::int` : '0'} AS applied
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'm') AND ${USER_SCHEMAS} AND NOT (n.nspname = $1 AND c.relname = $2)`, [history.schema, history.table]);
        return {
            applied: rows[0]?.applied ?? 0,
            tables: rows.map((row) => ({
                table: row.table,
                storage: row.storage,
                bytes: Number(row.bytes),
                rows: Number(row.rows),
            })),
        };
    };
    const notes = [
        "PostgreSQL: pg_locks joined to pg_stat_activity and pg_class, for the sessions that connected after the checks began (Flyway's); a sample is attributed to the migration after the last one recorded in the schema history table (each migration commits its history row with its own changes). Rows touched: pg_stat_user_tables (n_tup_ins, n_tup_upd, n_tup_del) before Flyway and once its sessions ended.",
    ];
    return {
        lockModes: postgres_observer_LOCK_MODES,
        exclusiveModes: ['AccessExclusiveLock'],
        rowWriteModes: ['RowExclusiveLock'],
        storageCommitsWithHistory: true,
        notes,
        async begin() {
            since = (await client.query('SELECT now()::text AS now')).rows[0]?.now ?? '';
            await sample();
        },
        sample,
        tables: async (sizes) => (await tables(sizes)).tables,
        async checkpoint(appliedBefore) {
            if (!historyExists)
                return { applied: appliedBefore, appliedAfter: appliedBefore, tables: (await tables(false)).tables };
            const look = await tables(false, true);
            return { ...look, appliedAfter: look.applied };
        },
        async rowWrites(final) {
            if (final && !(await flywaySessionsEnded(client, since)))
                notes.push("Rows touched: a Flyway session had not ended 5 s after Flyway did, so what it wrote last may be missing (PostgreSQL counts a session's rows when it ends or goes idle, at most once a second).");
            const { rows } = await client.query(`SELECT CASE WHEN schemaname = 'public' THEN relname ELSE schemaname || '.' || relname END AS table,
                n_tup_ins::text AS ins, n_tup_upd::text AS upd, n_tup_del::text AS del
           FROM pg_stat_user_tables WHERE NOT (schemaname = $1 AND relname = $2)`, [history.schema, history.table]);
            return rows.map((row) => ({
                table: row.table,
                inserted: Number(row.ins),
                updated: Number(row.upd),
                deleted: Number(row.del),
            }));
        },
        schema: () => postgresSchema(client, history),
        close: () => client.end(),
    };
}
/**
 * Waits until the sessions that connected after `since` (Flyway's) have ended: a backend hands
 * its row counts to the statistics as it exits, before it leaves pg_stat_activity.
 */
async function flywaySessionsEnded(client, since) {
    const deadline = performance.now() + 5000;
    for (;;) {
        const { rows } = await client.query(`SELECT count(*)::int AS sessions FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND backend_type = 'client backend' AND backend_start >= $1::timestamptz`, [since]);
        if ((rows[0]?.sessions ?? 0) === 0)
            return true;
        if (performance.now() > deadline)
            return false;
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}
/** The user schemas' catalog as text, one query per kind of object. */
async function postgresSchema(client, history) {
    const named = (query) => client
        .query(query, [history.schema, history.table])
        .then(({ rows }) => Object.fromEntries(rows.map((row) => [row.name, row.definition ?? ''])));
    const qualified = (schema, name) => `CASE WHEN ${schema} = 'public' THEN ${name} ELSE ${schema} || '.' || ${name} END`;
    const notHistory = `NOT (n.nspname = $1 AND c.relname = $2)`;
    // One after the other: a pg client runs one query at a time.
    const tables = await named(`SELECT ${qualified('n.nspname', 'c.relname')} AS name,
                  CASE c.relkind WHEN 'p' THEN 'partitioned table' ELSE 'table' END AS definition
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND ${USER_SCHEMAS} AND ${notHistory}`);
    const columns = await named(`SELECT ${qualified('n.nspname', 'c.relname')} || '.' || a.attname AS name,
                  format_type(a.atttypid, a.atttypmod)
                  || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                  || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') AS definition
             FROM pg_attribute a
             JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm')
              AND ${USER_SCHEMAS} AND ${notHistory}`);
    const indexes = await named(`SELECT ${qualified('n.nspname', 'i.relname')} AS name, pg_get_indexdef(i.oid) AS definition
             FROM pg_index x
             JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
             JOIN pg_namespace n ON n.oid = i.relnamespace
            WHERE ${USER_SCHEMAS} AND ${notHistory}`);
    const constraints = await named(`SELECT ${qualified('n.nspname', 'c.relname')} || '.' || k.conname AS name,
                  pg_get_constraintdef(k.oid) AS definition
             FROM pg_constraint k
             JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE ${USER_SCHEMAS} AND ${notHistory}`);
    const views = await named(`SELECT ${qualified('n.nspname', 'c.relname')} AS name,
                  CASE c.relkind WHEN 'm' THEN 'materialized ' ELSE '' END || 'view: ' || btrim(regexp_replace(pg_get_viewdef(c.oid), '\\s+', ' ', 'g')) AS definition
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('v', 'm') AND ${USER_SCHEMAS} AND $1::text IS NOT NULL AND $2::text IS NOT NULL`);
    const functions = await named(`SELECT ${qualified('n.nspname', 'p.proname')} || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
                  'returns ' || pg_get_function_result(p.oid) || ', body md5 ' || md5(p.prosrc) AS definition
             FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             LEFT JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
            WHERE ${USER_SCHEMAS} AND d.objid IS NULL AND p.prokind IN ('f', 'p')
              AND $1::text IS NOT NULL AND $2::text IS NOT NULL`);
    return { tables, columns, indexes, constraints, views, functions };
}
function postgres_observer_quoteIdent(name) {
    return `"${name.replace(/"/g, '""')}"`;
}

;// CONCATENATED MODULE: ./src/migration-checks/observation.ts
/**
 * What an engine facet observes of one database while Flyway migrates it, in engine-neutral
 * terms: lock samples from a second connection, the tables' storage, and the schema's catalog.
 */
const SCHEMA_OBJECT_KINDS = [
    'tables',
    'columns',
    'indexes',
    'constraints',
    'views',
    'functions',
];

;// CONCATENATED MODULE: ./src/migration-checks/schema-diff.ts

/** Compares the catalog before Flyway ran with the one after, object by object. */
function diffSchemas(before, after) {
    const changes = [];
    for (const kind of SCHEMA_OBJECT_KINDS) {
        const old = before[kind];
        const now = after[kind];
        for (const name of [...new Set([...Object.keys(old), ...Object.keys(now)])].sort()) {
            const [was, is] = [old[name], now[name]];
            if (was === is)
                continue;
            if (was === undefined)
                changes.push({ kind, change: 'added', name, after: is });
            else if (is === undefined)
                changes.push({ kind, change: 'removed', name, before: was });
            else
                changes.push({ kind, change: 'changed', name, before: was, after: is });
        }
    }
    return { changes };
}
const SIGN = { added: '+', removed: '-', changed: '~' };
/** One line per change: `+ column orders.note: text`, `~ column orders.amount: integer → bigint`. */
function schemaDiffLines(diff) {
    return diff.changes.map(({ kind, change, name, before, after }) => {
        const what = `${SIGN[change]} ${kind.replace(/s$/, '').replace(/indexe$/, 'index')} ${name}`;
        if (change === 'changed')
            return `${what}: ${before} → ${after}`;
        return `${what}: ${change === 'added' ? after : before}`;
    });
}

;// CONCATENATED MODULE: ./src/migration-checks/check-migrations.ts






const DEFAULT_INTERVAL_MS = 25;
/**
 * Opens a second connection to the database, takes the tables' storage and the schema's catalog,
 * and samples the locks of the Flyway sessions until `finish`, which takes both again and ties
 * what changed to the migrations Flyway reports.
 */
async function startMigrationChecks(target, settings) {
    const mysqlFamily = target.engine === 'mysql' || target.engine === 'mariadb';
    const history = {
        schema: settings.historySchema ?? (mysqlFamily ? target.database : 'public'),
        table: settings.historyTable ?? 'flyway_schema_history',
    };
    const observer = mysqlFamily
        ? await openMysqlObserver(target.url, history)
        : await openPostgresObserver(target.url, history);
    const intervalMs = settings.intervalMs ?? DEFAULT_INTERVAL_MS;
    try {
        const snapshotStarted = performance.now();
        const before = await observer.tables(true);
        const writesBefore = await observer.rowWrites(false);
        const schemaBefore = await observer.schema();
        await observer.begin();
        const snapshotBeforeMs = performance.now() - snapshotStarted;
        const sampling = sampleUntilStopped(observer, intervalMs);
        const base = await sampling.base;
        return {
            async finish(result) {
                const { samples, checkpoints, queryMs, error } = await sampling.stop();
                try {
                    return await report(target, observer, { before, writesBefore, schemaBefore, base, samples, checkpoints, result }, { intervalMs, queryMs, snapshotBeforeMs, error });
                }
                finally {
                    await observer.close();
                }
            },
            async abandon() {
                await sampling.stop();
                await observer.close();
            },
        };
    }
    catch (error) {
        await observer.close().catch(() => { });
        throw error;
    }
}
/**
 * Samples at a fixed pace on one connection, one query at a time; each time the history table
 * counts another migration it also looks at the tables' storage, to tie rewrites to migrations.
 */
function sampleUntilStopped(observer, intervalMs) {
    const started = performance.now();
    const samples = [];
    const checkpoints = [];
    let stopped = false;
    let queryMs = 0;
    let error;
    let resolveBase = () => { };
    const base = new Promise((resolve) => (resolveBase = resolve));
    const loop = (async () => {
        let applied;
        while (!stopped) {
            const asked = performance.now();
            try {
                const sample = await observer.sample();
                const answered = performance.now();
                queryMs += answered - asked;
                samples.push({ ...sample, atMs: (asked + answered) / 2 - started });
                if (applied === undefined)
                    resolveBase(sample.applied);
                else if (sample.applied !== applied)
                    checkpoints.push(await observer.checkpoint(sample.applied));
                applied = sample.applied;
            }
            catch (caught) {
                error = caught instanceof Error ? caught.message : String(caught);
                resolveBase(applied ?? 0);
                return;
            }
            await (0,external_node_timers_promises_.setTimeout)(Math.max(0, intervalMs - (performance.now() - asked)));
        }
    })();
    return {
        base,
        async stop() {
            stopped = true;
            await loop;
            return { samples, checkpoints, queryMs: samples.length ? queryMs / samples.length : 0, error };
        },
    };
}
async function report(target, observer, observed, sampling) {
    const snapshotStarted = performance.now();
    const after = await observer.tables(true);
    const writesAfter = observed.writesBefore ? await observer.rowWrites(true) : undefined;
    const schemaAfter = await observer.schema();
    const snapshotMs = Math.round(sampling.snapshotBeforeMs + performance.now() - snapshotStarted);
    const migrations = analyseMigrations({
        migrations: observed.result.migrations,
        failedMigration: observed.result.success ? undefined : failedMigration(observed.result),
        base: observed.base,
        samples: observed.samples,
        before: observed.before,
        checkpoints: observed.checkpoints,
        after,
        lockModes: observer.lockModes,
        exclusiveModes: observer.exclusiveModes,
        storageCommitsWithHistory: observer.storageCommitsWithHistory,
        rowWriteModes: observer.rowWriteModes,
        writesBefore: observed.writesBefore,
        writesAfter,
    });
    return {
        database: target.label,
        engine: target.engine,
        intervalMs: sampling.intervalMs,
        samples: observed.samples.length,
        sampleQueryMs: Math.round(sampling.queryMs * 10) / 10,
        snapshotMs,
        notes: [...observer.notes, ...(sampling.error ? [`Sampling stopped early: ${sampling.error}`] : [])],
        migrations,
        schemaDiff: diffSchemas(observed.schemaBefore, schemaAfter),
        thresholds: target.thresholds,
        violations: (0,migration_checks_thresholds/* checkThresholds */.$w)(target.label, migrations, target.thresholds, observer.exclusiveModes),
    };
}
/** The failed migration as Flyway's error names it (`Migration V3__x.sql failed`). */
function failedMigration(result) {
    const script = /Migration (\S+) failed/.exec(result.error?.message ?? '')?.[1];
    return script ? `${script} (failed)` : 'the migration that failed';
}

// EXTERNAL MODULE: ./src/core/bytes.ts
var bytes = __webpack_require__(79596);
;// CONCATENATED MODULE: ./src/report/migration-checks-summary.ts



/**
 * A few lines per database for a terminal or a CI log: each migration's time, its strongest lock
 * per table, its rewrites and the rows it touched, then the schema diff in one line.
 */
function checksLines(checks) {
    const lines = checks.migrations.map((m) => `${checks.database}: ${m.migration}: ${migrationFacts(m).join('; ')}`);
    lines.push(`${checks.database}: schema: ${diffCount(checks)}`);
    return lines;
}
/**
 * The checks in Markdown: per database, collapsed, a table of migrations (time, locks, rewrites,
 * rows touched),
 * the thresholds crossed, the schema diff, and how the locks were observed.
 */
function checksMarkdown(all) {
    if (all.length === 0)
        return '';
    return ['### Migration checks', ...all.map(databaseSection)].join('\n\n');
}
/** The report as a file for an artifact: JSON for a `.json` file, else the Markdown of the summary. */
function checksReportFile(file, all) {
    if (file.endsWith('.json'))
        return `${JSON.stringify(all, null, 2)}\n`;
    return `${checksMarkdown(all) || '### Migration checks\n\nNo database was migrated.'}\n`;
}
function databaseSection(checks) {
    const crossed = checks.violations.length ? `, **${checks.violations.length} threshold(s) crossed**` : '';
    const rows = checks.migrations.map((m) => [
        migration_checks_summary_escape(m.migration),
        m.failed ? 'failed' : `${m.durationMs} ms`,
        m.locks.map(lockText).map(migration_checks_summary_escape).join('<br>') || '-',
        m.rewrites.map(rewriteText).map(migration_checks_summary_escape).join('<br>') || '-',
        m.rowsTouched === 'unknown'
            ? 'unknown'
            : m.rowsTouched.map(rowsTouchedText).map(migration_checks_summary_escape).join('<br>') || '-',
    ]);
    const parts = [
        `<details${checks.violations.length ? ' open' : ''}><summary>${migration_checks_summary_escape(checks.database)}: ${checks.migrations.length} migration(s), schema: ${diffCount(checks)}${crossed}</summary>`,
        table(['Migration', 'Time', 'Locks (strongest per table, longest held)', 'Rewrites', 'Rows touched'], rows),
    ];
    if (checks.violations.length)
        parts.push(checks.violations.map((v) => `- **Threshold crossed:** ${migration_checks_summary_escape(v.message)}`).join('\n'));
    const diff = schemaDiffLines(checks.schemaDiff);
    parts.push(diff.length ? `Schema diff:\n\n\`\`\`diff\n${diff.join('\n')}\n\`\`\`` : 'Schema diff: no change.');
    parts.push(`<sub>Sampled every ${checks.intervalMs} ms (${checks.samples} samples, ${checks.sampleQueryMs} ms each); snapshots before and after: ${checks.snapshotMs} ms. ${migration_checks_summary_escape(checks.notes.join(' '))}</sub>`);
    return `${parts.join('\n\n')}\n\n</details>`;
}
function migrationFacts(m) {
    const facts = [m.failed ? 'failed' : `${m.durationMs} ms`];
    facts.push(...m.locks.map(lockText), ...m.rewrites.map(rewriteText));
    if (m.rowsTouched !== 'unknown')
        facts.push(...m.rowsTouched.map(rowsTouchedText));
    if (m.locks.length === 0 && !m.failed)
        facts.push('no table lock seen');
    return facts;
}
function lockText(lock) {
    return `${lock.mode} on ${lock.table} (${lock.rows === 0 ? 'new or empty' : (0,migration_checks_thresholds/* rowsText */.Xs)(lock.rows)}) ${heldText(lock.heldMs)}`;
}
function heldText(ms) {
    return ms === 0 ? 'seen once' : `held ${ms} ms`;
}
function rewriteText(rewrite) {
    const verb = rewrite.copied ? 'copied' : 'rewrote';
    const unsure = rewrite.attribution === 'unsure' ? ` (by one of ${rewrite.between?.join(', ')})` : '';
    return `${verb} ${rewrite.table} (${(0,bytes/* formatBytes */.z)(rewrite.bytesBefore)} → ${(0,bytes/* formatBytes */.z)(rewrite.bytesAfter)}, ${(0,migration_checks_thresholds/* rowsText */.Xs)(rewrite.rows)})${unsure}`;
}
function rowsTouchedText(rows) {
    const counts = ['inserted', 'updated', 'deleted']
        .filter((what) => rows[what] > 0)
        .map((what) => `${rows[what]} ${what}`);
    const unsure = rows.attribution === 'unsure' ? ` (by one of ${rows.between?.join(', ')})` : '';
    return `${rows.table}: ${counts.join(', ')} rows${unsure}`;
}
function diffCount(checks) {
    const { changes } = checks.schemaDiff;
    if (changes.length === 0)
        return 'no change';
    const counts = new Map();
    for (const c of changes) {
        const key = `${c.change} ${c.kind}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts]
        .map(([key, n]) => `${n} ${key.replace(/s$/, n === 1 ? '' : 's').replace(/indexe$/, 'index')}`)
        .join(', ');
}
function table(header, rows) {
    const line = (cells) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
function migration_checks_summary_escape(text) {
    return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

;// CONCATENATED MODULE: ./src/report/migration-summary.ts
/**
 * The applied migrations of one database in a few characters, for a table cell: how many, and
 * the first and last version (`22 (1 → 22)`, `1 (2)`, `3 (1 → 2, 1 repeatable)`), `-` for none.
 * The full list is in the JSON result and the job summary (`appliedList`).
 */
function appliedCount(result) {
    const { migrations } = result;
    if (migrations.length === 0)
        return '-';
    const versions = migrations.map((m) => m.version).filter(Boolean);
    const repeatable = migrations.length - versions.length;
    const span = versions.length === 0
        ? []
        : [versions.length === 1 ? versions[0] : `${versions[0]} → ${versions.at(-1)}`];
    const parts = [...span, ...(repeatable ? [`${repeatable} repeatable`] : [])];
    return `${migrations.length} (${parts.join(', ')})`;
}
/** One line per applied migration: `2 add loyalty tier (21 ms)`, `R create functions (3 ms)`. */
function appliedList(result) {
    return result.migrations.map(describeMigration);
}
/** The schema version once the migrate ended: Flyway reports none when nothing versioned ran. */
function schemaVersionAfter(result) {
    return result.targetSchemaVersion ?? result.initialSchemaVersion;
}
function describeMigration(migration) {
    return `${migration.version || 'R'} ${migration.description} (${migration.executionTimeMs} ms)`;
}

// EXTERNAL MODULE: ./src/pipeline/job-clones.ts
var job_clones = __webpack_require__(34860);
;// CONCATENATED MODULE: ./src/pipeline/migrate.ts










/**
 * Runs Flyway against every database of the job's clones that has migrations, in dependency
 * order (the order the data image was restored in), one Flyway call per database, and stops at
 * the first database that fails. Every folder must exist, and at least one database must have
 * one (unless `optional`).
 */
async function migrate(job, options) {
    const started = performance.now();
    const clones = await (0,job_clones/* requireJobClones */.J)(job, 'migrate');
    checkDatabasesExist(clones, options.migrations);
    const plan = planMigrations(clones, options.migrations);
    if (plan.length === 0)
        return nothingToMigrate(job, clones, options, elapsed(started));
    await checkFoldersExist(plan);
    const executable = await (0,find_flyway/* findFlyway */.e)(options.flyway.executable);
    if (!executable)
        job.reporter.info('No Flyway on PATH: running the official Flyway Docker image instead');
    const results = [];
    const checks = [];
    const done = async (success) => {
        const violations = checks.flatMap((c) => c.violations);
        const reportFile = options.checks?.reportFile;
        if (reportFile)
            await (0,promises_.writeFile)(reportFile, checksReportFile(reportFile, checks));
        return {
            step: 'migrate',
            success: success && violations.length === 0,
            databases: results,
            checks,
            violations,
            durationMs: elapsed(started),
        };
    };
    for (const planned of plan) {
        const { clone, database, locations } = planned;
        const target = {
            database: database.name,
            jdbcUrl: database.jdbcUrl,
            user: clone.connection.user,
            password: clone.connection.password,
            locations,
        };
        const result = await job.reporter.group(`Migrate ${database.name} (clone ${clone.name})`, async () => {
            const running = await startChecks(planned, options);
            let migrated;
            try {
                migrated = await (executable
                    ? (0,run_flyway/* runFlyway */.e)(executable, target, options.flyway, job.reporter)
                    : (0,run_flyway_container/* runFlywayInContainer */.c)(job.host, {
                        containerId: clone.containerId,
                        owner: job.owner,
                        // In the clone's network namespace: the host's own when it uses host networking.
                        serverPort: clone.networking === 'host' ? clone.connection.port : (0,engines/* engineFor */.E)(clone.engine).port,
                    }, target, options.flyway, job.reporter));
            }
            catch (error) {
                await running?.abandon();
                throw error;
            }
            if (running)
                checks.push(withFlywayNotes(await running.finish(migrated), options.flyway));
            return migrated;
        });
        results.push(result);
        reportResult(job, result, checks.at(-1));
        // A database over its thresholds stops the job as a failed migration does.
        if (!result.success || checks.at(-1)?.violations.length)
            return done(result.success);
    }
    return done(true);
}
/** Starts the checks of one database, unless they are turned off. */
async function startChecks({ clone, database }, options) {
    const settings = options.checks ?? {};
    if (settings.enabled === false)
        return undefined;
    const label = databaseLabel(clone, database);
    const history = historyTableOf(options.flyway);
    return startMigrationChecks({
        label,
        engine: clone.engine,
        url: database.url,
        database: database.name,
        thresholds: {
            ...settings.thresholds,
            ...(settings.databaseThresholds?.[label] ?? settings.databaseThresholds?.[database.name]),
        },
    }, { ...history, ...settings });
}
/** Where the Flyway flags put the history table (-table, -defaultSchema or the first of -schemas). */
function historyTableOf(flyway) {
    const flag = (name) => flyway.extraArgs?.find((arg) => arg.startsWith(`-${name}=`))?.slice(name.length + 2);
    const schema = flag('defaultSchema') ?? flag('schemas')?.split(',')[0];
    const table = flag('table');
    return { ...(schema && { historySchema: schema }), ...(table && { historyTable: table }) };
}
/** What the Flyway flags change about the checks: with -group=true one transaction holds every migration. */
function withFlywayNotes(checks, flyway) {
    if (!flyway.extraArgs?.includes('-group=true'))
        return checks;
    return {
        ...checks,
        notes: [
            ...checks.notes,
            'Flyway ran with -group=true: every migration commits at the end, so every lock and rewrite is attributed to the first migration of the group.',
        ],
    };
}
function databaseLabel(clone, database) {
    return clone.instance ? `${clone.instance}.${database.name}` : database.name;
}
/** The databases that have migration folders, clone by clone, each clone's in dependency order. */
function planMigrations(clones, migrations) {
    return clones.flatMap((clone) => clone.connection.databases.flatMap((database) => {
        const locations = (clone.instance ? migrations[`${clone.instance}.${database.name}`] : undefined) ??
            migrations[database.name];
        return locations?.length ? [{ clone, database, locations }] : [];
    }));
}
/**
 * Asked to migrate and given nothing to run, `migrate` fails: a mistyped path in CI must not pass
 * as a migrated database. `run` goes on to its tests and says so in its summary.
 */
function nothingToMigrate(job, clones, options, durationMs) {
    const databases = clones.flatMap((clone) => clone.connection.databases.map((db) => (clone.instance ? `${clone.instance}.${db.name}` : db.name)));
    const where = options.sources?.length
        ? `none has a migrations: folder in ${options.sources.join(' or ')}, and none was given with --migrations`
        : 'no definition (dataclone.yaml) or environment file was given, and no --migrations';
    const reason = `no migrations for any database of the job (${databases.join(', ')}): ${where}`;
    if (options.optional) {
        job.reporter.info(`migrate: skipped, ${reason}`);
        return {
            step: 'migrate',
            success: true,
            databases: [],
            checks: [],
            violations: [],
            skipped: reason,
            durationMs,
        };
    }
    throw new errors/* DatacloneError */.YF(`migrate: nothing to migrate: ${reason}`, `Give a database its folder with \`migrations:\` in ${options.sources?.[0] ?? 'its dataclone.yaml (and pass it with -f)'}, or with --migrations <database>=<folder> (the migrations input in CI).`);
}
async function checkFoldersExist(plan) {
    for (const { clone, database, locations } of plan) {
        for (const folder of locations) {
            const found = await (0,promises_.stat)(folder).catch(() => undefined);
            if (found?.isDirectory())
                continue;
            const name = clone.instance ? `${clone.instance}.${database.name}` : database.name;
            throw new errors/* DatacloneError */.YF(`migrate: the migrations folder of database ${name}, ${folder}, ${found ? 'is a file, not a folder' : 'does not exist'}`, 'Check the path given with --migrations (relative to the current directory) or migrations: (relative to its file).');
        }
    }
}
function checkDatabasesExist(clones, migrations) {
    const known = new Set(clones.flatMap((clone) => clone.connection.databases.flatMap((db) => clone.instance ? [db.name, `${clone.instance}.${db.name}`] : [db.name])));
    for (const name of Object.keys(migrations)) {
        if (!known.has(name)) {
            throw new errors/* DatacloneError */.YF(`migrate: migrations were given for database '${name}', which the job's clones do not have`, `Their databases: ${[...known].join(', ')}.`);
        }
    }
}
function reportResult(job, result, checks) {
    for (const line of checks ? checksLines(checks) : [])
        job.reporter.info(line);
    for (const violation of checks?.violations ?? [])
        job.reporter.warn(violation.message);
    if (!result.success) {
        job.reporter.warn(`${result.database}: Flyway failed (${result.error?.code}): ${result.error?.message}`);
        return;
    }
    const applied = result.migrations.length ? ` ${appliedCount(result)}` : ' none';
    job.reporter.info(`${result.database}: migrations applied:${applied}; schema version ${schemaVersionAfter(result) ?? 'none'}`);
}
function elapsed(started) {
    return Math.round(performance.now() - started);
}

// EXTERNAL MODULE: ./src/clones/create-clone.ts
var create_clone = __webpack_require__(73720);
// EXTERNAL MODULE: ./src/core/random.ts
var random = __webpack_require__(38640);
// EXTERNAL MODULE: ./src/docker/labels.ts
var labels = __webpack_require__(20065);
;// CONCATENATED MODULE: ./src/environments/provision-environment.ts




/**
 * Starts a clone of every instance of an environment, in parallel, on a private network of their
 * own where each reaches the others by its instance name (as linked servers do). The unit starts
 * whole or not at all: when one clone fails, the others and the network are removed before the
 * error is thrown. Everything carries the job's owner label, so a teardown after a crash finds it.
 */
async function provisionEnvironment(options) {
    const { host, environment } = options;
    await host.ping();
    const suffix = (0,random/* randomSuffix */.V)();
    const network = `dataclone-${environment.name}-${suffix}`;
    await host.createNetwork(network, {
        [labels/* Labels */.gC.owner]: options.owner,
        [labels/* Labels */.gC.environment]: environment.name,
    });
    const started = await Promise.allSettled(environment.instances.map((instance, index) => (0,create_clone/* createClone */.sY)({
        host,
        reporter: options.reporter,
        image: instance.image,
        name: `${environment.name}-${instance.name}-${suffix}`,
        owner: options.owner,
        bindAddress: options.bindAddress,
        lifetime: options.lifetime,
        readyTimeoutMs: options.readyTimeoutMs,
        membership: { environment: environment.name, instance: instance.name, index, network },
    })));
    const failures = started.flatMap((result, index) => result.status === 'rejected'
        ? [{ instance: environment.instances[index]?.name, error: result.reason }]
        : []);
    const clones = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value.clone] : []));
    if (failures.length === 0)
        return clones;
    await Promise.all(clones.map((clone) => host.removeContainer(clone.containerId)));
    await host.removeNetwork(network);
    const first = failures[0];
    const reason = first?.error instanceof Error ? first.error.message : String(first?.error);
    throw new errors/* DatacloneError */.YF(`environment ${environment.name}: instance ${first?.instance} did not start: ${reason}`, `${first?.error instanceof errors/* DatacloneError */.YF && first.error.hint ? `${first.error.hint}\n` : ''}Nothing of the environment was left running (${environment.file}).`, { cause: first?.error });
}

// EXTERNAL MODULE: ./src/warm/warm-record.ts
var warm_record = __webpack_require__(49028);
;// CONCATENATED MODULE: ./src/warm/await-warm.ts


const POLL_MS = 200;
/** A warm step waits this long for its background process to start; then it records a failure. */
const WORKER_START_MS = 60_000;
/**
 * Waits for the warm step's pulls of `references` to end and returns the pinned image of each:
 * the digest its tag named when the warm step started. Undefined when no warm step pulled any
 * of them. A failed pull fails here with the pull's own error (registry, image, reason); a
 * background process that is gone before it recorded an outcome fails at once, never by timeout.
 */
async function awaitWarm(file, references, reporter) {
    const started = performance.now();
    const first = await (0,warm_record/* readWarmRecord */.FC)(file);
    if (!first)
        return undefined;
    const wanted = references.filter((reference) => first.images.some((i) => i.reference === reference));
    if (wanted.length === 0) {
        reporter.info(`The warm step pulled ${first.images.map((i) => i.reference).join(', ')}, not ${references.join(', ')}`);
        return undefined;
    }
    let record = first;
    let announced = false;
    for (;;) {
        const images = wanted.map((reference) => imageOf(record, reference));
        const failed = images.find((image) => image.state === 'failed' || image.state === 'stopped');
        if (failed)
            throw warmFailure(failed, file);
        if (images.every((image) => image.state === 'pulled'))
            break;
        if (!announced) {
            reporter.info(`Waiting for the warm pull of ${images
                .filter((i) => i.state === 'pulling')
                .map((i) => i.pinned)
                .join(', ')}`);
            announced = true;
        }
        for (const image of images.filter((i) => i.state === 'pulling' && i.total))
            reporter.progress({
                task: `pull ${image.pinned}`,
                done: image.done ?? 0,
                total: image.total,
                unit: 'bytes',
            });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const next = await (0,warm_record/* readWarmRecord */.FC)(file);
        if (!next)
            throw new errors/* DatacloneError */.YF(`the warm record ${file} was removed while provision waited for it`);
        if (next.pid === undefined && Date.now() - next.startedAt > WORKER_START_MS)
            throw workerGone(next, wanted, file);
        if (next.pid !== undefined && next.finishedAt === undefined && !(0,warm_record/* processRuns */.Oi)(next.pid)) {
            // The last write may have landed between the read and the check.
            const last = (await (0,warm_record/* readWarmRecord */.FC)(file)) ?? next;
            if (last.finishedAt === undefined)
                throw workerGone(last, wanted, file);
            record = last;
        }
        else
            record = next;
    }
    const waitedMs = Math.round(performance.now() - started);
    const outcome = {
        waitedMs,
        startedBeforeMs: Math.max(0, Date.now() - waitedMs - record.startedAt),
        images: wanted.map((reference) => {
            const image = imageOf(record, reference);
            return { reference, pinned: image.pinned ?? reference, pullMs: image.pullMs, flushMs: image.flushMs };
        }),
    };
    reporter.info(waitedMs >= 100
        ? `Waited ${seconds(waitedMs)} for the warm pull`
        : 'The warm pull had finished: provision waited for nothing');
    return { pinned: new Map(outcome.images.map((i) => [i.reference, i.pinned])), outcome };
}
function imageOf(record, reference) {
    const image = record.images.find((i) => i.reference === reference);
    if (!image)
        throw new errors/* DatacloneError */.YF(`the warm record no longer lists ${reference}`);
    return image;
}
function warmFailure(image, file) {
    if (image.state === 'stopped')
        return new errors/* DatacloneError */.YF(`the warm pull of ${image.reference} was stopped before it finished`, 'The job was cancelled, or its post step ran: run the job again.');
    return new errors/* DatacloneError */.YF(`the warm step could not pull ${image.reference}: ${image.error?.message ?? 'no reason recorded'}`, image.error?.hint ?? `Its log is ${(0,warm_record/* warmLogPath */.Z0)(file)}.`);
}
function workerGone(record, wanted, file) {
    return new errors/* DatacloneError */.YF(`the warm pull of ${wanted.join(', ')} ended before it finished: ${record.pid === undefined ? 'its process never started' : `its process ${record.pid} is gone`}`, `It was killed or crashed; its log is ${(0,warm_record/* warmLogPath */.Z0)(file)}. Run the job again, or turn warm off.`);
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}

// EXTERNAL MODULE: ./src/clones/read-clone.ts
var read_clone = __webpack_require__(74280);
// EXTERNAL MODULE: ./src/clones/start-stopped-clone.ts
var start_stopped_clone = __webpack_require__(65578);
// EXTERNAL MODULE: ./src/clones/remove-clone.ts
var remove_clone = __webpack_require__(51576);
// EXTERNAL MODULE: ./src/clones/reset-clone.ts + 1 modules
var reset_clone = __webpack_require__(31246);
// EXTERNAL MODULE: ./src/images/data-image.ts
var data_image = __webpack_require__(88560);
;// CONCATENATED MODULE: ./src/pipeline/reuse-clone.ts






/**
 * A later run of a per-PR environment finds the clone an earlier run kept, by name. When it comes
 * from the image the reference names now, it is reused as it is or reset; one that is not running
 * (the Docker Engine restarted, say) is started again first, with its own data. When the image
 * changed (a nightly rebuild moved the tag), it is removed so that a fresh one is created.
 * Returns the clone to reuse, or undefined when a new one is needed.
 */
async function reuseClone(job, name, image, mode) {
    const existing = await (0,read_clone/* findClone */.Rl)(job.host, name);
    if (!existing)
        return undefined;
    if (existing.owner !== job.owner) {
        throw new errors/* DatacloneError */.YF(`clone ${name} was kept by job '${existing.owner}', and this job is '${job.owner}'`, `Give every run for the same pull request the same job id (--job / job-id: ${existing.owner}, e.g. pr-<number>), so that its steps and the teardown when the pull request closes find the clone; or remove it (dataclone clone remove ${name}).`);
    }
    const current = await (0,data_image/* readDataImage */.m)(job.host, image);
    if (existing.imageId === current.id) {
        if (mode === 'reset') {
            job.reporter.info(`Reusing clone ${name} (same image ${current.id.slice(7, 19)}), reset to its image state`);
            const password = existing.connection.password || undefined;
            return (await (0,reset_clone/* resetClone */.t)({ host: job.host, reporter: job.reporter, name, password })).clone;
        }
        if (existing.status === 'running') {
            job.reporter.info(`Reusing clone ${name} as it is (same image ${current.id.slice(7, 19)})`);
            return existing;
        }
        job.reporter.info(`Reusing clone ${name} as it is (same image ${current.id.slice(7, 19)}): it is ${existing.status}, so it starts again with the data it had`);
        return (await (0,start_stopped_clone/* startStoppedClone */.x)({ host: job.host, reporter: job.reporter, name })).clone;
    }
    job.reporter.info(`Replacing clone ${name}: ${image} is now ${current.id.slice(7, 19)}, the clone has ${existing.imageId.slice(7, 19)}`);
    await (0,remove_clone/* removeClone */.q)({ host: job.host, reporter: job.reporter, name });
    return undefined;
}

;// CONCATENATED MODULE: ./src/pipeline/provision.ts




/**
 * Starts the job's clone, or the clones of every instance of an environment. Clones carry the
 * job's owner label from the moment Docker creates them, so a teardown finds them even when this
 * process dies before it returns.
 */
async function provision(job, given) {
    const started = performance.now();
    const { options, warm } = await withWarmImages(job, given);
    const { environment } = options;
    if (!environment && options.name && options.reuse && options.image) {
        const reused = await job.reporter.group(`Look for clone ${options.name} from an earlier run`, () => reuseClone(job, options.name ?? '', options.image ?? '', options.reuse ?? 'keep'));
        if (reused)
            return {
                step: 'provision',
                clones: [reused],
                durationMs: Math.round(performance.now() - started),
                ...(warm ? { warm } : {}),
            };
    }
    const clones = environment
        ? await job.reporter.group(`Provision environment ${environment.name} (${environment.instances.map((i) => i.name).join(', ')})`, () => provisionEnvironment({
            host: job.host,
            reporter: job.reporter,
            owner: job.owner,
            environment,
            bindAddress: options.bindAddress,
            lifetime: options.lifetime,
        }))
        : [
            (await job.reporter.group(`Provision a clone of ${options.image}`, () => (0,create_clone/* createClone */.sY)({
                host: job.host,
                reporter: job.reporter,
                owner: job.owner,
                ...options,
                image: options.image ?? '',
            }))).clone,
        ];
    return {
        step: 'provision',
        clones,
        durationMs: Math.round(performance.now() - started),
        ...(warm ? { warm } : {}),
    };
}
/** The options with each image the warm step pulled replaced by the digest it pinned. */
async function withWarmImages(job, options) {
    if (!options.warmRecord)
        return { options };
    const { environment } = options;
    const references = environment
        ? environment.instances.map((instance) => instance.image)
        : options.image
            ? [options.image]
            : [];
    const warmed = await awaitWarm(options.warmRecord, references, job.reporter);
    if (!warmed)
        return { options };
    const pin = (reference) => warmed.pinned.get(reference) ?? reference;
    return {
        warm: warmed.outcome,
        options: environment
            ? {
                ...options,
                environment: {
                    ...environment,
                    instances: environment.instances.map((instance) => ({ ...instance, image: pin(instance.image) })),
                },
            }
            : { ...options, image: options.image && pin(options.image) },
    };
}

;// CONCATENATED MODULE: ./src/pipeline/reset.ts


/** Every clone of the job back to its image state, with the same ports and credentials. */
async function resetJob(job) {
    const started = performance.now();
    const clones = await (0,job_clones/* requireJobClones */.J)(job, 'reset');
    const reset = await job.reporter.group(`Reset ${clones.length} clone(s) of job ${job.owner}`, () => Promise.all(clones.map((clone) => (0,reset_clone/* resetClone */.t)({
        host: job.host,
        reporter: job.reporter,
        name: clone.name,
        password: clone.connection.password || undefined,
    }))));
    return {
        step: 'reset',
        clones: reset.map((r) => r.clone),
        durationMs: Math.round(performance.now() - started),
    };
}

// EXTERNAL MODULE: ./src/pipeline/run-tests.ts + 2 modules
var run_tests = __webpack_require__(22527);
// EXTERNAL MODULE: ./src/pipeline/teardown.ts
var teardown = __webpack_require__(81068);
;// CONCATENATED MODULE: ./src/pipeline/run-job.ts





/** provision, migrate, test and teardown in one go; teardown runs whatever happened before it. */
async function runJob(job, options) {
    const started = performance.now();
    const steps = [];
    let exitCode = 0;
    let error;
    try {
        steps.push(await provision(job, options.provision));
        // Without any migrations the run goes on to its tests; the migrate step says it skipped.
        const migrated = await migrate(job, {
            ...(options.migrate ?? { migrations: {}, flyway: {} }),
            optional: true,
        });
        steps.push(migrated);
        if (!migrated.success && migrated.violations.length) {
            throw new errors/* DatacloneError */.YF(`migration checks failed: ${migrated.violations.map((v) => v.message).join('; ')}`, 'Change the migration (a smaller batch, CONCURRENTLY, an instant ALTER), or raise the threshold in checks: of the database; the tests did not run.');
        }
        if (!migrated.success) {
            const failed = migrated.databases.at(-1);
            throw new errors/* DatacloneError */.YF(`migration of ${failed?.database} failed: ${failed?.error?.message ?? 'see above'}`, 'Fix the migration; the tests did not run.');
        }
        if (options.test) {
            const tested = await (0,run_tests/* runTests */.N)(job, options.test);
            steps.push(tested);
            exitCode = tested.exitCode;
        }
    }
    catch (caught) {
        error = (0,errors/* describeError */.Uc)(caught);
        exitCode = 1;
    }
    finally {
        if (!options.keep)
            steps.push(await (0,teardown/* teardown */.z)(job));
    }
    return {
        step: 'run',
        success: exitCode === 0,
        exitCode,
        steps,
        error,
        durationMs: Math.round(performance.now() - started),
    };
}

// EXTERNAL MODULE: ./src/cli/command.ts
var cli_command = __webpack_require__(3567);
// EXTERNAL MODULE: ./src/cli/job-id.ts + 2 modules
var job_id = __webpack_require__(418);
// EXTERNAL MODULE: ./src/cli/state-directory.ts
var state_directory = __webpack_require__(89321);
;// CONCATENATED MODULE: ./src/warm/stop-warm.ts

const STOP_GRACE_MS = 5000;
/**
 * Ends a job's warm step: a background pull still running is stopped (its process group gets
 * SIGTERM, then SIGKILL), which ends its request to the Docker Engine, and the Engine drops the
 * download: nothing half pulled is tagged. Then the record goes. Safe to run twice, and when no
 * warm step ran. Says what it stopped.
 */
async function stopWarm(file, reporter) {
    const record = await (0,warm_record/* readWarmRecord */.FC)(file);
    if (!record)
        return;
    const pid = record.pid;
    if (pid !== undefined && record.finishedAt === undefined && (0,warm_record/* processRuns */.Oi)(pid)) {
        signalGroup(pid, 'SIGTERM');
        const until = Date.now() + STOP_GRACE_MS;
        while ((0,warm_record/* processRuns */.Oi)(pid) && Date.now() < until)
            await new Promise((resolve) => setTimeout(resolve, 100));
        if ((0,warm_record/* processRuns */.Oi)(pid))
            signalGroup(pid, 'SIGKILL');
        // Read again: a pull may have ended just before the signal.
        const last = (await (0,warm_record/* readWarmRecord */.FC)(file)) ?? record;
        const pulling = last.images
            .filter((image) => image.state === 'pulling')
            .map((i) => i.pinned ?? i.reference);
        await (0,warm_record/* writeWarmRecord */.mE)(file, {
            ...last,
            finishedAt: Date.now(),
            images: last.images.map((image) => image.state === 'pulling' ? { ...image, state: 'stopped' } : image),
        });
        reporter.info(`Stopped the warm pull of ${pulling.join(', ')} (process ${pid})`);
    }
    await (0,warm_record/* removeWarmRecord */.RM)(file);
}
/** The background process leads a process group of its own (it was started detached). */
function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    }
    catch {
        try {
            process.kill(pid, signal);
        }
        catch {
            // gone already
        }
    }
}

// EXTERNAL MODULE: ./src/cli/ci-masking.ts
var ci_masking = __webpack_require__(79689);
;// CONCATENATED MODULE: ./src/report/warm-summary.ts
/**
 * What the warm step did for provision, in lines: how long provision waited for the pull, and
 * per image the digest its tag was pinned to and how long the pull took in all.
 */
function warmLines(warm) {
    return [
        `provision waited ${warm_summary_seconds(warm.waitedMs)} for the warm pull, which started ${warm_summary_seconds(warm.startedBeforeMs)} before provision`,
        ...warm.images.map((image) => `${image.reference}${image.pinned === image.reference ? '' : ` (pinned to ${image.pinned})`}: pulled in ${warm_summary_seconds(image.pullMs)}${image.flushMs === undefined ? '' : `, written to disk in ${warm_summary_seconds(image.flushMs)}`}`),
    ];
}
function warm_summary_seconds(ms) {
    return ms === undefined ? '?' : `${(ms / 1000).toFixed(1)} s`;
}

// EXTERNAL MODULE: ./src/cli/table.ts
var cli_table = __webpack_require__(82170);
;// CONCATENATED MODULE: ./src/cli/step-summary.ts





/** Prints a step's result: JSON for --json (the shape the README documents), else a summary table. */
function printStepResult(context, result) {
    (0,ci_masking/* registerCloneSecrets */.Ie)(context.reporter, clonesOf(result));
    if (context.json) {
        context.print(JSON.stringify(toJson(result), null, 2));
        return;
    }
    context.print(summaryLines(result).join('\n'));
}
function clonesOf(result) {
    if (result.step === 'provision' || result.step === 'reset')
        return result.clones;
    if (result.step === 'run')
        return result.steps.flatMap(clonesOf);
    return [];
}
function toJson(result) {
    switch (result.step) {
        case 'provision':
        case 'reset':
            return { ...result, clones: result.clones.map(clone_commands.cloneJson) };
        case 'run':
            return { ...result, steps: result.steps.map(toJson) };
        default:
            return result;
    }
}
function summaryLines(result) {
    const time = `${(result.durationMs / 1000).toFixed(2)} s`;
    switch (result.step) {
        case 'provision':
        case 'reset':
            return [
                `${result.step}: ${result.clones.length} clone(s) in ${time}`,
                (0,cli_table/* formatTable */.k)(['CLONE', 'IMAGE', 'ADDRESS', 'DATABASES'], result.clones.map((clone) => [
                    clone.name,
                    clone.image,
                    `${clone.connection.host}:${clone.connection.port}`,
                    clone.connection.databases.map((db) => db.name).join(', '),
                ])),
                ...(result.step === 'provision' && result.warm
                    ? warmLines(result.warm).map((line) => `warm: ${line}`)
                    : []),
            ];
        case 'migrate':
            if (result.skipped)
                return [`migrate: skipped, ${result.skipped}`];
            return [
                `migrate: ${result.success ? 'succeeded' : 'FAILED'} in ${time}`,
                (0,cli_table/* formatTable */.k)(['DATABASE', 'RESULT', 'APPLIED', 'VERSION', 'TIME'], result.databases.map((db) => [
                    db.database,
                    db.success ? 'ok' : `failed: ${db.error?.code ?? ''}`,
                    appliedCount(db),
                    schemaVersionAfter(db) ?? '-',
                    `${(db.durationMs / 1000).toFixed(2)} s`,
                ])),
                ...result.violations.map((violation) => `threshold crossed: ${violation.message}`),
            ];
        case 'test': {
            const junit = result.junit
                ? `, JUnit: ${result.junit.tests} tests, ${result.junit.failures} failures, ${result.junit.errors} errors, ${result.junit.skipped} skipped`
                : '';
            return [
                `test: ${result.passed ? 'passed' : `failed (exit code ${result.exitCode})`} in ${time}${junit}`,
            ];
        }
        case 'teardown':
            return [
                `teardown: removed ${result.removed.length} clone(s) in ${time}${result.removed.length ? `: ${result.removed.join(', ')}` : ''}`,
            ];
        case 'run':
            return [
                ...result.steps.flatMap(summaryLines),
                `run: ${result.success ? 'succeeded' : `failed (exit code ${result.exitCode})`} in ${time}`,
            ];
    }
}

// EXTERNAL MODULE: ./src/cli/usage-error.ts
var usage_error = __webpack_require__(14226);
;// CONCATENATED MODULE: ./src/cli/commands/pipeline-commands.ts




















const JOB = { job: { type: 'string' } };
const PROVISION = {
    image: { type: 'string', short: 'i' },
    environment: { type: 'string', short: 'e' },
    name: { type: 'string', short: 'n' },
    port: { type: 'string', short: 'p' },
    'bind-address': { type: 'string' },
    lifetime: { type: 'string' },
    standby: { type: 'boolean' },
    networking: { type: 'string' },
    reuse: { type: 'string' },
};
const MIGRATE = {
    file: { type: 'string', short: 'f' },
    environment: { type: 'string', short: 'e' },
    migrations: { type: 'string', multiple: true },
    flyway: { type: 'string' },
    'flyway-config': { type: 'string', multiple: true },
    'working-directory': { type: 'string' },
    placeholder: { type: 'string', multiple: true },
    'no-baseline': { type: 'boolean' },
    'no-migration-checks': { type: 'boolean' },
    'max-exclusive-lock': { type: 'string' },
    'exclusive-lock-rows': { type: 'string' },
    'max-rewrite': { type: 'string' },
    'checks-report': { type: 'string' },
};
const TEST = { junit: { type: 'string' } };
function jobOf(input, context) {
    return { host: context.host, reporter: context.reporter, owner: (0,job_id/* resolveJobId */.R)((0,cli_command/* stringOption */.P)(input, 'job')) };
}
/** The record of the job's warm step (dataclone image warm), if one ran. */
function warmRecord(job) {
    return (0,warm_record/* warmRecordPath */.wg)((0,state_directory/* stateDirectory */.F)(), job.owner);
}
const provisionCommand = {
    words: ['provision'],
    summary: "Start the job's clone of a data image, or the clones of an environment",
    usage: 'dataclone provision (--image <image> | --environment <dataclone.environment.yaml>) [--name <name>] [--port <port>] [--lifetime <8h>] [--standby] [--networking bridge|host|auto] [--reuse keep|reset] [--job <id>] [--json]',
    options: { ...JOB, ...PROVISION },
    async run(input, context) {
        const options = await provisionOptions(input, 'provision', this.usage);
        const job = jobOf(input, context);
        printStepResult(context, await provision(job, { ...options, warmRecord: warmRecord(job) }));
        return 0;
    },
};
const migrateCommand = {
    words: ['migrate'],
    summary: "Run Flyway against every database of the job's clones, in dependency order",
    usage: 'dataclone migrate [-f dataclone.yaml | -e dataclone.environment.yaml] [--migrations <database>=<folder>]... [--flyway <path>] [--flyway-config <file>]... [--placeholder <key>=<value>]... [--max-exclusive-lock <2s> [--exclusive-lock-rows <n>]] [--max-rewrite <100MB>] [--checks-report <file.md|file.json>] [--no-migration-checks] [--job <id>] [--json]',
    options: { ...JOB, ...MIGRATE },
    async run(input, context) {
        const result = await migrate(jobOf(input, context), await migrateOptions(input));
        printStepResult(context, result);
        return result.success ? 0 : 1;
    },
};
const testCommand = {
    words: ['test'],
    summary: "Run a test command with the job's connection details in its environment",
    usage: 'dataclone test [--junit <report.xml or folder>] [--job <id>] -- <command> [args...]',
    options: { ...JOB, ...TEST },
    async run(input, context) {
        if (input.rest.length === 0)
            throw new usage_error/* UsageError */.e('test: give the command after --', this.usage);
        const result = await (0,run_tests/* runTests */.N)(jobOf(input, context), {
            command: input.rest,
            junit: (0,cli_command/* stringOption */.P)(input, 'junit'),
        });
        printStepResult(context, result);
        return result.exitCode;
    },
};
const resetCommand = {
    words: ['reset'],
    summary: 'Put every clone of the job back to its image state (same ports and passwords)',
    usage: 'dataclone reset [--job <id>] [--json]',
    options: { ...JOB },
    async run(input, context) {
        printStepResult(context, await resetJob(jobOf(input, context)));
        return 0;
    },
};
const teardownCommand = {
    words: ['teardown'],
    summary: 'Remove every clone the job owns (safe to run twice)',
    usage: 'dataclone teardown [--job <id>] [--json]',
    options: { ...JOB },
    async run(input, context) {
        const job = jobOf(input, context);
        await stopWarm(warmRecord(job), job.reporter);
        printStepResult(context, await (0,teardown/* teardown */.z)(job));
        return 0;
    },
};
const runCommand = {
    words: ['run'],
    summary: 'provision, migrate, test and teardown in one command',
    usage: 'dataclone run (--image <image> [-f dataclone.yaml] | --environment <dataclone.environment.yaml>) [migrate options] [--junit <path>] [--keep] [--job <id>] [--json] [-- <test command>]',
    options: { ...JOB, ...PROVISION, ...MIGRATE, ...TEST, keep: { type: 'boolean' } },
    async run(input, context) {
        const provisionWith = await provisionOptions(input, 'run', this.usage);
        const job = jobOf(input, context);
        const result = await runJob(job, {
            provision: { ...provisionWith, warmRecord: warmRecord(job) },
            migrate: await migrateOptions(input),
            test: input.rest.length ? testOptions(input, context) : undefined,
            keep: input.values.keep === true,
        });
        // Its teardown ends the job's use of the warm pull too, as `dataclone teardown` does.
        if (input.values.keep !== true)
            await stopWarm(warmRecord(job), job.reporter);
        printStepResult(context, result);
        if (result.error) {
            context.reporter.warn(`${result.error.message}${result.error.hint ? `\n${result.error.hint}` : ''}`);
        }
        return result.exitCode;
    },
};
function testOptions(input, context) {
    return {
        command: input.rest,
        junit: (0,cli_command/* stringOption */.P)(input, 'junit'),
        stdout: context.json ? 'stderr' : 'inherit',
    };
}
/** --image, or --environment (a file whose instances name their images). */
async function provisionOptions(input, command, usage) {
    const image = (0,cli_command/* stringOption */.P)(input, 'image');
    const environmentFile = (0,cli_command/* stringOption */.P)(input, 'environment');
    if (image && environmentFile)
        throw new usage_error/* UsageError */.e(`${command}: give --image or --environment, not both`, usage);
    if (!image && !environmentFile)
        throw new usage_error/* UsageError */.e(`${command}: --image or --environment is required`, usage);
    if (environmentFile && (0,cli_command/* stringOption */.P)(input, 'name'))
        throw new usage_error/* UsageError */.e(`${command}: --name is for one clone; an environment names its clones`, usage);
    if (environmentFile && (0,cli_command/* stringOption */.P)(input, 'port'))
        throw new usage_error/* UsageError */.e(`${command}: --port is for one clone; an environment's clones get free ports`, usage);
    const networking = (0,clone_commands.networkingOption)(input, usage);
    if (environmentFile && networking === 'host')
        throw new usage_error/* UsageError */.e(`${command}: --networking host is for one clone; an environment's clones reach each other on a network of their own`, usage);
    return {
        image,
        environment: environmentFile ? await loadEnvironment(external_node_path_default().resolve(environmentFile)) : undefined,
        name: (0,cli_command/* stringOption */.P)(input, 'name'),
        port: (0,cli_command/* numberOption */.j)(input, 'port'),
        bindAddress: (0,cli_command/* stringOption */.P)(input, 'bind-address'),
        lifetime: (0,cli_command/* stringOption */.P)(input, 'lifetime'),
        standby: input.values.standby === true,
        networking,
        reuse: reuseOption(input, command, usage),
    };
}
/** Migration folders from dataclone.yaml's `migrations`, then --migrations db=folder on top. */
async function migrateOptions(input) {
    const migrations = {};
    const databaseThresholds = {};
    const file = (0,cli_command/* stringOption */.P)(input, 'file');
    if (file) {
        for (const db of (await (0,load_image_definition/* loadImageDefinition */.L)(file)).databases) {
            if (db.migrations)
                migrations[db.name] = [db.migrations];
            if (db.checks)
                databaseThresholds[db.name] = db.checks;
        }
    }
    const environmentFile = (0,cli_command/* stringOption */.P)(input, 'environment');
    if (environmentFile)
        Object.assign(migrations, environmentMigrations(await loadEnvironment(external_node_path_default().resolve(environmentFile))));
    const given = {};
    for (const pair of listOption(input, 'migrations')) {
        const [database, folder] = splitPair(pair, '--migrations', '<database>=<folder>');
        (given[database] ??= []).push(external_node_path_default().resolve(folder));
    }
    Object.assign(migrations, given);
    const flyway = {
        executable: (0,cli_command/* stringOption */.P)(input, 'flyway'),
        configFiles: listOption(input, 'flyway-config').map((config) => external_node_path_default().resolve(config)),
        workingDirectory: (0,cli_command/* stringOption */.P)(input, 'working-directory'),
        placeholders: Object.fromEntries(listOption(input, 'placeholder').map((pair) => splitPair(pair, '--placeholder', '<key>=<value>'))),
        baselineOnMigrate: input.values['no-baseline'] !== true,
    };
    const checks = readCheckOptions((name) => name === 'no-migration-checks' ? String(input.values[name] === true) : (0,cli_command/* stringOption */.P)(input, name), (name) => `--${name}`);
    return {
        migrations,
        flyway,
        checks: { ...checks, databaseThresholds },
        sources: [file, environmentFile].filter((given) => given !== undefined),
    };
}
function reuseOption(input, command, usage) {
    const reuse = (0,cli_command/* stringOption */.P)(input, 'reuse');
    if (reuse === undefined)
        return undefined;
    if (reuse !== 'keep' && reuse !== 'reset')
        throw new usage_error/* UsageError */.e(`${command}: --reuse is keep or reset, not '${reuse}'`, usage);
    if (!(0,cli_command/* stringOption */.P)(input, 'name'))
        throw new usage_error/* UsageError */.e(`${command}: --reuse needs --name, the clone an earlier run kept`, usage);
    return reuse;
}
function listOption(input, name) {
    const value = input.values[name];
    return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}
function splitPair(pair, option, shape) {
    const equals = pair.indexOf('=');
    if (equals <= 0)
        throw new errors/* DatacloneError */.YF(`${option}: '${pair}' is not ${shape}`, `Write it as ${option} ${shape}.`);
    return [pair.slice(0, equals), pair.slice(equals + 1)];
}


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
