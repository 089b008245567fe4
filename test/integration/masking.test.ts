import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Clone } from '../../src/clones/clone.js';
import { createClone } from '../../src/clones/create-clone.js';
import { removeClone } from '../../src/clones/remove-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import type { EngineName } from '../../src/definition/types.js';
import { BUILD_CONTAINER_PREFIX, buildImage } from '../../src/images/build-image.js';
import { testBaseImages } from '../support/base-images.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { query } from '../support/query.js';
import { useTestHost } from '../support/test-host.js';

/**
 * Masking in real builds: two databases of one instance masked consistently, unique columns kept
 * unique, a foreign key between masked columns kept, NULLs kept, the proof failing a build, and
 * bad rules refused right after the restore. On the first base image of each engine among the
 * test base images (postgres:15, mariadb:10.11, mysql:9.7 with the whole matrix).
 */
const t = useTestHost();
afterAll(() => t.cleanup());

const SECRET = 'correct horse battery staple';
const ROWS = 300;

const bases = ['postgres', 'mariadb', 'mysql'].flatMap(
  (engine) => testBaseImages().find((b) => b.engine === engine) ?? [],
);

/** Originals: none of them is a name of faker's dictionaries, so the proof samples every one. */
function crmSql(engine: EngineName): string {
  const rows = Array.from({ length: ROWS }, (_, index) => {
    const i = index + 1;
    const phone = i % 5 === 0 ? 'NULL' : `'+44 20 7946 ${String(i).padStart(4, '0')}'`;
    return `(${i}, 'person${i}@mail.test', 'Ann${i}', 'Lee${i}', ${phone}, '4000123412341${String(i).padStart(3, '0')}', ${i % 2 === 0 ? "'a note'" : 'NULL'}, '1970-01-01', 'GB33BUKB2020155555${String(i).padStart(4, '0')}', 'Town${i}', '203.0.113.${i % 250}', 'ab')`;
  });
  const orders = Array.from(
    { length: ROWS * 2 },
    (_, index) => `(${index + 1}, 'person${1 + (index % ROWS)}@mail.test', ${100 + index})`,
  );
  const text = engine === 'postgres' ? 'text' : 'varchar(200)';
  return `CREATE TABLE customers (
  id int PRIMARY KEY,
  email varchar(120) NOT NULL UNIQUE,
  first_name varchar(40) NOT NULL,
  last_name varchar(40),
  phone varchar(30),
  card varchar(19),
  notes ${text},
  born date,
  iban varchar(34),
  city varchar(60),
  ip varchar(45),
  code char(4)
);
INSERT INTO customers VALUES ${rows.join(',\n')};
CREATE TABLE orders (
  id int PRIMARY KEY,
  customer_email varchar(120) NOT NULL REFERENCES customers (email),
  amount int NOT NULL
);
INSERT INTO orders VALUES ${orders.join(',\n')};
CREATE TABLE sessions (id int PRIMARY KEY, token varchar(64));
INSERT INTO sessions VALUES (1, 'tok-1'), (2, 'tok-2');
`;
}

function billingSql(): string {
  const rows = Array.from({ length: ROWS }, (_, index) => `(${index + 1}, 'person${index + 1}@mail.test')`);
  return `CREATE TABLE invoices (id int PRIMARY KEY, customer_email varchar(120));
INSERT INTO invoices VALUES ${rows.join(',\n')}, (${ROWS + 1}, NULL);
`;
}

const RULES = `    crm:
      customers:
        email: { strategy: email, unique: true }
        first_name: first-name
        last_name: last-name
        phone: phone
        card: { strategy: partial, keepLast: 4 }
        notes: 'null'
        born: { strategy: date-of-birth, min: '1950-01-01', max: '1999-12-31' }
        iban: iban
        city: city
        ip: ip-address
      orders:
        customer_email: email
        amount: { strategy: noise, amount: 10 }
      sessions: empty
    billing:
      invoices:
        customer_email: email
`;

function definition(engine: EngineName, version: string, rules = RULES, extra = '') {
  return `name: masking
engine: ${engine}
version: "${version}"
databases:
  - name: crm
    source: crm.sql
  - name: billing
    source: billing.sql
mask:
${extra}  rules:
${rules}`;
}

describe.each(bases)('masking on $image', (base) => {
  const folders: (() => Promise<void>)[] = [];
  const clones: Clone[] = [];
  afterEach(async () => {
    for (const clone of clones.splice(0))
      await removeClone({ host: t.host, reporter: t.reporter, name: clone.name });
    await Promise.all(folders.splice(0).map((remove) => remove()));
  });

  async function load(yaml: string) {
    const folder = await writeDefinitionFolder({
      'dataclone.yaml': yaml,
      'crm.sql': crmSql(base.engine),
      'billing.sql': billingSql(),
    });
    folders.push(folder.remove);
    return loadImageDefinition(folder.definition);
  }

  async function build(yaml: string, env: NodeJS.ProcessEnv = { DATACLONE_MASK_SECRET: SECRET }) {
    const tag = t.imageTag('masked');
    const built = await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await load(yaml),
      tag,
      env,
    });
    return { built, tag };
  }

  /** This file's build containers and images: the Docker host is shared with other test runs. */
  async function leftovers(): Promise<{ containers: string[]; images: string[] }> {
    const containers = await t.docker.listContainers({ all: true });
    const images = await t.docker.listImages({ filters: { label: ['dataclone.definition.name=masking'] } });
    return {
      containers: containers
        .flatMap((c) => c.Names)
        .filter((name) => name.includes(`${BUILD_CONTAINER_PREFIX}masking-`)),
      images: images.map((i) => i.Id).sort(),
    };
  }

  async function cloneOf(tag: string): Promise<Clone> {
    const { clone } = await createClone({ host: t.host, reporter: t.reporter, image: tag, owner: t.owner });
    clones.push(clone);
    return clone;
  }

  it('masks both databases consistently, keeps unique columns unique, foreign keys and NULLs, and proves it', async () => {
    const { built, tag } = await build(definition(base.engine, base.version));
    const clone = await cloneOf(tag);
    type Customer = {
      id: number;
      email: string;
      first_name: string;
      phone: string | null;
      card: string;
      notes: string | null;
      iban: string;
      ip: string;
      born: unknown;
    };
    const customers = await query<Customer>(clone, 'crm', 'SELECT * FROM customers ORDER BY id');
    expect(customers).toHaveLength(ROWS);
    expect(customers.every((c) => c.email.endsWith('@example.com'))).toBe(true);
    expect(new Set(customers.map((c) => c.email)).size).toBe(ROWS);
    expect(customers.some((c) => /^(person|Ann)\d/.test(`${c.email} ${c.first_name}`))).toBe(false);
    // NULLs stay NULL (every fifth phone), the rest get a fake number; notes all NULL.
    expect(customers.filter((c) => c.phone === null)).toHaveLength(ROWS / 5);
    expect(customers.filter((c) => c.phone !== null).every((c) => c.phone?.startsWith('+1 555 '))).toBe(true);
    expect(customers.every((c) => c.notes === null)).toBe(true);
    expect(customers[0]?.card).toBe('XXXXXXXXXXXX1001');
    expect(customers.every((c) => /^DE\d{20}$/.test(c.iban) && ibanIsValid(c.iban))).toBe(true);
    expect(customers.every((c) => c.ip.startsWith('10.'))).toBe(true);

    // The foreign key between two masked columns holds: every order's e-mail is a customer's.
    const orphans = await query<{ n: number | string }>(
      clone,
      'crm',
      'SELECT count(*) AS n FROM orders o LEFT JOIN customers c ON c.email = o.customer_email WHERE c.id IS NULL',
    );
    expect(Number(orphans[0]?.n)).toBe(0);
    // The same original became the same fake in another database.
    const invoices = await query<{ id: number; customer_email: string | null }>(
      clone,
      'billing',
      'SELECT * FROM invoices ORDER BY id',
    );
    expect(invoices.slice(0, ROWS).map((i) => i.customer_email)).toEqual(customers.map((c) => c.email));
    expect(invoices[ROWS]?.customer_email).toBeNull();
    expect(await query(clone, 'crm', 'SELECT * FROM sessions')).toEqual([]);

    // The image says it is masked and by which rules, never with what secret.
    const image = await t.host.inspectImage(tag);
    expect(image?.labels['dataclone.masked']).toBe('true');
    expect(image?.labels['dataclone.mask.digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(image?.labels['dataclone.mask.deterministic']).toBe('true');
    expect(JSON.stringify(await t.docker.getImage(tag).inspect())).not.toContain(SECRET);
    expect(JSON.stringify(await t.docker.getImage(tag).history())).not.toContain(SECRET);
    expect(JSON.stringify(t.reporter.lines)).not.toContain(SECRET);

    // The summary lists each column, its strategy and rows; progress went table by table.
    expect(built.masking?.columns).toContainEqual({
      database: 'crm',
      table: 'customers',
      column: 'email',
      strategy: 'email',
      rows: ROWS,
    });
    expect(built.masking?.emptied).toEqual([{ database: 'crm', table: 'sessions', rows: 2 }]);
    expect(built.masking?.sampled).toBeGreaterThan(100);
    expect(t.reporter.progressUpdates).toContainEqual({
      task: 'mask crm.customers',
      done: ROWS,
      total: ROWS,
      unit: 'items',
    });

    // Another build with the same secret gives the same fakes; without it, others.
    const again = await cloneOf((await build(definition(base.engine, base.version))).tag);
    expect(
      (await query<Customer>(again, 'crm', 'SELECT email FROM customers ORDER BY id')).map((c) => c.email),
    ).toEqual(customers.map((c) => c.email));
    const random = await cloneOf((await build(definition(base.engine, base.version), {})).tag);
    const randomEmails = (
      await query<Customer>(random, 'crm', 'SELECT email FROM customers ORDER BY id')
    ).map((c) => c.email);
    expect(randomEmails[0]).not.toBe(customers[0]?.email);
    expect(
      t.reporter.lines.some((line) => /DATACLONE_MASK_SECRET is not set: masking is random/.test(line)),
    ).toBe(true);
  });

  /** The image's files that hold `text`, as grep in a container of the image finds them. */
  async function filesHolding(tag: string, directory: string, text: string): Promise<string[]> {
    const container = await t.docker.createContainer({
      Image: tag,
      Entrypoint: ['sh', '-c', 'grep -r -l -a -F "$1" "$2" || true', 'grep'],
      Cmd: [text, directory],
      User: 'root',
      Labels: { 'dataclone.owner': t.owner },
    });
    try {
      await container.start();
      await container.wait();
      const out = (await container.logs({ stdout: true, stderr: true })).toString('latin1');
      return out
        .split('\n')
        .map((line) => line.replace(/^[\s\S]{8}/, '').trim())
        .filter((line) => line.startsWith('/'));
    } finally {
      await container.remove({ force: true, v: true });
    }
  }

  it.runIf(base.engine === 'postgres')(
    "leaves none of the originals' bytes in the image's files: no old row version, no WAL of the restore",
    async () => {
      const { tag } = await build(definition(base.engine, base.version));
      expect(await filesHolding(tag, '/var/lib/dataclone/pgdata', 'person17@mail.test')).toEqual([]);
      expect(await filesHolding(tag, '/var/lib/dataclone/pgdata', 'GB33BUKB20201555550017')).toEqual([]);
    },
  );

  it('writes every other strategy in its shape: addresses, companies, cards, UUIDs, hashes, constants, shuffles, dates', async () => {
    const uuidType = base.engine === 'postgres' ? 'uuid' : 'char(36)';
    const rows = Array.from({ length: 50 }, (_, index) => {
      const i = index + 1;
      const uuid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      return `(${i}, '${i} Main Road', 'Acme ${i} Ltd', 'SW1A ${i}', '5500000000000${String(i).padStart(3, '0')}', '${uuid}', 'h${i}', 'v${i}', 'rank${i}', '2020-01-15', 'Ann${i} Lee${i}')`;
    });
    const sql = `CREATE TABLE extra (id int PRIMARY KEY, street varchar(80), company varchar(80), postcode varchar(10), card varchar(19), token ${uuidType}, digest varchar(64), label varchar(20), rank_name varchar(20), joined date, full_name varchar(60));
INSERT INTO extra VALUES ${rows.join(',\n')};
`;
    const yaml = `name: masking
engine: ${base.engine}
version: "${base.version}"
databases:
  - name: crm
    source: crm.sql
mask:
  rules:
    crm:
      extra:
        street: street-address
        company: company
        postcode: postcode
        card: credit-card
        token: uuid
        digest: { strategy: hash, unique: true }
        label: { strategy: value, value: redacted }
        rank_name: shuffle
        joined: { strategy: noise, days: 10 }
        full_name: full-name
`;
    const folder = await writeDefinitionFolder({ 'dataclone.yaml': yaml, 'crm.sql': sql });
    folders.push(folder.remove);
    const tag = t.imageTag('masked');
    await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(folder.definition),
      tag,
      env: { DATACLONE_MASK_SECRET: SECRET },
    });
    const clone = await cloneOf(tag);
    type Extra = Record<string, unknown>;
    const found = await query<Extra>(clone, 'crm', 'SELECT * FROM extra ORDER BY id');
    const column = (name: string) => found.map((row) => String(row[name]));
    expect(column('street').every((v) => /^\d{3,4} [A-Za-z' -]+ [A-Za-z]+$/.test(v))).toBe(true);
    expect(column('company').every((v) => / (Group|Inc|LLC|and Sons)$/.test(v))).toBe(true);
    expect(column('postcode').every((v) => /^\d{5}$/.test(v))).toBe(true);
    expect(column('card').every((v) => /^4\d{15}$/.test(v) && luhnIsValid(v))).toBe(true);
    expect(
      column('token').every((v) =>
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/.test(v),
      ),
    ).toBe(true);
    expect(new Set(column('digest')).size).toBe(50);
    expect(column('digest').every((v) => /^[0-9a-f]{64}$/.test(v))).toBe(true);
    expect(new Set(column('label'))).toEqual(new Set(['redacted']));
    // The same values, in other rows.
    expect(column('rank_name').sort()).toEqual(Array.from({ length: 50 }, (_, i) => `rank${i + 1}`).sort());
    expect(column('rank_name').filter((v, i) => v === `rank${i + 1}`).length).toBeLessThan(10);
    const days = found.map((row) =>
      Math.round((new Date(String(row.joined)).getTime() - Date.parse('2020-01-15')) / 86_400_000),
    );
    expect(days.every((d) => Math.abs(d) <= 10)).toBe(true);
    expect(new Set(days).size).toBe(1);
    expect(
      column('full_name').every((v) => /^[A-Za-z' -]+ [A-Za-z' -]+$/.test(v) && !v.startsWith('Ann')),
    ).toBe(true);
  });

  it('fails the build, tagging nothing, when the proof finds an original left in a masked column', async () => {
    const before = await leftovers();
    // An expression that returns its input: the rule runs, and masks nothing.
    const yaml = definition(
      base.engine,
      base.version,
      '    crm:\n      customers:\n        email: { strategy: expression, sql: email }\n',
    );
    await expect(build(yaml)).rejects.toThrow(
      /the proof failed: .*crm\.customers\.email \(expression\) still holds an original value sampled from crm\.customers\.email/s,
    );
    expect(await leftovers()).toEqual(before);
  });

  it('refuses rules that do not fit the restored instance, each naming database, table, column and rule', async () => {
    const before = await leftovers();
    const rules = `    crm:
      customers:
        emal: email
        id: email
        code: { strategy: value, value: 'toolong' }
        first_name: first-name
        email: last-name
      custmers:
        email: email
`;
    const error = await build(definition(base.engine, base.version, rules)).catch(
      (thrown: unknown) => thrown,
    );
    const message = String((error as Error).message);
    expect(message).toMatch(
      /dataclone\.yaml:\d+:\d+: database crm, table customers, column emal \(email\): no such column; did you mean 'email'\?/,
    );
    expect(message).toMatch(
      /column id \(email\): strategy email writes text, and the column is (integer|int\(11\)|int)/,
    );
    expect(message).toMatch(
      /column code \(value\): the value is 7 characters, and the column \(.*\) holds 4/,
    );
    expect(message).toMatch(
      /column email \(last-name\): the column has a unique index, and strategy last-name cannot keep it unique/,
    );
    expect(message).toMatch(/database crm, table custmers: no such table; did you mean 'customers'\?/);
    expect(message).not.toMatch(/first_name/);
    expect(await leftovers()).toEqual(before);
  });

  it('fails before any work when deterministic masking is demanded and the secret is missing', async () => {
    const before = await leftovers();
    const yaml = definition(
      base.engine,
      base.version,
      RULES,
      '  secret: SHOP_MASK_SECRET\n  deterministic: true\n',
    );
    await expect(build(yaml, {})).rejects.toThrow(
      /deterministic masking is demanded, and the environment variable SHOP_MASK_SECRET is not set/,
    );
    expect(await leftovers()).toEqual(before);
  });
});

/** The Luhn check: from the right, every second digit doubled (less 9 above 9), the sum a multiple of 10. */
function luhnIsValid(number: string): boolean {
  const sum = [...number].reverse().reduce((total, char, i) => {
    const digit = Number(char) * (i % 2 === 1 ? 2 : 1);
    return total + (digit > 9 ? digit - 9 : digit);
  }, 0);
  return sum % 10 === 0;
}

/** ISO 13616: the IBAN, its first four characters moved to the end and letters made numbers, mod 97 is 1. */
function ibanIsValid(iban: string): boolean {
  const moved = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (letter) =>
    String(letter.charCodeAt(0) - 55),
  );
  return BigInt(moved) % 97n === 1n;
}
