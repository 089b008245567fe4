import { describe, expect, it } from 'vitest';
import { mysqlMaskingDialect } from '../../../src/engines/mysql/masking.js';
import { postgresMaskingDialect } from '../../../src/engines/postgres/masking.js';
import { couldBeAFake, maskExpression } from '../../../src/masking/mask-sql.js';
import type { ColumnFacts } from '../../../src/masking/masking-engine.js';
import type { ColumnRule } from '../../../src/masking/types.js';

const column = (name: string, facts: Partial<ColumnFacts> = {}): ColumnFacts => ({
  schema: 'public',
  table: 'customers',
  column: name,
  class: 'text',
  type: 'text',
  nullable: true,
  unique: false,
  primaryKey: false,
  ...facts,
});

const rule = (
  name: string,
  strategy: ColumnRule['strategy'],
  more: Partial<ColumnRule> = {},
): ColumnRule => ({
  kind: 'column',
  database: 'crm',
  table: 'customers',
  column: name,
  strategy,
  options: {},
  unique: false,
  keepNulls: true,
  location: 'x',
  ...more,
});

const entries = (count: number, name: string) => Array.from({ length: count }, (_, i) => `${name}${i}`);
const dictionaries = {
  first_name: entries(3000, 'Anna'),
  last_name: entries(470, 'Smith'),
  city: entries(900, 'Springfield'),
  street_suffix: entries(195, 'Street'),
  company_suffix: entries(4, 'Inc'),
};

describe.each([
  ['PostgreSQL', postgresMaskingDialect, "current_setting('dataclone.mask_secret')"],
  ['MySQL and MariaDB', mysqlMaskingDialect, '@dataclone_mask_secret'],
])('the masking SQL for %s', (_engine, dialect, secretReference) => {
  it('keys every fake by the session secret and the strategy, never by the secret itself', () => {
    const sql = maskExpression(rule('email', 'email'), column('email'), dialect, dictionaries);
    expect(sql).toContain(secretReference);
    expect(sql).toContain("'email:'");
    expect(sql).toContain('@example.com');
  });

  it('gives the same strategy the same expression in every column, whatever its name', () => {
    const here = maskExpression(rule('email', 'email'), column('email'), dialect, dictionaries);
    const there = maskExpression(
      rule('customer_email', 'email', { table: 'invoices' }),
      column('customer_email'),
      dialect,
      dictionaries,
    );
    const q = dialect.column('email');
    expect(there.replaceAll(dialect.column('customer_email'), q)).toBe(here);
  });

  it('keeps NULL unless keepNulls is false', () => {
    expect(maskExpression(rule('phone', 'phone'), column('phone'), dialect, dictionaries)).toMatch(
      /^CASE WHEN .* IS NULL THEN NULL ELSE/,
    );
    expect(
      maskExpression(rule('phone', 'phone', { keepNulls: false }), column('phone'), dialect, dictionaries),
    ).not.toMatch(/^CASE WHEN/);
  });

  it('lets a dictionary pick equal to the original give way to the next entry', () => {
    const sql = maskExpression(rule('first_name', 'first-name'), column('first_name'), dialect, dictionaries);
    expect(sql).toContain('COALESCE(NULLIF(');
    expect(sql).toContain('% 3000');
    expect(sql).toContain('+ 1) % 3000');
  });

  it('picks dictionary entries from a constant of the statement, with no lookup in a table per row', () => {
    const sql = maskExpression(rule('name', 'full-name'), column('name'), dialect, dictionaries);
    expect(sql).not.toContain('dataclone_mask.');
    expect(sql).toContain('Anna2999');
    expect(sql).toContain('Smith469');
  });

  it('writes a constant and an expression as given, and NULL for null', () => {
    expect(
      maskExpression(
        rule('code', 'value', { options: { value: 42 } }),
        column('code'),
        dialect,
        dictionaries,
      ),
    ).toContain('ELSE 42 END');
    expect(
      maskExpression(
        rule('code', 'expression', { options: { sql: 'upper(code)' } }),
        column('code'),
        dialect,
        dictionaries,
      ),
    ).toContain('(upper(code))');
    expect(maskExpression(rule('code', 'null'), column('code'), dialect, dictionaries)).toBe('NULL');
  });

  it('samples for the proof only originals the strategy could not have written', () => {
    expect(couldBeAFake(rule('email', 'email'), 'v', dialect)).toBe("v LIKE '%@example.com'");
    expect(couldBeAFake(rule('first_name', 'first-name'), 'v', dialect)).toMatch(
      /^v IN \(SELECT v FROM dataclone_mask\.first_name\)$/,
    );
    expect(couldBeAFake(rule('card', 'iban'), 'v', dialect)).toBeUndefined();
  });
});

describe('the masking SQL of PostgreSQL', () => {
  it('casts a fake into the column type where the server does not', () => {
    expect(
      maskExpression(
        rule('id', 'uuid'),
        column('id', { class: 'uuid', type: 'uuid' }),
        postgresMaskingDialect,
        dictionaries,
      ),
    ).toMatch(/\)::uuid END$/);
  });
});

describe('the masking SQL for PostgreSQL', () => {
  it('computes the keyed hash once per row, however many numbers a fake draws from it', () => {
    for (const strategy of ['email', 'credit-card', 'iban', 'full-name'] as const) {
      const sql = maskExpression(rule('v', strategy), column('v'), postgresMaskingDialect, dictionaries);
      expect(sql.match(/sha256\(/g)).toHaveLength(1);
    }
  });
});
