// The whole dataclone flow on the sample dataset, with the real CLI, on the local Docker Engine:
// build a data image, clone it, query across databases, write, reset, see the write gone, remove.
//
//   npm run demo
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli/index.js');
const image = 'dataclone/sample-shop:demo';
const name = `demo-${randomBytes(3).toString('hex')}`;
const timings = [];

function dataclone(...args) {
  return execFileSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function step(title, work) {
  console.log(`\n== ${title}`);
  const started = performance.now();
  const result = await work();
  timings.push([title, performance.now() - started]);
  return result;
}

async function sql(clone, database, text) {
  const url = clone.databases.find((db) => db.name === database).url;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

let clone;
try {
  await step('Build the data image from examples/sample/dataclone.yaml', () =>
    dataclone('image', 'build', '-f', path.join(root, 'examples/sample/dataclone.yaml'), '--tag', image),
  );
  clone = await step(`Create clone ${name}`, () =>
    JSON.parse(dataclone('clone', 'create', '--image', image, '--name', name, '--json')),
  );
  console.log(
    `ready on ${clone.host}:${clone.port}, databases: ${clone.databases.map((db) => db.name).join(', ')}`,
  );

  const top = await step(
    'Query across databases (reporting reads customers and orders through postgres_fdw)',
    () => sql(clone, 'reporting', 'SELECT * FROM customer_revenue ORDER BY revenue DESC LIMIT 3'),
  );
  console.table(top);

  const count = async () => Number((await sql(clone, 'orders', 'SELECT count(*) AS n FROM orders'))[0].n);
  const before = await count();
  await step('Write: delete every order in the clone', () => sql(clone, 'orders', 'DELETE FROM orders'));
  console.log(`orders before: ${before}, after the delete: ${await count()}`);

  await step(`Reset clone ${name} to the image state`, () => dataclone('clone', 'reset', name, '--json'));
  const after = await count();
  console.log(`orders after the reset: ${after} (same port ${clone.port}, same password)`);
  if (after !== before) throw new Error(`reset did not restore the orders: ${after} instead of ${before}`);
} finally {
  if (clone) await step(`Remove clone ${name}`, () => dataclone('clone', 'remove', name));
}

console.log(`\n${'step'.padEnd(84)}   time`);
for (const [title, ms] of timings) console.log(`${title.padEnd(84)} ${(ms / 1000).toFixed(2).padStart(6)} s`);
console.log(`\nThe image ${image} is kept for more clones: dataclone clone create --image ${image}`);
console.log(`Remove it with: dataclone image remove ${image}`);
