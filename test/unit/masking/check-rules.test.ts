import { describe, expect, it } from 'vitest';
import { placeRules } from '../../../src/masking/check-rules.js';
import type { ColumnFacts } from '../../../src/masking/masking-engine.js';
import type { ColumnRule, MaskRule } from '../../../src/masking/types.js';

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

const COLUMNS = [
  column('id', { class: 'integer', type: 'integer', primaryKey: true, unique: true, nullable: false }),
  column('email', { type: 'character varying(120)', maxLength: 120, unique: true, nullable: false }),
  column('code', { type: 'character(4)', maxLength: 4 }),
  column('short_email', { type: 'character varying(20)', maxLength: 20 }),
  column('born', { class: 'date', type: 'date' }),
  column('name', { nullable: false }),
];

const rule = (name: string, strategy: ColumnRule['strategy'], more: Partial<ColumnRule> = {}): MaskRule => ({
  kind: 'column',
  database: 'crm',
  table: 'customers',
  column: name,
  strategy,
  options: {},
  unique: false,
  keepNulls: true,
  location: 'dataclone.yaml:12:16',
  ...more,
});

const DICTIONARIES = { first_name: ['Ann', 'Bob'], last_name: ['Lee', 'Smithson'] };

function problems(rules: MaskRule[], engine = 'postgres', columns = COLUMNS): string {
  try {
    placeRules(rules, () => columns, engine, DICTIONARIES);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('mask rules checked against the restored instance', () => {
  it('places rules that fit, on the public schema unless the table names another', () => {
    const placed = placeRules(
      [
        rule('email', 'email'),
        rule('born', 'date-of-birth'),
        { kind: 'empty', database: 'crm', table: 'public.customers', location: 'x' },
      ],
      () => COLUMNS,
      'postgres',
      DICTIONARIES,
    );
    expect(placed).toHaveLength(3);
  });

  it.each([
    [
      'a column that does not exist',
      [rule('emal', 'email')],
      "dataclone.yaml:12:16: database crm, table customers, column emal (email): no such column; did you mean 'email'?",
    ],
    [
      'a table that does not exist',
      [rule('email', 'email', { table: 'custmers' })],
      "database crm, table custmers: no such table; did you mean 'customers'?",
    ],
    [
      'a fake e-mail into an integer',
      [rule('id', 'email')],
      'column id (email): strategy email writes text, and the column is integer',
    ],
    [
      'a value longer than the column',
      [rule('code', 'value', { options: { value: 'toolong' } })],
      'column code (value): the value is 7 characters, and the column (character(4)) holds 4',
    ],
    [
      'a fake longer than the column',
      [rule('short_email', 'email')],
      'column short_email (email): strategy email writes up to 24 characters, and the column (character varying(20)) holds 20',
    ],
    [
      'a unique index under a strategy that cannot keep it',
      [rule('email', 'first-name')],
      'column email (first-name): the column has a unique index, and strategy first-name cannot keep it unique',
    ],
    [
      'null into a NOT NULL column',
      [rule('name', 'null')],
      'column name (null): the column is NOT NULL, so it cannot be masked with null',
    ],
    [
      'noise in days on a text column',
      [rule('name', 'noise', { options: { days: 3 } })],
      'column name (noise): noise with days moves dates, and the column is text',
    ],
  ])('refuses %s, naming database, table, column and rule', (_name, rules, expected) => {
    expect(problems(rules)).toContain(expected);
  });

  it('reports every rule that does not fit at once', () => {
    expect(problems([rule('emal', 'email'), rule('id', 'email')])).toMatch(
      /^mask: 2 rules do not fit the restored instance:\n {2}.*emal.*\n {2}.*column id/,
    );
  });

  it('refuses shuffle on a MySQL table without a primary key', () => {
    const columns = COLUMNS.map((c) => ({ ...c, schema: 'crm', primaryKey: false }));
    expect(problems([rule('name', 'shuffle')], 'mariadb', columns)).toContain(
      'shuffle on MySQL and MariaDB needs the table to have a primary key',
    );
  });
});
