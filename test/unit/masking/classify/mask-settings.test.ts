import { describe, expect, it } from 'vitest';
import { isCovered } from '../../../../src/masking/classify/mask-rules.js';
import { useDefinitionFolder } from '../../definition/definition-folder.js';

const folder = useDefinitionFolder();

const BASE = `name: shop
engine: postgres
version: "15"
databases:
  - name: customers
`;

describe('the mask: settings classify reads from a definition', () => {
  it('loads require: classified and rules that cover their columns, and every column of an emptied table', async () => {
    const definition = await folder.load(`${BASE}mask:
  require: classified
  rules:
    customers:
      customers:
        email: { strategy: email, unique: true }
        first_name: first-name
      sessions: empty
`);
    // Whatever shape the masking core resolves the rules to, classify reads them the same.
    expect(definition.mask?.require).toBe('classified');
    const rules = definition.mask?.rules;
    expect(isCovered(rules, 'customers', 'customers', 'email')).toBe(true);
    expect(isCovered(rules, 'customers', 'customers', 'first_name')).toBe(true);
    expect(isCovered(rules, 'customers', 'customers', 'last_name')).toBe(false);
    expect(isCovered(rules, 'customers', 'sessions', 'ip')).toBe(true);
  });

  it('refuses a require other than classified, at its line', async () => {
    await expect(folder.load(`${BASE}mask:\n  require: everything\n  rules: {}\n`)).rejects.toThrow(
      /dataclone\.yaml:7:\d+: mask\.require/,
    );
  });
});
