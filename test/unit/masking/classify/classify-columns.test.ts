import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { classifyColumn } from '../../../../src/masking/classify/classify-columns.js';
import type { TableColumn } from '../../../../src/masking/classify/instance-catalog.js';
import { isCovered, renderMaskRules } from '../../../../src/masking/classify/mask-rules.js';

function column(name: string, overrides: Partial<TableColumn> = {}): TableColumn {
  return {
    database: 'crm',
    schema: 'public',
    table: 'contacts',
    tableKey: 'contacts',
    column: name,
    type: 'text',
    kind: 'text',
    unique: false,
    ...overrides,
  };
}

const emails = Array.from({ length: 40 }, (_, i) => `person${i}@example.com`);

describe('classifying a column', () => {
  it('suspects a column by its name, and says so', () => {
    expect(classifyColumn(column('first_name'), [])).toMatchObject({
      strategy: 'first-name',
      rule: 'first-name',
      reasons: ['its name says first name'],
    });
  });

  it('suspects a column by its sampled values, and says how many matched', () => {
    const values = [...emails.slice(0, 30), 'n/a', 'unknown'];
    expect(classifyColumn(column('reach_me_at'), values)).toMatchObject({
      holds: 'e-mail addresses',
      strategy: 'email',
      reasons: ['30 of 32 sampled values are e-mail addresses'],
    });
  });

  it('lets the values decide what a column holds when its name says something else', () => {
    const suspect = classifyColumn(column('phone'), emails);
    expect(suspect?.strategy).toBe('email');
    expect(suspect?.reasons).toEqual([
      'its name says phone number',
      '40 of 40 sampled values are e-mail addresses',
    ]);
  });

  it('needs at least half of the sampled values to match', () => {
    const cards = ['4111111111111111', '4242424242424242', '5555555555554444'];
    const ids = Array.from({ length: 10 }, (_, i) => `order-${i}`);
    expect(classifyColumn(column('reference'), [...cards, ...ids])).toBeUndefined();
    expect(classifyColumn(column('reference'), [...cards, 'order-1'])?.strategy).toBe('credit-card');
  });

  it('suggests a unique rule for a column with a unique index', () => {
    expect(classifyColumn(column('email', { unique: true }), emails)).toMatchObject({
      rule: { strategy: 'email', unique: true },
      reasons: ['its name says e-mail', '40 of 40 sampled values are e-mail addresses', 'unique index'],
    });
  });

  it('suggests hash for a unique column whose strategy would repeat values', () => {
    expect(classifyColumn(column('phone', { unique: true }), [])).toMatchObject({
      strategy: 'hash',
      rule: { strategy: 'hash', unique: true },
    });
  });

  it('takes a name column in a table of people for full names, and leaves a product name alone', () => {
    expect(classifyColumn(column('name', { table: 'customers', tableKey: 'customers' }), [])).toMatchObject({
      strategy: 'full-name',
      reasons: ['a name in a table of people (customers)'],
    });
    expect(classifyColumn(column('name', { table: 'products', tableKey: 'products' }), [])).toBeUndefined();
  });

  it('takes an inet column for IP addresses by its type', () => {
    expect(classifyColumn(column('seen_from', { type: 'inet', kind: 'network' }), [])).toMatchObject({
      strategy: 'ip-address',
      reasons: ['its type inet holds IP addresses'],
    });
  });

  it('leaves innocent columns alone', () => {
    expect(classifyColumn(column('country'), ['GB', 'US', 'NL'])).toBeUndefined();
    expect(classifyColumn(column('total_cents', { type: 'integer', kind: 'other' }), [])).toBeUndefined();
    expect(classifyColumn(column('status'), ['paid', 'open', 'shipped'])).toBeUndefined();
  });
});

describe('the mask rules classify prints', () => {
  const suggestions = [
    {
      database: 'customers',
      table: 'customers',
      column: 'email',
      rule: { strategy: 'email', unique: true },
      reason: 'text: its name says e-mail',
    },
    {
      database: 'customers',
      table: 'customers',
      column: 'first_name',
      rule: 'first-name',
      reason: 'text: its name says first name',
    },
    {
      database: 'customers',
      table: 'billing.cards',
      column: 'card number',
      rule: 'credit-card',
      reason: 'text: 3 of 3 sampled values are card numbers',
    },
    { database: 'yes', table: 'null', column: '1st', rule: 'hash', reason: 'names YAML would misread' },
  ];

  it('are a mask: block that YAML reads back as the rules, with a comment per column', () => {
    const text = renderMaskRules(suggestions);
    expect(text).toContain('        email: { strategy: email, unique: true }  # text: its name says e-mail');
    expect(text).toContain('        first_name: first-name  # text: its name says first name');
    expect(parse(text)).toEqual({
      mask: {
        rules: {
          customers: {
            customers: { email: { strategy: 'email', unique: true }, first_name: 'first-name' },
            'billing.cards': { 'card number': 'credit-card' },
          },
          yes: { null: { '1st': 'hash' } },
        },
      },
    });
  });

  it('say so when no column looks personal', () => {
    expect(parse(renderMaskRules([]))).toEqual({ mask: { rules: {} } });
  });

  it('count a column as covered by its own rule or by its table emptied', () => {
    const rules = { customers: { customers: { email: 'email' }, sessions: 'empty' as const } };
    expect(isCovered(rules, 'customers', 'customers', 'email')).toBe(true);
    expect(isCovered(rules, 'customers', 'customers', 'name')).toBe(false);
    expect(isCovered(rules, 'customers', 'sessions', 'ip')).toBe(true);
    expect(isCovered(rules, 'orders', 'orders', 'email')).toBe(false);
    expect(isCovered(undefined, 'customers', 'customers', 'email')).toBe(false);
    expect(
      isCovered({ customers: { 'public.customers': { email: 'email' } } }, 'customers', 'customers', 'email'),
    ).toBe(true);
  });

  it('read the rules as the masking core lists them, one entry per column or emptied table', () => {
    const rules = [
      { kind: 'column' as const, database: 'customers', table: 'customers', column: 'email' },
      { kind: 'empty' as const, database: 'customers', table: 'public.sessions' },
    ];
    expect(isCovered(rules, 'customers', 'customers', 'email')).toBe(true);
    expect(isCovered(rules, 'customers', 'customers', 'name')).toBe(false);
    expect(isCovered(rules, 'customers', 'sessions', 'ip')).toBe(true);
  });
});
