/**
 * Clone benchmark: image build time, and clone create / reset / remove times over several runs,
 * for the sample dataset and for a generated data image of a chosen size (default about 1 GB).
 *
 *   npm run bench                       # sample + 1 GB, 5 runs each
 *   BENCH_SIZES_MB=10,100 BENCH_RUNS=7 npm run bench
 *
 * Prints a table and writes bench/results/clone-bench-<time>.json. Removes everything it made.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClone } from '../src/clones/create-clone.js';
import { removeClone } from '../src/clones/remove-clone.js';
import { resetClone } from '../src/clones/reset-clone.js';
import { silentReporter } from '../src/core/reporter.js';
import { loadImageDefinition } from '../src/definition/load-image-definition.js';
import { DockerHost } from '../src/docker/docker-host.js';
import { buildImage } from '../src/images/build-image.js';
import { query } from '../test/support/query.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES_MB = (process.env.BENCH_SIZES_MB ?? '1024').split(',').map(Number);
const OWNER = `bench-${process.pid}`;
const host = new DockerHost();

interface Stats {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

interface DatasetResult {
  dataset: string;
  imageSizeMB: number;
  buildSeconds: number;
  createMs: Stats;
  resetMs: Stats;
  removeMs: Stats;
}

async function main(): Promise<void> {
  const results: DatasetResult[] = [];
  const datasets: { name: string; definition: string; cleanup?: () => Promise<void> }[] = [
    { name: 'sample', definition: path.resolve('examples/sample/dataclone.yaml') },
  ];
  for (const sizeMb of SIZES_MB) datasets.push(await generatedDataset(sizeMb));
  try {
    for (const dataset of datasets) results.push(await measure(dataset.name, dataset.definition));
  } finally {
    for (const dataset of datasets) await dataset.cleanup?.();
  }
  report(results);
}

async function measure(name: string, definitionFile: string): Promise<DatasetResult> {
  const tag = `dataclone-bench/${name}:${process.pid}`;
  process.stderr.write(`building ${name}...\n`);
  const built = await buildImage({
    host,
    reporter: silentReporter,
    definition: await loadImageDefinition(definitionFile),
    tag,
  });
  // Building writes the whole image to disk; let the kernel flush it first, and start one clone
  // that is not counted, so the runs measure clones, not the tail of the build.
  execFileSync('sync');
  const warmUp = await createClone({
    host,
    reporter: silentReporter,
    image: tag,
    name: `bench-${process.pid}-warm`,
    owner: OWNER,
  });
  await removeClone({ host, reporter: silentReporter, name: warmUp.clone.name });
  const create: number[] = [];
  const reset: number[] = [];
  const remove: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const cloneName = `bench-${process.pid}-${run}`;
      const created = await createClone({
        host,
        reporter: silentReporter,
        image: tag,
        name: cloneName,
        owner: OWNER,
      });
      create.push(created.durationMs);
      // A write before the reset, so the reset has something to throw away.
      const primary = created.clone.connection.primaryDatabase;
      await query(created.clone, primary, 'CREATE TABLE bench_write AS SELECT 1 AS x');
      reset.push((await resetClone({ host, reporter: silentReporter, name: cloneName })).durationMs);
      remove.push((await removeClone({ host, reporter: silentReporter, name: cloneName })).durationMs);
      process.stderr.write(
        `  ${name} run ${run + 1}: create ${create.at(-1)} ms, reset ${reset.at(-1)} ms, remove ${remove.at(-1)} ms\n`,
      );
    }
  } finally {
    for (const id of await host.findContainers({ 'dataclone.owner': OWNER })) await host.removeContainer(id);
    await host.removeImage(tag);
  }
  return {
    dataset: name,
    imageSizeMB: Math.round(built.sizeBytes / 1024 / 1024),
    buildSeconds: Math.round(built.durationMs / 100) / 10,
    createMs: stats(create),
    resetMs: stats(reset),
    removeMs: stats(remove),
  };
}

/** A definition whose one database holds about `sizeMb` of generated rows. */
async function generatedDataset(sizeMb: number) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-bench-'));
  // About 8,000 rows of this shape take 1 MB on disk with their primary key index.
  const rows = Math.round(sizeMb * 8000);
  await mkdir(path.join(dir, 'data'));
  await writeFile(
    path.join(dir, 'data', '1_generate.sql'),
    `CREATE TABLE events (id bigint PRIMARY KEY, account int NOT NULL, kind text NOT NULL, payload text NOT NULL);
INSERT INTO events SELECT g, g % 1000, 'kind-' || (g % 17), md5(g::text) || md5((g * 7)::text)
  FROM generate_series(1, ${rows}) g;
`,
  );
  await writeFile(
    path.join(dir, 'dataclone.yaml'),
    `name: generated-${sizeMb}mb\nengine: postgres\nversion: "15"\ndatabases:\n  - name: events\n    source: data/\n`,
  );
  return {
    name: `generated-${sizeMb}mb`,
    definition: path.join(dir, 'dataclone.yaml'),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return {
    runs: values.length,
    median: at(0.5),
    p95: at(0.95),
    min: sorted[0] ?? 0,
    max: sorted.at(-1) ?? 0,
  };
}

async function report(results: DatasetResult[]): Promise<void> {
  const lines = [
    `dataclone clone benchmark: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${RUNS} runs each`,
    'dataset              image MB  build s  create ms (median / p95)  reset ms (median / p95)  remove ms (median / p95)',
    ...results.map(
      (r) =>
        `${r.dataset.padEnd(20)} ${String(r.imageSizeMB).padStart(8)}  ${String(r.buildSeconds).padStart(7)}  ${`${r.createMs.median} / ${r.createMs.p95}`.padStart(24)}  ${`${r.resetMs.median} / ${r.resetMs.p95}`.padStart(23)}  ${`${r.removeMs.median} / ${r.removeMs.p95}`.padStart(24)}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  await mkdir('bench/results', { recursive: true });
  const file = `bench/results/clone-bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  await writeFile(file, JSON.stringify({ cores: os.cpus().length, runs: RUNS, results }, null, 2));
  process.stdout.write(`written to ${file}\n`);
}

await main();
