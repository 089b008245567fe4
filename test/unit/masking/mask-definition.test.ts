import { describe, expect, it } from 'vitest';
import { DatacloneError } from '../../../src/core/errors.js';
import { definitionWith, useDefinitionFolder } from '../definition/definition-folder.js';

const folder = useDefinitionFolder();

const shop = (mask: string) =>
  definitionWith(`databases:\n  - name: customers\n  - name: orders\nmask:\n${mask}`);

async function loadError(yaml: string): Promise<string> {
  const error: unknown = await folder.load(yaml).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DatacloneError);
  expect((error as DatacloneError).hint).toBeTruthy();
  return (error as DatacloneError).message;
}

describe('the mask section of an image definition', () => {
  it('resolves one rule per column, a strategy name alone standing for { strategy }', async () => {
    const definition = await folder.load(
      shop(
        [
          '  secret: SHOP_MASK_KEY',
          '  deterministic: true',
          '  require: classified',
          '  rules:',
          '    customers:',
          '      customers:',
          '        email: { strategy: email, unique: true }',
          '        first_name: first-name',
          '        card_number: { strategy: partial, keepLast: 4 }',
          "        notes: 'null'",
          '      sessions: empty',
          '    orders:',
          '      sales.orders:',
          '        customer_email: { strategy: email, keepNulls: false }',
          '',
        ].join('\n'),
      ),
    );
    const mask = definition.mask;
    expect(mask?.secretVariable).toBe('SHOP_MASK_KEY');
    expect(mask?.deterministic).toBe(true);
    expect(mask?.require).toBe('classified');
    expect(mask?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(mask?.rules.map((rule) => ({ ...rule, location: rule.location.replace(/^.*yaml:/, '') }))).toEqual(
      [
        expect.objectContaining({
          database: 'customers',
          table: 'customers',
          column: 'email',
          strategy: 'email',
          unique: true,
          keepNulls: true,
          location: '14:16',
        }),
        expect.objectContaining({ column: 'first_name', strategy: 'first-name', unique: false, options: {} }),
        expect.objectContaining({ column: 'card_number', strategy: 'partial', options: { keepLast: 4 } }),
        expect.objectContaining({ column: 'notes', strategy: 'null' }),
        { kind: 'empty', database: 'customers', table: 'sessions', location: '18:17' },
        expect.objectContaining({
          database: 'orders',
          table: 'sales.orders',
          column: 'customer_email',
          keepNulls: false,
        }),
      ],
    );
  });

  it('defaults the secret to DATACLONE_MASK_SECRET, and masking to random without it', async () => {
    const definition = await folder.load(
      shop('  rules:\n    customers:\n      customers:\n        email: email\n'),
    );
    expect(definition.mask).toMatchObject({ secretVariable: 'DATACLONE_MASK_SECRET', deterministic: false });
  });

  it('gives the same rules digest wherever the rules sit in the file, another for other rules', async () => {
    const rules = '  rules:\n    customers:\n      customers:\n        email: email\n';
    const first = await folder.load(shop(rules));
    const moved = await folder.load(`# a comment\n\n${shop(rules)}`);
    const other = await folder.load(shop(rules.replace('email: email', 'email: hash')));
    expect(moved.mask?.digest).toBe(first.mask?.digest);
    expect(other.mask?.digest).not.toBe(first.mask?.digest);
  });

  it('keeps the definition digest free of the secret: only the variable name is in the file', async () => {
    const definition = await folder.load(
      shop('  rules:\n    customers:\n      customers:\n        email: email\n'),
    );
    expect(JSON.stringify(definition)).not.toContain('s3cret');
  });
});

describe('a mask section with bad input, refused with the line before any build work', () => {
  const rules = (rule: string) => shop(`  rules:\n    customers:\n      customers:\n        ${rule}\n`);
  it.each([
    [
      'an unknown strategy',
      rules('email: emial'),
      "11:16: mask.rules.customers.customers.email: 'emial' is not one of",
    ],
    [
      'an unknown option',
      rules('email: { strategy: email, uniqe: true }'),
      "11:35: mask.rules.customers.customers.email: unknown field 'uniqe'; did you mean 'unique'?",
    ],
    [
      'a table that is neither columns nor empty',
      rules('x').replace('      customers:\n        x', '      customers: wipe'),
      "10:18: mask.rules.customers.customers: a table takes its columns' rules",
    ],
    ['value without its value', rules('email: { strategy: value }'), 'strategy value needs value'],
    ['expression without sql', rules('email: { strategy: expression }'), 'strategy expression needs sql'],
    [
      'partial without keepFirst or keepLast',
      rules('card: { strategy: partial }'),
      '11:15: mask.rules.customers.customers.card: strategy partial needs keepFirst, keepLast or both',
    ],
    [
      'noise with both amount and days',
      rules('n: { strategy: noise, amount: 1, days: 2 }'),
      'strategy noise needs either amount',
    ],
    [
      'a unique column under a strategy that cannot keep it unique',
      rules('name: { strategy: first-name, unique: true }'),
      '11:15: mask.rules.customers.customers.name: strategy first-name cannot keep a unique column unique',
    ],
    [
      'a database the definition does not have',
      shop('  rules:\n    customer:\n      customers:\n        email: email\n'),
      "10:7: mask.rules.customer: 'customer' is not one of the databases of the definition (customers, orders); did you mean 'customers'?",
    ],
    [
      'the secret itself instead of a variable name',
      shop('  secret: "hunter2!"\n  rules:\n    customers:\n      c:\n        e: email\n'),
      'secret is the NAME of an environment variable',
    ],
    [
      'a date of birth range the wrong way round',
      rules("dob: { strategy: date-of-birth, min: '2000-01-01', max: '1990-01-01' }"),
      'min is later than max',
    ],
  ])('%s', async (_name, yaml, expected) => {
    expect(await loadError(yaml)).toContain(expected);
  });
});
