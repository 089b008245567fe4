import type { ColumnFacts, MaskingDialect, MaskingEngine } from '../../masking/masking-engine.js';
import type { ColumnClass } from '../../masking/strategies.js';
import { CLIENT, shell as inShell } from '../mysql.js';

/** Where masking keeps its dictionaries while it runs: one database, read from every other. */
const WORK_DATABASE = 'dataclone_mask';
const SECRET_VARIABLE = '@dataclone_mask_secret';

const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``;
/** Hex, so that no sql_mode (NO_BACKSLASH_ESCAPES or not) reads it differently. */
const literal = (text: string) =>
  text === '' ? "''" : `CONVERT(X'${Buffer.from(text).toString('hex')}' USING utf8mb4)`;
/** A dictionary entry as a plain string where it has no character any sql_mode reads differently
 * (the dictionaries hold letters, spaces, apostrophes and hyphens): a third of the hex form's size. */
const entry = (text: string) =>
  /^[A-Za-z0-9' -]*$/.test(text) ? `'${text.replaceAll("'", "''")}'` : literal(text);

export const mysqlMaskingDialect: MaskingDialect = {
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
  pick: (entries, index) =>
    `(CONVERT(ELT((${index}) + 1, ${entries.map(entry).join(', ')}) USING utf8mb4) COLLATE utf8mb4_bin)`,
  dictionaryTable: (dictionary) => `${WORK_DATABASE}.${dictionary}`,
  // The server converts text into the column's type as it assigns it.
  assign: (expression) => expression,
};

export const mysqlMasking: MaskingEngine = {
  dialect: mysqlMaskingDialect,

  async describeColumns(shell, database) {
    const rows = await this.query(shell, database, DESCRIBE_COLUMNS, `describe the columns of ${database}`);
    return rows.map((row) => {
      const found = JSON.parse(row) as Omit<ColumnFacts, 'class' | 'nullable' | 'unique' | 'primaryKey'> & {
        dataType: string;
        maxLength: number | null;
        nullable: number | boolean;
        unique: number | boolean;
        primaryKey: number | boolean;
      };
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
    const out = await shell.run(
      inShell(`${CLIENT} --default-character-set=utf8mb4 -N -B -r --database="$1"`, database),
      { input: { kind: 'text', text: `${sql};\n` }, label },
    );
    return out.split('\n').filter((line) => line !== '' && line !== 'NULL');
  },

  async runMasking(shell, database, sql, secret, label) {
    // The secret reaches the server on standard input, as a variable of this session only: on
    // no command line, in no environment, and the build's server keeps no binary or general log.
    // No foreign-key check or cascade while the masked columns on both sides of a foreign key
    // change one after the other (equal inputs, equal fakes).
    const text = `SET ${SECRET_VARIABLE} = CONVERT(X'${Buffer.from(secret).toString('hex')}' USING utf8mb4);\nSET FOREIGN_KEY_CHECKS = 0;\n${sql};\n`;
    await shell.run(inShell(`${CLIENT} --default-character-set=utf8mb4 --database="$1"`, database), {
      input: { kind: 'text', text },
      label,
    });
  },

  async loadDictionaries(shell, _databases, dictionaries) {
    const statements = [`CREATE DATABASE ${WORK_DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;`];
    for (const [name, values] of Object.entries(dictionaries)) {
      // A _bin collation, which the server prefers to the _ci one of a column it is compared with.
      statements.push(
        `CREATE TABLE ${WORK_DATABASE}.${name} (i int PRIMARY KEY, v varchar(100) COLLATE utf8mb4_bin NOT NULL, slug varchar(100) COLLATE utf8mb4_bin NOT NULL);`,
      );
      const rows = values.map(
        (value, i) => `(${i}, ${literal(value)}, ${literal(value.toLowerCase().replace(/[^a-z]/g, ''))})`,
      );
      statements.push(`INSERT INTO ${WORK_DATABASE}.${name} VALUES ${rows.join(',\n')};`);
    }
    await shell.run(inShell(`${CLIENT} --default-character-set=utf8mb4`), {
      input: { kind: 'text', text: `${statements.join('\n')}\n` },
      label: 'load the masking dictionaries',
    });
  },

  async dropDictionaries(shell) {
    await shell.run(inShell(`${CLIENT}`), {
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

function columnClass(dataType: string): ColumnClass {
  const type = dataType.toLowerCase();
  if (['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext'].includes(type)) return 'text';
  if (['tinyint', 'smallint', 'mediumint', 'int', 'bigint'].includes(type)) return 'integer';
  if (['decimal', 'float', 'double'].includes(type)) return 'decimal';
  if (type === 'date') return 'date';
  if (type === 'datetime' || type === 'timestamp') return 'timestamp';
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
