import { describe, expect, it } from 'vitest';
import { useDefinitionFolder } from '../../definition/definition-folder.js';

const folder = useDefinitionFolder();

const BASE = `name: shop
engine: postgres
version: "15"
databases:
  - name: customers
`;

describe('the mask: settings classify reads from a definition', () => {
  it('loads require: classified and the rules, an emptied table among them', async () => {
    const definition = await folder.load(`${BASE}mask:
  require: classified
  rules:
    customers:
      customers:
        email: { strategy: email, unique: true }
        first_name: first-name
      sessions: empty
`);
    expect(definition.mask).toEqual({
      require: 'classified',
      rules: {
        customers: {
          customers: { email: { strategy: 'email', unique: true }, first_name: 'first-name' },
          sessions: 'empty',
        },
      },
    });
  });

  it('refuses a require other than classified, at its line', async () => {
    await expect(folder.load(`${BASE}mask:\n  require: everything\n  rules: {}\n`)).rejects.toThrow(
      /dataclone\.yaml:7:\d+: mask\.require/,
    );
  });
});
