import type { ColumnFacts, MaskingDialect, MaskingEngine } from '../../masking/masking-engine.js';
import type { ColumnClass } from '../../masking/strategies.js';
import { PSQL, withBinaries } from '../postgres.js';

/** Where masking keeps its dictionaries in each database it masks, dropped once it is done. */
const WORK_SCHEMA = 'dataclone_mask';
const SECRET_SETTING = 'dataclone.mask_secret';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

export const postgresMaskingDialect: MaskingDialect = {
  table: ({ schema, table }) => `${quote(schema)}.${quote(table)}`,
  column: quote,
  literal,
  asText: (sql) => `(${sql})::text`,
  keyedHash: (text, salt) =>
    `encode(sha256(convert_to(current_setting('${SECRET_SETTING}') || ${literal(`${salt}:`)} || ${text}, 'UTF8')), 'hex')`,
  // A one-row subquery the planner does not flatten (OFFSET 0), so the hash is computed once;
  // its column's name is one no table has, so the original's column is still the table's.
  withHash: (hash, body) =>
    `(SELECT ${body('dataclone_mask_hash.dataclone_mask_hash')} FROM (SELECT ${hash} AS dataclone_mask_hash OFFSET 0) dataclone_mask_hash)`,
  digest: (text) => `encode(sha256(convert_to(${text}, 'UTF8')), 'hex')`,
  hexNumber: (hex, start) => `('x' || substr(${hex}, ${start}, 8))::bit(32)::bigint`,
  digits: (integer, width) => `lpad((${integer})::text, ${width}, '0')`,
  toInteger: (text) => `(${text})::int`,
  characterLength: (text) => `char_length(${text})`,
  addDays: (date, days) => `(${date} + make_interval(days => (${days})::int))`,
  mod97: (digits) => `mod((${digits})::numeric, 97)`,
  firstWord: (text) => `split_part(${text}, ' ', 1)`,
  // A jsonb array finds its i-th element in constant time (a text[] walks to it).
  pick: (entries, index) => `(${literal(JSON.stringify(entries))}::jsonb ->> (${index})::int)`,
  dictionaryTable: (dictionary) => `${WORK_SCHEMA}.${dictionary}`,
  assign: (expression, column) => (column.class === 'text' ? expression : `(${expression})::${column.type}`),
};

export const postgresMasking: MaskingEngine = {
  dialect: postgresMaskingDialect,

  async describeColumns(shell, database) {
    const rows = await this.query(shell, database, DESCRIBE_COLUMNS, `describe the columns of ${database}`);
    return rows.map((row) => {
      const found = JSON.parse(row) as Omit<ColumnFacts, 'class'> & {
        dataType: string;
        maxLength: number | null;
      };
      const { dataType, maxLength, ...facts } = found;
      return { ...facts, class: columnClass(dataType), ...(maxLength !== null && { maxLength }) };
    });
  },

  async query(shell, database, sql, label) {
    const out = await shell.run(withBinaries([...PSQL, '-d', database, '-tA', '-f', '-']), {
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
    await shell.run(withBinaries([...PSQL, '-d', database, '-f', '-']), {
      input: { kind: 'text', text },
      label,
    });
  },

  async loadDictionaries(shell, databases, dictionaries) {
    const statements = [`CREATE SCHEMA ${WORK_SCHEMA};`];
    for (const [name, values] of Object.entries(dictionaries)) {
      statements.push(
        `CREATE TABLE ${WORK_SCHEMA}.${name} (i int PRIMARY KEY, v text NOT NULL, slug text NOT NULL);`,
      );
      statements.push(`COPY ${WORK_SCHEMA}.${name} FROM STDIN;`);
      statements.push(
        ...values.map((value, i) => `${i}\t${value}\t${value.toLowerCase().replace(/[^a-z]/g, '')}`),
        '\\.',
      );
    }
    for (const database of databases) {
      await shell.run(withBinaries([...PSQL, '-d', database, '-f', '-']), {
        input: { kind: 'text', text: `${statements.join('\n')}\n` },
        label: `load the masking dictionaries into ${database}`,
      });
    }
  },

  async dropDictionaries(shell, databases) {
    for (const database of databases) {
      await shell.run(
        withBinaries([...PSQL, '-d', database, '-c', `DROP SCHEMA IF EXISTS ${WORK_SCHEMA} CASCADE`]),
        {
          label: `remove the masking dictionaries from ${database}`,
        },
      );
    }
  },

  // TRUNCATE writes a new, empty file for the table: none of its rows stays in the image's files.
  emptyTable: (table) => `TRUNCATE ${table}`,

  // New files for the table, its TOAST and its indexes; the old ones are unlinked in the build
  // container's layer, so the committed image never holds them.
  compact: (table) => `VACUUM FULL ${table}`,

  shuffle(column, _key, salt) {
    const table = postgresMaskingDialect.table(column);
    const name = quote(column.column);
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

function columnClass(dataType: string): ColumnClass {
  if (['character varying', 'character', 'text', 'citext', 'name'].includes(dataType)) return 'text';
  if (['smallint', 'integer', 'bigint'].includes(dataType)) return 'integer';
  if (['numeric', 'real', 'double precision', 'money'].includes(dataType)) return 'decimal';
  if (dataType === 'date') return 'date';
  if (dataType.startsWith('timestamp')) return 'timestamp';
  if (dataType === 'uuid') return 'uuid';
  if (dataType === 'inet' || dataType === 'cidr') return 'inet';
  return 'other';
}

/** One JSON object per column of every table (not views) outside the system schemas. */
const DESCRIBE_COLUMNS = `SELECT json_build_object(
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
