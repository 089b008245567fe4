export const id = 191;
export const ids = [191];
export const modules = {

/***/ 28191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  maskInstance: () => (/* binding */ maskInstance)
});

// UNUSED EXPORTS: hidingTheSecret

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/definition/suggest-name.ts
var suggest_name = __webpack_require__(29275);
// EXTERNAL MODULE: ./src/images/build-shell.ts
var build_shell = __webpack_require__(12481);
;// CONCATENATED MODULE: ./src/masking/dictionaries.ts
/** The dictionaries each strategy picks from. */
const DICTIONARIES_OF = {
    email: ['first_name', 'last_name'],
    'first-name': ['first_name'],
    'last-name': ['last_name'],
    'full-name': ['first_name', 'last_name'],
    'street-address': ['last_name', 'street_suffix'],
    city: ['city'],
    company: ['last_name', 'company_suffix'],
};
let loaded;
/**
 * @faker-js/faker's English locale data: its lists of names, cities and suffixes. Imported on
 * first use only (a build without mask rules, and every other command, never loads it).
 * Entries are deduplicated ignoring case (MySQL and MariaDB compare them so), and kept only when
 * they are letters, spaces, apostrophes and hyphens.
 */
function loadDictionaries() {
    loaded ??= __webpack_require__.e(/* import() */ 697).then(__webpack_require__.bind(__webpack_require__, 23697)).then(({ faker }) => {
        const data = faker.rawDefinitions;
        const names = data.person?.first_name;
        const lastNames = data.person?.last_name;
        return {
            first_name: clean([...(names?.generic ?? []), ...(names?.female ?? []), ...(names?.male ?? [])]),
            last_name: clean([...(lastNames?.generic ?? [])]),
            city: clean(data.location?.city_name ?? []),
            street_suffix: clean(data.location?.street_suffix ?? []),
            company_suffix: clean(data.company?.legal_entity_type ?? []),
        };
    });
    return loaded;
}
function clean(values) {
    const seen = new Set();
    const kept = [];
    for (const value of values) {
        const key = value.toLowerCase();
        if (!/^[A-Za-z][A-Za-z' -]*$/.test(value) || seen.has(key))
            continue;
        seen.add(key);
        kept.push(value);
    }
    return kept.sort();
}
/** The part of an e-mail address a dictionary entry gives: lowercase letters only. */
function slug(value) {
    return value.toLowerCase().replace(/[^a-z]/g, '');
}

// EXTERNAL MODULE: ./src/masking/strategies.ts
var strategies = __webpack_require__(50447);
;// CONCATENATED MODULE: ./src/masking/mask-sql.ts


/**
 * The new value of one column, as an expression over its old value, evaluated by the server.
 *
 * Every fake is chosen by a keyed hash of the original (the secret, the strategy's name, the
 * value as text): the same value gets the same fake in every column, table and database that
 * use the same strategy, so joins and foreign keys between masked columns still hold. A
 * dictionary pick that happens to equal the original takes the next entry instead, so no row
 * keeps its value by chance. NULL stays NULL unless keepNulls is false.
 *
 * A dictionary is written into the expression as a constant the engine indexes in constant time
 * (see MaskingDialect.pick): entry i is the i-th of `dictionaries`, as in the dictionary tables.
 */
function maskExpression(rule, column, d, dictionaries) {
    const original = d.column(column.column);
    // A dictionary fake equal to the original gives way to the next entry of the dictionary.
    const unlike = (pick, alternative) => `COALESCE(NULLIF(${pick}, ${original}), ${alternative})`;
    const options = rule.options;
    // Every draw is a slice of one keyed hash of the original, `h`, which the engine computes once
    // per row where it can (MaskingDialect.withHash).
    const fake = (h) => {
        const n = (start) => d.hexNumber(h, start);
        const pick = (name, start, { next = false, field = 'v' } = {}) => {
            const values = dictionaries[name] ?? [''];
            const entries = field === 'slug' ? values.map(slug) : values;
            return d.pick(entries, `(${n(start)}${next ? ' + 1' : ''}) % ${values.length}`);
        };
        switch (rule.strategy) {
            case 'first-name':
                return unlike(pick('first_name', 1), pick('first_name', 1, { next: true }));
            case 'last-name':
                return unlike(pick('last_name', 1), pick('last_name', 1, { next: true }));
            case 'full-name':
                return unlike(`concat(${pick('first_name', 1)}, ' ', ${pick('last_name', 9)})`, `concat(${pick('first_name', 1, { next: true })}, ' ', ${pick('last_name', 9)})`);
            case 'email': {
                // At the reserved domain, so no fake is anyone's real address, with 64 bits of the hash in
                // it: unique wherever the originals are (two of 8 million addresses collide with odds of
                // about 2 in a million), and the same fake in a unique column and in any other.
                const address = (next) => `concat(${pick('first_name', 1, { next, field: 'slug' })}, '.', ${pick('last_name', 9, { field: 'slug' })}, '.', substr(${h}, 17, 16), '@${strategies/* FAKE_EMAIL_DOMAIN */.mM}')`;
                return unlike(address(false), address(true));
            }
            case 'phone':
                return `concat('${strategies/* FAKE_PHONE_PREFIX */.a0}', ${d.digits(`${n(1)} % 10000000`, 7)})`;
            case 'street-address':
                return `concat(${n(1)} % 9900 + 100, ' ', ${pick('last_name', 9)}, ' ', ${pick('street_suffix', 17)})`;
            case 'city':
                return unlike(pick('city', 1), pick('city', 1, { next: true }));
            case 'postcode':
                return d.digits(`${n(1)} % 100000`, 5);
            case 'company':
                return `concat(${pick('last_name', 1)}, ' ', ${pick('company_suffix', 9)})`;
            case 'iban':
                return ibanExpression(d, n);
            case 'credit-card':
                return creditCardExpression(d, n);
            case 'ip-address':
                return `concat('${strategies/* FAKE_IP_PREFIX */.Fc}', ${n(1)} % 256, '.', ${n(9)} % 256, '.', ${n(17)} % 254 + 1)`;
            case 'uuid':
                return `concat(substr(${h}, 1, 8), '-', substr(${h}, 9, 4), '-4', substr(${h}, 14, 3), '-8', substr(${h}, 18, 3), '-', substr(${h}, 21, 12))`;
            case 'hash':
                return column.maxLength !== undefined && column.maxLength < 64
                    ? `substr(${h}, 1, ${column.maxLength})`
                    : h;
            case 'date-of-birth': {
                const min = options.min ?? strategies/* DATE_OF_BIRTH_RANGE */.Xm.min;
                const max = options.max ?? strategies/* DATE_OF_BIRTH_RANGE */.Xm.max;
                return d.addDays(`DATE '${min}'`, `${n(1)} % ${daysBetween(min, max) + 1}`);
            }
            case 'null':
                return 'NULL';
            case 'value':
                return typeof options.value === 'string' ? d.literal(options.value) : String(options.value);
            case 'partial':
                return partialExpression(d, original, options.keepFirst ?? 0, options.keepLast ?? 0);
            case 'noise':
                if (options.days !== undefined)
                    return d.addDays(original, `${n(1)} % ${2 * options.days + 1} - ${options.days}`);
                // A move of up to amount either way, in millionths of it.
                return `${original} + (${n(1)} % 2000001 - 1000000) * ${options.amount ?? 0} / 1000000`;
            case 'expression':
                return `(${options.sql ?? 'NULL'})`;
            case 'shuffle':
                throw new Error('shuffle is a statement of its own, not an expression');
        }
    };
    const masked = WITHOUT_HASH.includes(rule.strategy)
        ? fake('')
        : d.withHash(d.keyedHash(`COALESCE(${d.asText(original)}, '')`, rule.strategy), fake);
    // noise and expression are of the column's own type already; NULL is of every type.
    const typed = ['null', 'noise', 'expression'].includes(rule.strategy) ? masked : d.assign(masked, column);
    return rule.keepNulls && rule.strategy !== 'null'
        ? `CASE WHEN ${original} IS NULL THEN NULL ELSE ${typed} END`
        : typed;
}
/** The strategies that draw nothing from the keyed hash. */
const WITHOUT_HASH = ['null', 'value', 'partial', 'expression'];
/**
 * A condition true of an original the strategy could have written itself (a first name of the
 * dictionary, an address at the fake domain): such a value found after masking may be another
 * row's fake, so the proof does not sample it. Undefined when no fake can equal an original.
 */
function couldBeAFake(rule, value, d) {
    const inDictionary = (name, text = value) => `${text} IN (SELECT v FROM ${d.dictionaryTable(name)})`;
    const endsWithEntry = (name) => `EXISTS (SELECT 1 FROM ${d.dictionaryTable(name)} s WHERE ${value} LIKE concat('% ', s.v))`;
    const text = d.asText(value);
    switch (rule.strategy) {
        case 'first-name':
            return inDictionary('first_name');
        case 'last-name':
            return inDictionary('last_name');
        case 'city':
            return inDictionary('city');
        case 'full-name':
            return inDictionary('first_name', d.firstWord(value));
        case 'street-address':
            return endsWithEntry('street_suffix');
        case 'company':
            return endsWithEntry('company_suffix');
        case 'email':
            return `${value} LIKE '%@${strategies/* FAKE_EMAIL_DOMAIN */.mM}'`;
        case 'phone':
            return `${value} LIKE '${strategies/* FAKE_PHONE_PREFIX */.a0}%'`;
        case 'ip-address':
            return `${text} LIKE '${strategies/* FAKE_IP_PREFIX */.Fc}%'`;
        case 'value':
            return `${text} = ${d.literal(String(rule.options.value))}`;
        default:
            return undefined;
    }
}
/** The longest text the strategy writes into this column, where that is known in advance. */
function longestFake(rule, column, dictionaries) {
    const longest = (name) => Math.max(0, ...(dictionaries[name] ?? []).map((entry) => entry.length));
    const unique = rule.unique || column.unique;
    switch (rule.strategy) {
        case 'first-name':
            return longest('first_name');
        case 'last-name':
            return longest('last_name');
        case 'full-name':
            return longest('first_name') + 1 + longest('last_name');
        case 'email':
            return (longest('first_name') + 1 + longest('last_name') + (unique ? 17 : 0) + 1 + strategies/* FAKE_EMAIL_DOMAIN */.mM.length);
        case 'phone':
            return strategies/* FAKE_PHONE_PREFIX */.a0.length + 7;
        case 'street-address':
            return 4 + 1 + longest('last_name') + 1 + longest('street_suffix');
        case 'city':
            return longest('city');
        case 'postcode':
            return 5;
        case 'company':
            return longest('last_name') + 1 + longest('company_suffix');
        case 'iban':
            return 22;
        case 'credit-card':
            return 16;
        case 'ip-address':
            return 15;
        case 'uuid':
            return 36;
        case 'hash':
            return 8;
        case 'value':
            return typeof rule.options.value === 'string'
                ? rule.options.value.length
                : String(rule.options.value).length;
        default:
            return undefined;
    }
}
/** A German IBAN (DE, two check digits, 18 digits) whose check digits are right (ISO 13616, mod 97). */
function ibanExpression(d, n) {
    const bban = `concat(${d.digits(`${n(1)} % 1000000000`, 9)}, ${d.digits(`${n(9)} % 1000000000`, 9)})`;
    // DE is 1314 in the check's letters-to-digits, and the check digits are 00 while computing them.
    const check = `98 - ${d.mod97(`concat(${bban}, '131400')`)}`;
    return `concat('DE', ${d.digits(check, 2)}, ${bban})`;
}
/** A 16-digit card number starting with 4, its last digit the Luhn check digit of the others. */
function creditCardExpression(d, n) {
    const body = `concat('4', ${d.digits(`${n(1)} % 10000000`, 7)}, ${d.digits(`${n(9)} % 10000000`, 7)})`;
    // From the right of the 15 digits, the 1st, 3rd, ... are doubled (the check digit comes after).
    const terms = Array.from({ length: 15 }, (_, i) => {
        const digit = d.toInteger(`substr(${body}, ${i + 1}, 1)`);
        const doubled = (15 - i) % 2 === 1;
        return doubled ? `(CASE WHEN ${digit} > 4 THEN ${digit} * 2 - 9 ELSE ${digit} * 2 END)` : digit;
    });
    return `concat(${body}, (10 - (${terms.join(' + ')}) % 10) % 10)`;
}
/** Keeps `first` characters at the start and `last` at the end; the others become X. A value
 * no longer than what is kept becomes all X. */
function partialExpression(d, original, first, last) {
    const length = d.characterLength(original);
    return `CASE WHEN ${length} <= ${first + last} THEN repeat('X', ${length}) ELSE concat(${first > 0 ? `substr(${original}, 1, ${first})` : "''"}, repeat('X', ${length} - ${first + last}), ${last > 0 ? `substr(${original}, ${length} - ${last - 1}, ${last})` : "''"}) END`;
}
function daysBetween(min, max) {
    return Math.round((Date.parse(`${max}T00:00:00Z`) - Date.parse(`${min}T00:00:00Z`)) / 86_400_000);
}

;// CONCATENATED MODULE: ./src/masking/check-rules.ts




/**
 * Matches every rule to its table and column in the restored instance and checks that the
 * strategy can write there: the column exists, its type takes the strategy's values, its length
 * holds the longest of them, a unique column stays unique, NULL only into a nullable column.
 * Every problem is reported at once, each naming the database, table, column and rule.
 */
function placeRules(rules, columnsOf, engine, dictionaries) {
    const placed = [];
    const problems = [];
    for (const rule of rules) {
        const columns = columnsOf(rule.database);
        const [schema, table] = splitTable(rule, engine);
        const tableColumns = columns.filter((c) => c.schema === schema && c.table === table);
        const where = `database ${rule.database}, table ${rule.table}`;
        if (tableColumns.length === 0) {
            const tables = [
                ...new Set(columns.map((c) => engine === 'postgres' && c.schema !== 'public' ? `${c.schema}.${c.table}` : c.table)),
            ];
            const guess = (0,suggest_name/* suggestName */.S)(rule.table, tables);
            problems.push(`${rule.location}: ${where}: no such table${guess ? `; did you mean '${guess}'?` : ''}`);
            continue;
        }
        if (rule.kind === 'empty') {
            placed.push({ rule, table: { schema, table } });
            continue;
        }
        const column = tableColumns.find((c) => c.column === rule.column);
        const at = `${rule.location}: ${where}, column ${rule.column} (${rule.strategy})`;
        if (!column) {
            const guess = (0,suggest_name/* suggestName */.S)(rule.column, tableColumns.map((c) => c.column));
            problems.push(`${at}: no such column${guess ? `; did you mean '${guess}'?` : ''}`);
            continue;
        }
        const problem = misfit(rule, column, engine, dictionaries, tableColumns);
        if (problem)
            problems.push(`${at}: ${problem}`);
        else
            placed.push({ rule, column, key: tableColumns.filter((c) => c.primaryKey) });
    }
    if (problems.length > 0)
        throw new errors/* DatacloneError */.YF(`mask: ${problems.length === 1 ? 'a rule does' : `${problems.length} rules do`} not fit the restored instance:\n${problems.map((p) => `  ${p}`).join('\n')}`, 'Fix the rules named above; nothing was masked or tagged, and the build container was removed.');
    return placed;
}
/** Why the strategy cannot write into this column, or undefined when it can. */
function misfit(rule, column, engine, dictionaries, tableColumns) {
    const traits = strategies/* STRATEGIES */.YL[rule.strategy];
    if (rule.strategy === 'noise') {
        const wants = rule.options.days !== undefined ? ['date', 'timestamp'] : ['integer', 'decimal'];
        if (!wants.includes(column.class))
            return `noise with ${rule.options.days !== undefined ? 'days moves dates' : 'amount moves numbers'}, and the column is ${column.type}`;
    }
    else if (!traits.fits.includes(column.class))
        return `strategy ${rule.strategy} writes ${describeFits(traits.fits)}, and the column is ${column.type}`;
    if (rule.strategy === 'null' && !column.nullable)
        return 'the column is NOT NULL, so it cannot be masked with null';
    const unique = rule.unique || column.unique;
    if (unique && !traits.canStayUnique)
        return `the column ${rule.unique ? 'must stay unique' : 'has a unique index'}, and strategy ${rule.strategy} cannot keep it unique; use email, iban, uuid, hash or shuffle, or an expression`;
    if (rule.strategy === 'hash' && column.maxLength !== undefined && column.maxLength < 16 && unique)
        return `a unique column needs at least 16 characters of the hash, and the column holds ${column.maxLength}`;
    const longest = longestFake(rule, column, dictionaries);
    if (column.class === 'text' &&
        longest !== undefined &&
        column.maxLength !== undefined &&
        longest > column.maxLength)
        return `${rule.strategy === 'value' ? 'the value is' : `strategy ${rule.strategy} writes up to`} ${longest} characters, and the column (${column.type}) holds ${column.maxLength}`;
    if (rule.strategy === 'shuffle' && engine !== 'postgres' && !tableColumns.some((c) => c.primaryKey))
        return 'shuffle on MySQL and MariaDB needs the table to have a primary key (it moves values between rows by it)';
    return undefined;
}
/** `schema.table` on PostgreSQL (public by default); on MySQL and MariaDB the database is the schema. */
function splitTable(rule, engine) {
    if (engine !== 'postgres')
        return [rule.database, rule.table];
    const dot = rule.table.indexOf('.');
    return dot < 0 ? ['public', rule.table] : [rule.table.slice(0, dot), rule.table.slice(dot + 1)];
}
function describeFits(fits) {
    if (fits.length === 1 && fits[0] === 'text')
        return 'text';
    return fits.join(' or ');
}

// EXTERNAL MODULE: ./src/engines/mysql.ts + 5 modules
var mysql = __webpack_require__(34825);
;// CONCATENATED MODULE: ./src/engines/mysql/masking.ts

/** Where masking keeps its dictionaries while it runs: one database, read from every other. */
const WORK_DATABASE = 'dataclone_mask';
const SECRET_VARIABLE = '@dataclone_mask_secret';
const quote = (name) => `\`${name.replaceAll('`', '``')}\``;
/** Hex, so that no sql_mode (NO_BACKSLASH_ESCAPES or not) reads it differently. */
const literal = (text) => text === '' ? "''" : `CONVERT(X'${Buffer.from(text).toString('hex')}' USING utf8mb4)`;
/** A dictionary entry as a plain string where it has no character any sql_mode reads differently
 * (the dictionaries hold letters, spaces, apostrophes and hyphens): a third of the hex form's size. */
const entry = (text) => /^[A-Za-z0-9' -]*$/.test(text) ? `'${text.replaceAll("'", "''")}'` : literal(text);
const mysqlMaskingDialect = {
    table: ({ schema, table }) => `${quote(schema)}.${quote(table)}`,
    column: quote,
    literal,
    asText: (sql) => `CAST(${sql} AS CHAR CHARACTER SET utf8mb4)`,
    keyedHash: (text, salt) => `SHA2(CONCAT(${SECRET_VARIABLE}, '${salt}:', ${text}), 256)`,
    // A derived table cannot read the row of the UPDATE (MariaDB has no LATERAL): the hash stays
    // in the expression wherever it is used; SHA2 is cheap next to the update of the row itself.
    withHash: (hash, body) => body(hash),
    digest: (text) => `SHA2(${text}, 256)`,
    hexNumber: (hex, start) => `CAST(CONV(SUBSTR(${hex}, ${start}, 8), 16, 10) AS SIGNED)`,
    digits: (integer, width) => `LPAD(${integer}, ${width}, '0')`,
    toInteger: (text) => `CAST(${text} AS SIGNED)`,
    characterLength: (text) => `CHAR_LENGTH(${text})`,
    addDays: (date, days) => `DATE_ADD(${date}, INTERVAL (${days}) DAY)`,
    mod97: (digits) => `MOD(CAST(${digits} AS DECIMAL(30, 0)), 97)`,
    firstWord: (text) => `SUBSTRING_INDEX(${text}, ' ', 1)`,
    // ELT evaluates only the argument it returns. utf8mb4_bin, as the dictionary tables, which the
    // server prefers to the _ci collation of a column it is compared with.
    pick: (entries, index) => `(CONVERT(ELT((${index}) + 1, ${entries.map(entry).join(', ')}) USING utf8mb4) COLLATE utf8mb4_bin)`,
    dictionaryTable: (dictionary) => `${WORK_DATABASE}.${dictionary}`,
    // The server converts text into the column's type as it assigns it.
    assign: (expression) => expression,
};
const mysqlMasking = {
    dialect: mysqlMaskingDialect,
    async describeColumns(shell, database) {
        const rows = await this.query(shell, database, DESCRIBE_COLUMNS, `describe the columns of ${database}`);
        return rows.map((row) => {
            const found = JSON.parse(row);
            const { dataType, maxLength, nullable, unique, primaryKey, ...facts } = found;
            const textual = columnClass(dataType) === 'text';
            return {
                ...facts,
                class: columnClass(dataType),
                nullable: Boolean(nullable),
                unique: Boolean(unique),
                primaryKey: Boolean(primaryKey),
                // Text columns of 64 kB and more are as good as unbounded.
                ...(textual && maxLength !== null && maxLength < 65_535 && { maxLength }),
            };
        });
    },
    async query(shell, database, sql, label) {
        const out = await shell.run((0,mysql/* shell */.vf)(`${mysql/* CLIENT */.G$} --default-character-set=utf8mb4 -N -B -r --database="$1"`, database), { input: { kind: 'text', text: `${sql};\n` }, label });
        return out.split('\n').filter((line) => line !== '' && line !== 'NULL');
    },
    async runMasking(shell, database, sql, secret, label) {
        // The secret reaches the server on standard input, as a variable of this session only: on
        // no command line, in no environment, and the build's server keeps no binary or general log.
        // No foreign-key check or cascade while the masked columns on both sides of a foreign key
        // change one after the other (equal inputs, equal fakes).
        const text = `SET ${SECRET_VARIABLE} = CONVERT(X'${Buffer.from(secret).toString('hex')}' USING utf8mb4);\nSET FOREIGN_KEY_CHECKS = 0;\n${sql};\n`;
        await shell.run((0,mysql/* shell */.vf)(`${mysql/* CLIENT */.G$} --default-character-set=utf8mb4 --database="$1"`, database), {
            input: { kind: 'text', text },
            label,
        });
    },
    async loadDictionaries(shell, _databases, dictionaries) {
        const statements = [`CREATE DATABASE ${WORK_DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;`];
        for (const [name, values] of Object.entries(dictionaries)) {
            // A _bin collation, which the server prefers to the _ci one of a column it is compared with.
            statements.push(`CREATE TABLE ${WORK_DATABASE}.${name} (i int PRIMARY KEY, v varchar(100) COLLATE utf8mb4_bin NOT NULL, slug varchar(100) COLLATE utf8mb4_bin NOT NULL);`);
            const rows = values.map((value, i) => `(${i}, ${literal(value)}, ${literal(value.toLowerCase().replace(/[^a-z]/g, ''))})`);
            statements.push(`INSERT INTO ${WORK_DATABASE}.${name} VALUES ${rows.join(',\n')};`);
        }
        await shell.run((0,mysql/* shell */.vf)(`${mysql/* CLIENT */.G$} --default-character-set=utf8mb4`), {
            input: { kind: 'text', text: `${statements.join('\n')}\n` },
            label: 'load the masking dictionaries',
        });
    },
    async dropDictionaries(shell) {
        await shell.run((0,mysql/* shell */.vf)(`${mysql/* CLIENT */.G$}`), {
            input: { kind: 'text', text: `DROP DATABASE IF EXISTS ${WORK_DATABASE};\n` },
            label: 'remove the masking dictionaries',
        });
    },
    // TRUNCATE makes the table's tablespace anew: none of its rows stays in the image's files.
    emptyTable: (table) => `TRUNCATE TABLE ${table}`,
    // OPTIMIZE TABLE would rebuild the table's file, but InnoDB's undo and redo logs still hold the
    // old rows: no statement can remove them from the image.
    compact: () => undefined,
    shuffle(column, key, salt) {
        const table = mysqlMaskingDialect.table(column);
        const name = quote(column.column);
        const keys = key.map((k) => quote(k.column));
        const order = mysqlMaskingDialect.keyedHash(mysqlMaskingDialect.asText(name), salt);
        return `UPDATE ${table} t JOIN (
  SELECT ${keys.map((k) => `a.${k}`).join(', ')}, b.v FROM
    (SELECT ${keys.join(', ')}, ROW_NUMBER() OVER (ORDER BY ${keys.join(', ')}) AS n FROM ${table} WHERE ${name} IS NOT NULL) a
    JOIN (SELECT ${name} AS v, ROW_NUMBER() OVER (ORDER BY ${order}) AS n FROM ${table} WHERE ${name} IS NOT NULL) b ON a.n = b.n
) s ON ${keys.map((k) => `t.${k} = s.${k}`).join(' AND ')} SET t.${name} = s.v`;
    },
    sample: (rows, wanted) => ({
        afterTable: '',
        condition: rows > wanted * 10 ? `RAND() < ${((wanted * 3) / rows).toFixed(8)}` : 'TRUE',
    }),
};
function columnClass(dataType) {
    const type = dataType.toLowerCase();
    if (['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext'].includes(type))
        return 'text';
    if (['tinyint', 'smallint', 'mediumint', 'int', 'bigint'].includes(type))
        return 'integer';
    if (['decimal', 'float', 'double'].includes(type))
        return 'decimal';
    if (type === 'date')
        return 'date';
    if (type === 'datetime' || type === 'timestamp')
        return 'timestamp';
    return 'other';
}
/** One JSON object per column of every base table of the database. */
const DESCRIBE_COLUMNS = `SELECT JSON_OBJECT(
  'schema', c.TABLE_SCHEMA, 'table', c.TABLE_NAME, 'column', c.COLUMN_NAME,
  'dataType', c.DATA_TYPE, 'type', c.COLUMN_TYPE, 'maxLength', c.CHARACTER_MAXIMUM_LENGTH,
  'nullable', c.IS_NULLABLE = 'YES',
  'unique', (c.TABLE_NAME, c.COLUMN_NAME) IN (
    SELECT TABLE_NAME, MIN(COLUMN_NAME) FROM information_schema.STATISTICS
    WHERE TABLE_SCHEMA = DATABASE() AND NON_UNIQUE = 0 GROUP BY TABLE_NAME, INDEX_NAME HAVING COUNT(*) = 1),
  'primaryKey', c.COLUMN_KEY = 'PRI')
FROM information_schema.COLUMNS c
JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE'
WHERE c.TABLE_SCHEMA = DATABASE()
ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`;

// EXTERNAL MODULE: ./src/engines/postgres.ts + 5 modules
var postgres = __webpack_require__(51549);
;// CONCATENATED MODULE: ./src/engines/postgres/masking.ts

/** Where masking keeps its dictionaries in each database it masks, dropped once it is done. */
const WORK_SCHEMA = 'dataclone_mask';
const SECRET_SETTING = 'dataclone.mask_secret';
const masking_quote = (name) => `"${name.replaceAll('"', '""')}"`;
const masking_literal = (text) => `'${text.replaceAll("'", "''")}'`;
const postgresMaskingDialect = {
    table: ({ schema, table }) => `${masking_quote(schema)}.${masking_quote(table)}`,
    column: masking_quote,
    literal: masking_literal,
    asText: (sql) => `(${sql})::text`,
    keyedHash: (text, salt) => `encode(sha256(convert_to(current_setting('${SECRET_SETTING}') || ${masking_literal(`${salt}:`)} || ${text}, 'UTF8')), 'hex')`,
    // A one-row subquery the planner does not flatten (OFFSET 0), so the hash is computed once;
    // its column's name is one no table has, so the original's column is still the table's.
    withHash: (hash, body) => `(SELECT ${body('dataclone_mask_hash.dataclone_mask_hash')} FROM (SELECT ${hash} AS dataclone_mask_hash OFFSET 0) dataclone_mask_hash)`,
    digest: (text) => `encode(sha256(convert_to(${text}, 'UTF8')), 'hex')`,
    hexNumber: (hex, start) => `('x' || substr(${hex}, ${start}, 8))::bit(32)::bigint`,
    digits: (integer, width) => `lpad((${integer})::text, ${width}, '0')`,
    toInteger: (text) => `(${text})::int`,
    characterLength: (text) => `char_length(${text})`,
    addDays: (date, days) => `(${date} + make_interval(days => (${days})::int))`,
    mod97: (digits) => `mod((${digits})::numeric, 97)`,
    firstWord: (text) => `split_part(${text}, ' ', 1)`,
    // A jsonb array finds its i-th element in constant time (a text[] walks to it).
    pick: (entries, index) => `(${masking_literal(JSON.stringify(entries))}::jsonb ->> (${index})::int)`,
    dictionaryTable: (dictionary) => `${WORK_SCHEMA}.${dictionary}`,
    assign: (expression, column) => (column.class === 'text' ? expression : `(${expression})::${column.type}`),
};
const postgresMasking = {
    dialect: postgresMaskingDialect,
    async describeColumns(shell, database) {
        const rows = await this.query(shell, database, masking_DESCRIBE_COLUMNS, `describe the columns of ${database}`);
        return rows.map((row) => {
            const found = JSON.parse(row);
            const { dataType, maxLength, ...facts } = found;
            return { ...facts, class: masking_columnClass(dataType), ...(maxLength !== null && { maxLength }) };
        });
    },
    async query(shell, database, sql, label) {
        const out = await shell.run((0,postgres/* withBinaries */.Id)([...postgres/* PSQL */.DT, '-d', database, '-tA', '-f', '-']), {
            input: { kind: 'text', text: `${sql};\n` },
            label,
        });
        return out.split('\n').filter((line) => line !== '');
    },
    async runMasking(shell, database, sql, secret, label) {
        // The secret reaches the server on standard input, as a setting of this session only: it is
        // on no command line, in no environment and in nothing the server writes to disk.
        // Replica mode: no foreign-key check, cascade or trigger fires while the masked columns on
        // both sides of a foreign key change one after the other (equal inputs, equal fakes).
        const text = `\\o /dev/null\nSELECT set_config('${SECRET_SETTING}', convert_from(decode('${Buffer.from(secret).toString('hex')}', 'hex'), 'UTF8'), false);\n\\o\nSET session_replication_role = replica;\n${sql}\n`;
        await shell.run((0,postgres/* withBinaries */.Id)([...postgres/* PSQL */.DT, '-d', database, '-f', '-']), {
            input: { kind: 'text', text },
            label,
        });
    },
    async loadDictionaries(shell, databases, dictionaries) {
        const statements = [`CREATE SCHEMA ${WORK_SCHEMA};`];
        for (const [name, values] of Object.entries(dictionaries)) {
            statements.push(`CREATE TABLE ${WORK_SCHEMA}.${name} (i int PRIMARY KEY, v text NOT NULL, slug text NOT NULL);`);
            statements.push(`COPY ${WORK_SCHEMA}.${name} FROM STDIN;`);
            statements.push(...values.map((value, i) => `${i}\t${value}\t${value.toLowerCase().replace(/[^a-z]/g, '')}`), '\\.');
        }
        for (const database of databases) {
            await shell.run((0,postgres/* withBinaries */.Id)([...postgres/* PSQL */.DT, '-d', database, '-f', '-']), {
                input: { kind: 'text', text: `${statements.join('\n')}\n` },
                label: `load the masking dictionaries into ${database}`,
            });
        }
    },
    async dropDictionaries(shell, databases) {
        for (const database of databases) {
            await shell.run((0,postgres/* withBinaries */.Id)([...postgres/* PSQL */.DT, '-d', database, '-c', `DROP SCHEMA IF EXISTS ${WORK_SCHEMA} CASCADE`]), {
                label: `remove the masking dictionaries from ${database}`,
            });
        }
    },
    // TRUNCATE writes a new, empty file for the table: none of its rows stays in the image's files.
    emptyTable: (table) => `TRUNCATE ${table}`,
    // New files for the table, its TOAST and its indexes; the old ones are unlinked in the build
    // container's layer, so the committed image never holds them.
    compact: (table) => `VACUUM FULL ${table}`,
    shuffle(column, _key, salt) {
        const table = postgresMaskingDialect.table(column);
        const name = masking_quote(column.column);
        const order = postgresMaskingDialect.keyedHash(`${name}::text`, salt);
        return `UPDATE ${table} t SET ${name} = s.v FROM (
  SELECT a.id, b.v FROM
    (SELECT ctid AS id, row_number() OVER (ORDER BY ctid) AS n FROM ${table} WHERE ${name} IS NOT NULL) a
    JOIN (SELECT ${name} AS v, row_number() OVER (ORDER BY ${order}) AS n FROM ${table} WHERE ${name} IS NOT NULL) b USING (n)
) s WHERE t.ctid = s.id`;
    },
    // SYSTEM reads only the sampled pages, where BERNOULLI reads every page of the table.
    sample: (rows, wanted) => ({
        afterTable: rows > wanted * 10 ? `TABLESAMPLE SYSTEM (${((wanted * 300) / rows).toFixed(6)})` : '',
        condition: 'true',
    }),
};
function masking_columnClass(dataType) {
    if (['character varying', 'character', 'text', 'citext', 'name'].includes(dataType))
        return 'text';
    if (['smallint', 'integer', 'bigint'].includes(dataType))
        return 'integer';
    if (['numeric', 'real', 'double precision', 'money'].includes(dataType))
        return 'decimal';
    if (dataType === 'date')
        return 'date';
    if (dataType.startsWith('timestamp'))
        return 'timestamp';
    if (dataType === 'uuid')
        return 'uuid';
    if (dataType === 'inet' || dataType === 'cidr')
        return 'inet';
    return 'other';
}
/** One JSON object per column of every table (not views) outside the system schemas. */
const masking_DESCRIBE_COLUMNS = `SELECT json_build_object(
  'schema', n.nspname, 'table', c.relname, 'column', a.attname,
  'dataType', format_type(CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END, NULL),
  'type', format_type(a.atttypid, a.atttypmod),
  'maxLength', CASE WHEN a.atttypmod > 4 AND format_type(a.atttypid, NULL) IN ('character varying', 'character') THEN a.atttypmod - 4 END,
  'nullable', NOT a.attnotnull,
  'unique', EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND i.indnkeyatts = 1 AND i.indkey[0] = a.attnum AND i.indpred IS NULL),
  'primaryKey', EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary AND a.attnum = ANY (i.indkey))
)
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p')
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
WHERE a.attnum > 0 AND NOT a.attisdropped
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', '${WORK_SCHEMA}') AND n.nspname NOT LIKE 'pg_toast%'
ORDER BY n.nspname, c.relname, a.attnum`;

;// CONCATENATED MODULE: ./src/masking/masking-engines.ts



/** The masking facet of an engine, by the engine's name. */
function maskingEngineFor(engine) {
    if (engine === 'postgres')
        return postgresMasking;
    if (engine === 'mysql' || engine === 'mariadb')
        return mysqlMasking;
    throw new errors/* DatacloneError */.YF(`engine '${engine}' cannot mask data yet`, 'Remove mask from the definition.');
}

;// CONCATENATED MODULE: ./src/masking/mask-instance.ts








/** Originals sampled per masked column for the proof. */
const SAMPLES_PER_COLUMN = 100;
/**
 * Masks the restored instance in place, as set-based SQL in the build container (no row leaves
 * it): every rule checked against the instance first, the dictionaries the rules need loaded
 * into it, one UPDATE per table (then the table rewritten into new files where the engine can:
 * PostgreSQL), then the proof. A sample of the originals of every masked column is taken before;
 * afterwards none of them may be found in any masked column, or the build fails. The
 * dictionaries are removed again before the after scripts run.
 */
async function maskInstance(shell, engineName, mask, key, reporter, 
/** The databases of the image, once restored (an instance source brings its own). */
imageDatabases) {
    const engine = maskingEngineFor(engineName);
    let phaseStarted = performance.now();
    const phase = () => {
        const now = performance.now();
        const ms = Math.round(now - phaseStarted);
        phaseStarted = now;
        return ms;
    };
    const databases = [...new Set(mask.rules.map((rule) => rule.database))];
    checkDatabasesExist(mask, imageDatabases);
    const columns = new Map();
    for (const database of databases)
        columns.set(database, await engine.describeColumns(shell, database));
    const needed = neededDictionaries(mask);
    const dictionaries = needed.length > 0 ? pickDictionaries(await loadDictionaries(), needed) : {};
    const placed = placeRules(mask.rules, (database) => columns.get(database) ?? [], engineName, dictionaries);
    const run = (database, sql, label) => hidingTheSecret(key.secret, () => engine.runMasking(shell, database, sql, key.secret, label));
    if (needed.length > 0)
        await engine.loadDictionaries(shell, databases, dictionaries);
    const report = {
        deterministic: key.deterministic,
        digest: mask.digest,
        columns: [],
        emptied: [],
        sampled: 0,
        phasesMs: { prepare: 0, sample: 0, mask: 0, prove: 0 },
    };
    report.phasesMs.prepare = phase();
    const tables = groupByTable(placed, engine);
    const rows = new Map();
    for (const table of tables)
        rows.set(table.id, await countRows(shell, engine, table.database, table.name));
    const samples = new Map();
    for (const table of tables) {
        for (const { rule, column } of table.columns.filter(({ rule }) => isProvable(rule))) {
            const found = await sampleOriginals(shell, engine, rule, column, rows.get(table.id) ?? 0);
            for (const digest of found)
                if (!samples.has(digest))
                    samples.set(digest, `${rule.database}.${rule.table}.${rule.column}`);
        }
    }
    report.sampled = samples.size;
    report.phasesMs.sample = phase();
    for (const table of tables) {
        const total = rows.get(table.id) ?? 0;
        const task = `mask ${table.database}.${table.label}`;
        reporter.progress({ task, done: 0, total, unit: 'items' });
        if (table.empty) {
            await run(table.database, engine.emptyTable(table.name), task);
            report.emptied.push({ database: table.database, table: table.label, rows: total });
        }
        else {
            const set = table.columns.filter(({ rule }) => rule.strategy !== 'shuffle');
            const statements = [];
            if (set.length > 0)
                statements.push(`UPDATE ${table.name} SET ${set.map(({ rule, column }) => `${engine.dialect.column(column.column)} = ${maskExpression(rule, column, engine.dialect, dictionaries)}`).join(',\n  ')}`);
            for (const { rule, column, key: primaryKey } of table.columns.filter(({ rule }) => rule.strategy === 'shuffle'))
                statements.push(engine.shuffle(column, primaryKey, rule.strategy));
            const compact = engine.compact(table.name);
            if (compact)
                statements.push(compact);
            await run(table.database, `${statements.join(';\n')};`, task);
            for (const { rule } of table.columns)
                report.columns.push({
                    database: rule.database,
                    table: rule.table,
                    column: rule.column,
                    strategy: rule.strategy,
                    rows: total,
                });
        }
        reporter.progress({ task, done: total, total, unit: 'items' });
    }
    report.phasesMs.mask = phase();
    await proveMasked(shell, engine, tables, samples);
    if (needed.length > 0)
        await engine.dropDictionaries(shell, databases);
    report.phasesMs.prove = phase();
    const masked = report.columns.length;
    reporter.info(`Masked ${masked} column(s)${report.emptied.length > 0 ? ` and emptied ${report.emptied.length} table(s)` : ''}; none of ${samples.size} sampled original value(s) is left in any masked column`);
    return report;
}
function groupByTable(placed, engine) {
    const tables = new Map();
    for (const entry of placed) {
        const facts = 'column' in entry ? entry.column : entry.table;
        const id = `${entry.rule.database}\0${facts.schema}\0${facts.table}`;
        const table = tables.get(id) ?? {
            id,
            database: entry.rule.database,
            label: entry.rule.table,
            name: engine.dialect.table(facts),
            empty: false,
            columns: [],
        };
        tables.set(id, table);
        if (entry.rule.kind === 'empty')
            table.empty = true;
        else if ('column' in entry)
            table.columns.push({ rule: entry.rule, column: entry.column, key: entry.key });
    }
    return [...tables.values()];
}
function isProvable(rule) {
    return strategies/* STRATEGIES */.YL[rule.strategy].proof === 'presence' && rule.strategy !== 'null';
}
async function countRows(shell, engine, database, table) {
    const [count] = await engine.query(shell, database, `SELECT count(*) FROM ${table}`, `count the rows of ${table} in ${database}`);
    return Number(count ?? 0);
}
/**
 * Digests of up to 100 distinct originals of the column, drawn at random. Originals the strategy
 * could have written itself are left out: finding one afterwards would prove nothing. Only the
 * digests leave the server, and they stay in this process.
 */
async function sampleOriginals(shell, engine, rule, column, rows) {
    const d = engine.dialect;
    const value = d.column(column.column);
    const fake = couldBeAFake(rule, value, d);
    const sample = engine.sample(rows, SAMPLES_PER_COLUMN);
    const sql = `SELECT DISTINCT ${d.digest(d.asText(value))} FROM ${d.table(column)} ${sample.afterTable} WHERE ${value} IS NOT NULL AND ${sample.condition}${fake ? ` AND NOT (${fake})` : ''} LIMIT ${SAMPLES_PER_COLUMN}`;
    return engine.query(shell, rule.database, sql, `sample ${rule.database}.${rule.table}.${rule.column}`);
}
/**
 * Looks for every sampled original in every masked column (the proof's strategies), leaving out
 * values the column's own strategy could have written. Fails the build if one is found.
 */
async function proveMasked(shell, engine, tables, samples) {
    if (samples.size === 0)
        return;
    const d = engine.dialect;
    const list = [...samples.keys()].map((digest) => `'${digest}'`).join(', ');
    const left = [];
    for (const table of tables) {
        for (const { rule, column } of table.columns.filter(({ rule }) => isProvable(rule))) {
            const value = d.column(column.column);
            const fake = couldBeAFake(rule, value, d);
            const found = await engine.query(shell, rule.database, `SELECT DISTINCT ${d.digest(d.asText(value))} FROM ${d.table(column)} WHERE ${d.digest(d.asText(value))} IN (${list})${fake ? ` AND NOT (${fake})` : ''}`, `look for sampled originals in ${rule.database}.${rule.table}.${rule.column}`);
            for (const digest of found)
                left.push(`  ${rule.location}: ${rule.database}.${rule.table}.${rule.column} (${rule.strategy}) still holds an original value sampled from ${samples.get(digest)}`);
        }
    }
    if (left.length > 0)
        throw new errors/* DatacloneError */.YF(`mask: the proof failed: ${left.length} sampled original value(s) are still in masked columns after masking:\n${left.join('\n')}`, 'The values themselves are not shown. Check the rules named above (an expression that returns its input, an after script or a trigger that writes originals back); nothing was tagged and the build container was removed.');
}
/** A rule for a database the image does not have (one the instance source did not bring). */
function checkDatabasesExist(mask, databases) {
    const rule = mask.rules.find((candidate) => !databases.includes(candidate.database));
    if (!rule)
        return;
    const guess = (0,suggest_name/* suggestName */.S)(rule.database, databases);
    throw new errors/* DatacloneError */.YF(`${rule.location}: mask: database ${rule.database} is not one of the databases of the image (${databases.join(', ')})${guess ? `; did you mean '${guess}'?` : ''}`, 'Key the rules by the name of a database the instance source brings or the definition lists; nothing was masked or tagged.');
}
function neededDictionaries(mask) {
    const names = mask.rules.flatMap((rule) => rule.kind === 'column' ? (DICTIONARIES_OF[rule.strategy] ?? []) : []);
    return [...new Set(names)];
}
function pickDictionaries(all, names) {
    return Object.fromEntries(names.map((name) => [name, all[name]]));
}
/** A failed masking statement's error, without the secret (or its hex form) in what the server printed. */
async function hidingTheSecret(secret, work) {
    try {
        return await work();
    }
    catch (error) {
        if (!(error instanceof build_shell/* BuildStepError */.JI))
            throw error;
        const hidden = [secret, Buffer.from(secret).toString('hex')].reduce((text, form) => text.split(form).join('***'), error.stderr);
        throw new build_shell/* BuildStepError */.JI(error.step, error.exitCode, hidden);
    }
}


/***/ })

};
