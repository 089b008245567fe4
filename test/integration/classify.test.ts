import { spawn } from 'node:child_process';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { Labels } from '../../src/docker/labels.js';
import { BUILD_CONTAINER_PREFIX, buildImage } from '../../src/images/build-image.js';
import { classifyImage } from '../../src/masking/classify/classify-image.js';
import { suggestedRules } from '../../src/masking/classify/classify-instance.js';
import type { Suspect } from '../../src/masking/classify/classify-columns.js';
import { silentReporter } from '../../src/core/reporter.js';
import { atTestedVersion, testBaseImages, testedVersion } from '../support/base-images.js';
import { SAMPLE_DEFINITION, writeDefinitionFolder } from '../support/fixtures.js';
import { runCliFromSources } from '../support/run-cli.js';
import { useTestHost } from '../support/test-host.js';

const CLI = path.resolve(import.meta.dirname, '../../src/cli/index.ts');
const CARDS = [
  '4111111111111111',
  '4242424242424242',
  '5555555555554444',
  '378282246310005',
  '6011111111111117',
];
const IBANS = [
  'GB82WEST12345698765432',
  'DE89370400440532013000',
  'NL91ABNA0417164300',
  'ES9121000418450200051332',
];
const ROWS = Array.from({ length: 40 }, (_, index) => index + 1);

/** A PostgreSQL table of people (personal columns and innocent ones), and invoices in a schema of their own. */
const CRM_SQL = `CREATE TABLE contacts (
  id integer PRIMARY KEY,
  first_name text NOT NULL,
  surname text NOT NULL,
  email text NOT NULL UNIQUE,
  reach text,
  payment_ref text,
  bank text,
  seen_from inet,
  date_of_birth date,
  notes text,
  status text NOT NULL,
  balance numeric(10, 2),
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO contacts (id, first_name, surname, email, reach, payment_ref, bank, seen_from, date_of_birth, notes, status, balance) VALUES
${ROWS.map(
  (g) =>
    `(${g}, 'Ada${g}', 'Lovelace${g}', 'ada${g}@example.com', '+44 20 7946 ${String(g).padStart(4, '0')}', '${CARDS[g % CARDS.length]}', '${IBANS[g % IBANS.length]}', '10.1.0.${g}', DATE '1980-01-01' + ${g}, 'likes tea', 'active', ${g}.50)`,
).join(',\n')};
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id integer PRIMARY KEY, customer_email text, client_ip text, amount numeric(10, 2));
INSERT INTO billing.invoices VALUES
${ROWS.map((g) => `(${g}, 'ada${g}@example.com', '192.0.2.${g}', ${g * 3}.00)`).join(',\n')};
`;

const CRM_RULES = `    crm:
      contacts:
        first_name: first-name
        surname: last-name
        email: { strategy: email, unique: true }
        reach: phone
        payment_ref: credit-card
        bank: iban
        seen_from: ip-address
        date_of_birth: date-of-birth
      billing.invoices:
        customer_email: email
        client_ip: ip-address
`;

function crmDefinition(rules: string): string {
  return `name: classify-crm
engine: postgres
version: "15"
databases:
  - name: crm
    source: crm.sql
mask:
  require: classified
  rules:
${rules}`;
}

/** The columns of the crm database classify must find, with what made each one a suspect, in schema order. */
const CRM_SUSPECTS = [
  [
    'billing.invoices',
    'customer_email',
    'email',
    'its name says e-mail; 40 of 40 sampled values are e-mail addresses',
  ],
  [
    'billing.invoices',
    'client_ip',
    'ip-address',
    'its name says IP address; 40 of 40 sampled values are IP addresses',
  ],
  ['contacts', 'first_name', 'first-name', 'its name says first name'],
  ['contacts', 'surname', 'last-name', 'its name says last name'],
  [
    'contacts',
    'email',
    'email',
    'its name says e-mail; 40 of 40 sampled values are e-mail addresses; unique index',
  ],
  ['contacts', 'reach', 'phone', '40 of 40 sampled values are phone numbers'],
  ['contacts', 'payment_ref', 'credit-card', '40 of 40 sampled values are card numbers'],
  ['contacts', 'bank', 'iban', '40 of 40 sampled values are IBANs'],
  ['contacts', 'seen_from', 'ip-address', 'its type inet holds IP addresses'],
  ['contacts', 'date_of_birth', 'date-of-birth', 'its name says date of birth'],
];

function brief(suspects: Suspect[]): string[][] {
  return suspects.map((suspect) => [
    suspect.table,
    suspect.column,
    suspect.strategy,
    suspect.reasons.join('; '),
  ]);
}

const t = useTestHost();
const folders: (() => Promise<void>)[] = [];
const kept: (() => Promise<void>)[] = [];
const images: string[] = [];

/** A folder removed after the test, or with `untilAll` after the file's last test. */
async function definitionFolder(files: Record<string, string>, untilAll = false) {
  const folder = await writeDefinitionFolder(files);
  (untilAll ? kept : folders).push(folder.remove);
  return folder.definition;
}

/** No clone of the image is left: the temporary clone went, whatever happened. */
async function clonesOf(image: string): Promise<string[]> {
  return t.host.findContainers({ [Labels.image]: image });
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((remove) => remove()));
});

afterAll(async () => {
  await Promise.all(kept.map((remove) => remove()));
  // The CLI's temporary clones carry their own owner, not the test run's.
  for (const image of images)
    for (const id of await clonesOf(image)) await t.host.removeContainer(id).catch(() => {});
  await t.cleanup();
});

describe('classify on PostgreSQL', () => {
  let crm: string;
  let crmFile: string;

  beforeAll(async () => {
    crm = t.imageTag('classify-crm');
    images.push(crm);
    crmFile = await definitionFolder(
      { 'dataclone.yaml': crmDefinition(CRM_RULES), 'crm.sql': CRM_SQL },
      true,
    );
    const built = await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: atTestedVersion(await loadImageDefinition(crmFile)),
      tag: crm,
    });
    expect(built.steps.map((step) => step.step)).toContain('check classified');
  });

  it('finds the personal columns by name, type and sampled values, and leaves the innocent ones', async () => {
    const owner = `${t.owner}-classify`;
    const classification = await classifyImage({ host: t.host, reporter: t.reporter, image: crm, owner });
    expect(classification).toMatchObject({ engine: 'postgres', databases: ['crm'], tables: 2, columns: 17 });
    expect(brief(classification.suspects)).toEqual(CRM_SUSPECTS);
    expect(classification.covered).toEqual([]);
    expect(await t.host.findContainers({ [Labels.owner]: owner })).toEqual([]);
  });

  it('prints rules that, pasted under mask:, are the rules of the definition', async () => {
    const classification = await classifyImage({ host: t.host, reporter: t.reporter, image: crm });
    const yaml = suggestedRules(classification);
    expect(yaml).toContain(
      '        email: { strategy: email, unique: true }  # text: its name says e-mail; 40 of 40 sampled values are e-mail addresses; unique index',
    );
    expect(parse(yaml)).toEqual(parse(`mask:\n  rules:\n${CRM_RULES}`));
  });

  it('lists the columns the definition has rules for as covered', async () => {
    const { mask } = await loadImageDefinition(crmFile);
    const classification = await classifyImage({
      host: t.host,
      reporter: t.reporter,
      image: crm,
      rules: mask?.rules,
    });
    expect(classification.suspects).toEqual([]);
    expect(brief(classification.covered)).toEqual(CRM_SUSPECTS);

    const run = await runCliFromSources(['image', 'classify', crm, '--definition', crmFile]);
    expect(run.code, run.stderr).toBe(0);
    expect(parse(run.stdout)).toEqual({ mask: { rules: {} } });
    expect(run.stdout).toContain('0 look personal and have no rule, 10 have one\n');
    expect(run.stdout).toContain(
      "# covered by the definition's rules:\n#   crm.billing.invoices.customer_email: its name says e-mail;",
    );
  });

  it('fails a build with require: classified when a suspect column has no rule, naming it, and tags nothing', async () => {
    const tag = t.imageTag('classify-missing');
    const rules = CRM_RULES.replace('        client_ip: ip-address\n', '').replace(
      '        reach: phone\n',
      '',
    );
    const file = await definitionFolder({ 'dataclone.yaml': crmDefinition(rules), 'crm.sql': CRM_SQL });
    const definition = atTestedVersion(await loadImageDefinition(file));
    const error = await buildImage({ host: t.host, reporter: t.reporter, definition, tag }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      message: expect.stringContaining(
        'mask.require: classified: 2 column(s) look personal and no mask rule covers them:\n' +
          '  crm.billing.invoices.client_ip (text): its name says IP address; 40 of 40 sampled values are IP addresses\n' +
          '  crm.contacts.reach (text): 40 of 40 sampled values are phone numbers',
      ),
      hint: expect.stringContaining(
        '        reach: phone  # text: 40 of 40 sampled values are phone numbers',
      ),
    });
    expect((error as Error).message.startsWith(file)).toBe(true);
    expect(await t.host.inspectImage(tag)).toBeUndefined();
    const builds = await t.docker.listContainers({ all: true });
    expect(
      builds.filter((c) => c.Names.some((name) => name.includes(`${BUILD_CONTAINER_PREFIX}classify-crm`))),
    ).toEqual([]);
  });
});

describe('classify of the sample shop', () => {
  let sample: string;

  beforeAll(async () => {
    sample = t.imageTag('classify-sample');
    images.push(sample);
    await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(SAMPLE_DEFINITION),
      tag: sample,
    });
  });

  it("prints its customers' names and e-mail addresses through the CLI, and nothing of its orders", async () => {
    const run = await runCliFromSources(['image', 'classify', sample, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { suspects: Suspect[]; rules: unknown; databases: string[] };
    expect(result.databases).toEqual(['customers', 'orders', 'reporting']);
    expect(brief(result.suspects)).toEqual([
      ['customers', 'name', 'full-name', 'a name in a table of people (customers)'],
      [
        'customers',
        'email',
        'email',
        'its name says e-mail; 200 of 200 sampled values are e-mail addresses; unique index',
      ],
    ]);
    expect(result.rules).toEqual({
      customers: { customers: { name: 'full-name', email: { strategy: 'email', unique: true } } },
    });
    const text = await runCliFromSources(['image', 'classify', sample]);
    expect(text.code, text.stderr).toBe(0);
    expect(parse(text.stdout)).toEqual({ mask: { rules: result.rules } });
    expect(text.stdout).toMatch(
      /^# dataclone image classify .*: 9 column\(s\) of 2 table\(s\) in 3 database\(s\); 2 look personal/m,
    );
    expect(await clonesOf(sample)).toEqual([]);
  });

  it('removes its temporary clone when it is cancelled part-way', async () => {
    const owner = `${t.owner}-cancelled`;
    const controller = new AbortController();
    const reporter = {
      ...silentReporter,
      info(message: string) {
        // The clone is up and the first database classified: cancel now, as Ctrl-C would.
        if (message.startsWith('Classified')) controller.abort();
      },
    };
    await expect(
      classifyImage({ host: t.host, reporter, image: sample, owner, signal: controller.signal }),
    ).rejects.toThrow('image classify was cancelled');
    expect(controller.signal.aborted).toBe(true);
    expect(await t.host.findContainers({ [Labels.owner]: owner })).toEqual([]);
  });

  it("removes the CLI's temporary clone on Ctrl-C, and exits 1", async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'image', 'classify', sample], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 400 && (await clonesOf(sample)).length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await clonesOf(sample)).toHaveLength(1);
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(1);
    expect(stderr).toContain('image classify was cancelled');
    expect(await clonesOf(sample)).toEqual([]);
  });
});

/** MariaDB, and MySQL when it is among the test base images: one version of each. */
const MYSQL_LIKE = [
  { engine: 'mariadb', version: testedVersion('mariadb', '10.11') },
  ...(testBaseImages().some((base) => base.engine === 'mysql')
    ? [{ engine: 'mysql', version: testedVersion('mysql', '9.7') }]
    : []),
];

describe.each(MYSQL_LIKE)('classify on $engine $version', ({ engine, version }) => {
  const SHOP_SQL = `CREATE TABLE customers (
  id int PRIMARY KEY,
  full_name varchar(100) NOT NULL,
  email varchar(200) NOT NULL,
  phone varchar(30),
  postcode varchar(10),
  card varchar(20),
  notes text,
  created_at datetime NOT NULL,
  UNIQUE KEY customers_email (email)
);
INSERT INTO customers VALUES
${ROWS.map(
  (g) =>
    `(${g}, 'Grace Hopper ${g}', 'grace${g}@example.com', '(555) 010-${String(g).padStart(4, '0')}', 'SW1A ${g}AA', '${CARDS[g % CARDS.length]}', 'prefers e-mail', '2024-01-01 00:00:00')`,
).join(',\n')};
CREATE TABLE products (id int PRIMARY KEY, name varchar(100), price decimal(10, 2));
INSERT INTO products VALUES (1, 'Teapot', 19.99), (2, 'Kettle', 29.99);
`;

  it('finds the personal columns of the instance and prints their rules', async () => {
    const file = await definitionFolder({
      'dataclone.yaml': `name: classify-shop\nengine: ${engine}\nversion: "${version}"\ndatabases:\n  - name: shop\n    source: shop.sql\n`,
      'shop.sql': SHOP_SQL,
    });
    const tag = t.imageTag(`classify-${engine}`);
    images.push(tag);
    await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(file),
      tag,
    });
    const owner = `${t.owner}-classify-${engine}`;
    const classification = await classifyImage({ host: t.host, reporter: t.reporter, image: tag, owner });
    expect(classification).toMatchObject({ engine, databases: ['shop'], tables: 2, columns: 11 });
    expect(brief(classification.suspects)).toEqual([
      ['customers', 'full_name', 'full-name', 'its name says full name'],
      [
        'customers',
        'email',
        'email',
        'its name says e-mail; 40 of 40 sampled values are e-mail addresses; unique index',
      ],
      [
        'customers',
        'phone',
        'phone',
        'its name says phone number; 40 of 40 sampled values are phone numbers',
      ],
      ['customers', 'postcode', 'postcode', 'its name says postcode'],
      ['customers', 'card', 'credit-card', '40 of 40 sampled values are card numbers'],
    ]);
    expect(parse(suggestedRules(classification))).toEqual({
      mask: {
        rules: {
          shop: {
            customers: {
              full_name: 'full-name',
              email: { strategy: 'email', unique: true },
              phone: 'phone',
              postcode: 'postcode',
              card: 'credit-card',
            },
          },
        },
      },
    });
    expect(await t.host.findContainers({ [Labels.owner]: owner })).toEqual([]);
  });
});
