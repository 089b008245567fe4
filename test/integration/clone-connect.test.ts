import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClone, type CreateCloneOptions } from '../../src/clones/create-clone.js';
import { resetClone } from '../../src/clones/reset-clone.js';
import { loadImageDefinition } from '../../src/definition/load-image-definition.js';
import { buildImage } from '../../src/images/build-image.js';
import { writeDefinitionFolder } from '../support/fixtures.js';
import { query } from '../support/query.js';
import { runCliFromSources } from '../support/run-cli.js';
import { useTestHost } from '../support/test-host.js';

const t = useTestHost();
const removeFolders: Array<() => Promise<void>> = [];

/** The same two databases in each engine: `shop` (the primary) with three orders, and `other`. */
const ENGINES = {
  postgres: {
    version: '15',
    insert: ['-c', 'insert into orders values (4)', '-c', 'select count(*) as orders from orders'],
    failing: ['-c', 'select no_such_column from orders'],
    currentDatabase: 'select current_database();',
  },
  mariadb: {
    version: '10.11',
    insert: ['-e', 'insert into orders values (4); select count(*) as orders from orders'],
    failing: ['-e', 'select no_such_column from orders'],
    currentDatabase: 'select database();',
  },
} as const;
type EngineName = keyof typeof ENGINES;
const images: Record<EngineName, string> = { postgres: '', mariadb: '' };

beforeAll(async () => {
  for (const engine of Object.keys(ENGINES) as EngineName[]) {
    const folder = await writeDefinitionFolder({
      'dataclone.yaml': `name: connect-${engine}\nengine: ${engine}\nversion: "${ENGINES[engine].version}"\ndatabases:\n  - name: shop\n    source: shop.sql\n  - name: other\n`,
      'shop.sql': 'CREATE TABLE orders (id int);\nINSERT INTO orders VALUES (1), (2), (3);\n',
    });
    removeFolders.push(folder.remove);
    images[engine] = t.imageTag(`connect-${engine}`);
    await buildImage({
      host: t.host,
      reporter: t.reporter,
      definition: await loadImageDefinition(folder.definition),
      tag: images[engine],
    });
  }
});

afterAll(async () => {
  await t.cleanup();
  for (const remove of removeFolders) await remove();
});

async function cloneOf(engine: EngineName, options: Partial<CreateCloneOptions> = {}) {
  const { clone } = await createClone({
    host: t.host,
    reporter: t.reporter,
    image: images[engine],
    name: t.cloneName('connect'),
    owner: t.owner,
    ...options,
  });
  return clone;
}

describe.each(Object.keys(ENGINES) as EngineName[])('clone connect, %s', (engine) => {
  const sql = ENGINES[engine];

  it.each([
    ['bridge networking', {}],
    ['host networking', { networking: 'host' }],
    ['a warm standby', { standby: true }],
  ] as const)(
    'runs the client in the server the port leads to, logged in, in the primary database: %s',
    async (_case, options) => {
      const clone = await cloneOf(engine, options);
      const run = await runCliFromSources(['clone', 'connect', clone.name, '--', ...sql.insert]);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/orders\s*\n[-\s]*4\b/);
      expect(run.code).toBe(0);
      const [row] = await query<{ n: number }>(clone, 'shop', 'SELECT count(*) AS n FROM orders');
      expect(Number(row?.n)).toBe(4);
    },
  );

  it('runs the client in the server that took over, after a reset of a clone with a warm standby', async () => {
    const clone = await cloneOf(engine, { standby: true });
    await resetClone({ host: t.host, reporter: t.reporter, name: clone.name });
    const run = await runCliFromSources(['clone', 'connect', clone.name, '--', ...sql.insert]);
    expect(run.stdout).toMatch(/orders\s*\n[-\s]*4\b/);
    const [row] = await query<{ n: number }>(clone, 'shop', 'SELECT count(*) AS n FROM orders');
    expect(Number(row?.n)).toBe(4);
  });

  it('reads SQL on its standard input, in the database given with --database', async () => {
    const clone = await cloneOf(engine);
    const run = await runCliFromSources(['clone', 'connect', clone.name, '--database', 'other'], {
      input: `${sql.currentDatabase}\n`,
    });
    expect(run.stdout).toMatch(/\bother\b/);
    expect(run.code).toBe(0);
  });

  it("exits with the client's exit code, and shows the client's error", async () => {
    const clone = await cloneOf(engine);
    const run = await runCliFromSources(['clone', 'connect', clone.name, '--', ...sql.failing]);
    expect(run.stderr).toMatch(/no_such_column/);
    expect(run.code).toBe(1);
  });

  it('gives the client a terminal when it runs in one', async () => {
    const clone = await cloneOf(engine);
    const args =
      engine === 'postgres'
        ? ['-c', String.raw`\! test -t 0 && test -t 1 && stty size`]
        : // In a terminal, the client draws tables; reading a pipe, it prints tab-separated rows.
          ['-e', 'select 42 as answer'];
    const run = await runCliFromSources(['clone', 'connect', clone.name, '--', ...args], {
      terminal: { rows: 40, columns: 123 },
    });
    expect(run.stdout).toMatch(engine === 'postgres' ? /40 123/ : /\|\s+answer\s+\|/);
    const piped = await runCliFromSources(['clone', 'connect', clone.name, '--', ...args]);
    expect(piped.stdout).not.toMatch(engine === 'postgres' ? /40 123/ : /\|/);
  });
});

describe('clone connect, when there is nothing to connect to', () => {
  it('names a clone that does not exist', async () => {
    const run = await runCliFromSources(['clone', 'connect', 'no-such-clone']);
    expect(run.stderr).toMatch(/no clone named 'no-such-clone'/);
    expect(run.code).toBe(1);
  });

  it('says when the clone is not running', async () => {
    const clone = await cloneOf('postgres');
    await t.host.killContainer(clone.containerId);
    const run = await runCliFromSources(['clone', 'connect', clone.name]);
    expect(run.stderr).toMatch(new RegExp(`clone ${clone.name} is not running \\(exited\\)`));
    expect(run.stderr).toMatch(/dataclone clone logs/);
    expect(run.code).toBe(1);
  });
});
