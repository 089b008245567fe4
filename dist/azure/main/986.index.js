export const id = 986;
export const ids = [986];
export const modules = {

/***/ 14986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  requireClassified: () => (/* binding */ requireClassified)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
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

;// CONCATENATED MODULE: ./src/masking/classify/require-classified.ts


/**
 * `mask: { require: classified }`: classifies the build instance once it is restored and masked,
 * and fails the build when a column looks personal and no rule masks it, so that a new column in
 * production cannot reach CI unmasked. Without the setting it does nothing.
 */
async function requireClassified(options) {
    if (options.mask?.require !== 'classified')
        return undefined;
    const { shell, engine } = options;
    const classification = await classifyInstance({
        engine,
        run: (command, label) => shell.run(command, { label: `classify: ${label}` }),
        databases: options.databases,
        rules: options.mask.rules,
        reporter: options.reporter,
    });
    const missing = classification.suspects;
    if (missing.length === 0) {
        options.reporter.info(`mask.require: classified: every column that looks personal has a rule (${classification.covered.length} of ${classification.columns} columns)`);
        return classification;
    }
    const lines = missing.map((suspect) => `  ${suspect.database}.${suspect.table}.${suspect.column} (${suspect.type}): ${suspect.reasons.join('; ')}`);
    throw new errors/* DatacloneError */.YF(`${options.file}: mask.require: classified: ${missing.length} column(s) look personal and no mask rule covers them:\n${lines.join('\n')}`, `Add a rule for each under mask.rules (or \`empty\` for its table), for example:\n${suggestedRules(classification)}\nNothing was tagged.`);
}


/***/ })

};
