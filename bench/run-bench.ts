/**
 * dataclone's benchmark: data images of about 10 MB, 100 MB and 1 GB (generated) plus the
 * samples, PostgreSQL and MariaDB. For each: image build; clone create (to the first query
 * answered with the clone's password), reset and remove over several runs (median, p95); the
 * first write to a large table; disk and memory of a fresh clone; the baselines a user would run
 * otherwise (restore a dump of the same data into a fresh container of the base image, or into
 * one shared server); clones started in parallel.
 *
 *   npm run bench
 *   BENCH_RUNS=7 BENCH_SIZES_MB=10,100 BENCH_MARIADB_SIZES_MB= BENCH_STANDBY=0 BENCH_HOST_NETWORKING=0 npm run bench
 *   npm run build && BENCH_RUNS=10 npm run bench -- --startup   (only the CLI's startup: bench/startup.ts)
 *
 * Prints a table, writes bench/results/bench-<time>.json and an SVG chart of time against data
 * size beside it. Removes every container and image it made. Figures, not pass/fail: the tests
 * never assert timings.
 *
 * With --capacity: how many clones of the 1 GB images (PostgreSQL and MariaDB) this machine holds,
 * growing 1, 2, 4, ... clones under a small paced load until create time or query latency
 * doubles (bench/measure-capacity.ts; docs/scale-out.md explains the model). A smoke run:
 *
 *   BENCH_SIZES_MB=10 BENCH_MARIADB_SIZES_MB=10 BENCH_CAPACITY_MAX_CLONES=4 BENCH_CAPACITY_SECONDS=2 npm run bench -- --capacity
 *
 * With --cold: a runner that has never seen the image (bench/measure-cold.ts). Push to a
 * registry on 127.0.0.1, pull onto a Docker Engine of the bench's own (data image and base both
 * absent; base present; base present without unpigz), with `image pull`'s own write to disk
 * timed apart, the first clone after the pull and the next; against downloading the dump and
 * restoring it, on that engine. PostgreSQL 10 MB, 100 MB and 1 GB by default (BENCH_SIZES_MB,
 * BENCH_MARIADB_SIZES_MB); it needs pigz installed to compare with and without unpigz:
 *
 *   BENCH_RUNS=3 BENCH_SIZES_MB=10,100 npm run bench -- --cold
 *   BENCH_RUNS=3 BENCH_SIZES_MB=1024 npm run bench -- --cold   # about 10 minutes on 2 cores
 *
 * With --sources: build time by source kind (bench/measure-sources.ts), 100 MB by default:
 * PostgreSQL from a custom-format dump, a plain dump, a pg_basebackup tar and the live server;
 * MariaDB from a mysqldump, a prepared mariabackup and the live server; the restore phase apart
 * from finalise and commit, image sizes, and whether every clone answers the same:
 *
 *   BENCH_SIZES_MB=100 BENCH_MARIADB_SIZES_MB=100 npm run bench -- --sources
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { DockerHost } from '../src/docker/docker-host.js';
import { timeAgainstSizeChart } from './chart.js';
import { reportCapacity } from './capacity-report.js';
import { generatedDataset, SAMPLES, type Dataset } from './datasets.js';
import { measureCapacity, type CapacityResult, type CapacitySettings } from './measure-capacity.js';
import { reportCold } from './cold-report.js';
import { measureCold, stopColdRun, type ColdResult } from './measure-cold.js';
import { measureDataset, type BenchSettings, type DatasetResult } from './measure-dataset.js';
import { measureSources, reportSources, type SourceKindResult } from './measure-sources.js';
import { measureStartup, reportStartup } from './startup.js';
import { log, resultsBase } from './stats.js';

const list = (text: string | undefined, fallback: string) =>
  (text ?? fallback).split(',').filter(Boolean).map(Number);

const settings: BenchSettings = {
  runs: Number(process.env.BENCH_RUNS ?? 5),
  baselineRuns: Number(process.env.BENCH_BASELINE_RUNS ?? process.env.BENCH_RUNS ?? 5),
  parallel: list(process.env.BENCH_PARALLEL, '1,4,8'),
  standby: process.env.BENCH_STANDBY !== '0',
  hostNetworking: process.env.BENCH_HOST_NETWORKING !== '0',
  owner: `bench-${process.pid}`,
};

const capacity = process.argv.includes('--capacity');
const cold = process.argv.includes('--cold');

async function capacitySettings(host: DockerHost): Promise<CapacitySettings> {
  const gib = (text: string | undefined, fallbackBytes: number) =>
    text ? Number(text) * 2 ** 30 : fallbackBytes;
  const { memoryBytes } = await host.facts();
  return {
    maxClones: Number(process.env.BENCH_CAPACITY_MAX_CLONES ?? 32),
    rate: Number(process.env.BENCH_CAPACITY_RATE ?? 100),
    loadSeconds: Number(process.env.BENCH_CAPACITY_SECONDS ?? 10),
    idleSeconds: Number(process.env.BENCH_CAPACITY_IDLE_SECONDS ?? 3),
    probeRuns: Number(process.env.BENCH_CAPACITY_PROBES ?? 3),
    // Half the Docker host's memory by default: the machine may be shared.
    memoryLimitBytes: gib(process.env.BENCH_CAPACITY_MEMORY_GIB, memoryBytes / 2),
    minFreeDiskBytes: gib(process.env.BENCH_CAPACITY_MIN_FREE_GIB, 20 * 2 ** 30),
    largeNode: {
      cores: 64,
      memoryBytes: 256 * 2 ** 30,
      diskBytes: gib(process.env.BENCH_CAPACITY_NODE_DISK_GIB, 1024 * 2 ** 30),
    },
    owner: settings.owner,
  };
}

async function main(): Promise<void> {
  const host = new DockerHost();
  await host.ping();
  const datasets: Dataset[] = capacity || cold || process.env.BENCH_SAMPLES === '0' ? [] : [...SAMPLES];
  // Interrupted (Ctrl-C, a CI timeout): remove what this run made before leaving.
  const interrupted = async () => {
    stopping = true;
    log('interrupted: removing the containers and images of this run');
    await stopColdRun();
    for (const id of await host.findContainers({ 'dataclone.owner': settings.owner }))
      await host.removeContainer(id);
    // A build in progress: its container carries no labels (they would end up in the image).
    for (const name of [...datasets.map((dataset) => dataset.name), 'sources-postgres', 'sources-mariadb']) {
      const builds = await host.docker.listContainers({
        all: true,
        filters: { name: [`dataclone-build-${name}-`] },
      });
      for (const build of builds) await host.removeContainer(build.Id);
    }
    const images = await host.docker.listImages({
      // The cold run's images carry the address of its registry on 127.0.0.1.
      filters: { reference: [`dataclone-bench/*:${process.pid}`, `*/dataclone-bench/*:${process.pid}`] },
    });
    for (const image of images)
      for (const tag of image.RepoTags ?? []) await host.removeImage(tag).catch(() => {});
    for (const network of await host.findNetworks({ 'dataclone.owner': settings.owner }))
      await host.removeNetwork(network);
    for (const dataset of datasets) await dataset.cleanup?.();
    process.exit(130);
  };
  process.once('SIGINT', () => void interrupted());
  process.once('SIGTERM', () => void interrupted());
  if (process.argv.includes('--startup')) {
    await reportStartup(await measureStartup(host, Number(process.env.BENCH_RUNS ?? 10), settings.owner));
    return;
  }
  if (process.argv.includes('--sources')) {
    const results: SourceKindResult[] = [];
    for (const size of list(process.env.BENCH_SIZES_MB, '100'))
      results.push(...(await measureSources(host, 'postgres', size, settings.owner)));
    for (const size of list(process.env.BENCH_MARIADB_SIZES_MB, '100'))
      results.push(...(await measureSources(host, 'mariadb', size, settings.owner)));
    const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
    process.stdout.write(`${reportSources(results, machine)}\n`);
    const base = await resultsBase('sources');
    await writeFile(`${base}.json`, JSON.stringify({ machine, results }, null, 2));
    log(`written: ${base}.json`);
    return;
  }
  for (const size of list(process.env.BENCH_SIZES_MB, capacity ? '1024' : '10,100,1024'))
    datasets.push(await generatedDataset('postgres', size));
  for (const size of list(process.env.BENCH_MARIADB_SIZES_MB, capacity ? '1024' : cold ? '' : '10,100'))
    datasets.push(await generatedDataset('mariadb', size));
  if (cold) {
    const results: ColdResult[] = [];
    try {
      for (const dataset of datasets) results.push(await measureCold(host, dataset, settings));
    } finally {
      for (const dataset of datasets) await dataset.cleanup?.();
    }
    await reportCold(results, settings.runs);
    return;
  }
  if (capacity) {
    const chosen = await capacitySettings(host);
    const results: CapacityResult[] = [];
    try {
      for (const dataset of datasets) results.push(await measureCapacity(host, dataset, chosen));
    } finally {
      for (const dataset of datasets) await dataset.cleanup?.();
    }
    await reportCapacity(results, chosen);
    return;
  }
  const results: DatasetResult[] = [];
  const largest = Math.max(0, ...datasets.map((d) => d.sizeMb));
  try {
    for (const dataset of datasets) {
      // Parallel starts are measured on the largest PostgreSQL dataset and on the samples.
      const parallel = dataset.sizeMb === 0 || (dataset.sizeMb === largest && dataset.engine === 'postgres');
      results.push(
        await measureDataset(host, dataset, { ...settings, parallel: parallel ? settings.parallel : [] }),
      );
    }
  } finally {
    for (const dataset of datasets) await dataset.cleanup?.();
  }
  await report(results);
}

async function report(results: DatasetResult[]): Promise<void> {
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  const ms = (s: { median: number; p95: number } | undefined) => (s ? `${s.median} / ${s.p95}` : '-');
  const mb = (bytes: number | undefined) => (bytes === undefined ? '-' : (bytes / 2 ** 20).toFixed(1));
  const rows = results.map((r) => [
    r.dataset,
    String(r.imageSizeMb),
    String(r.buildSeconds),
    ms(r.createMs),
    ms(r.resetMs),
    ms(r.standbyResetMs),
    r.hostNetworking ? `${r.hostNetworking.createMs.median} / ${r.hostNetworking.resetMs.median}` : '-',
    ms(r.removeMs),
    ms(r.dockerFloorMs),
    mb(r.freshCloneDiskBytes),
    mb(r.freshCloneMemoryBytes),
    r.firstWrite ? `${r.firstWrite.firstMs.median} / ${r.firstWrite.secondMs.median}` : '-',
    r.firstRead ? `${r.firstRead.firstMs.median} / ${r.firstRead.secondMs.median}` : '-',
    ms(r.baselines?.freshContainerRestoreMs),
    ms(r.baselines?.sharedServerRestoreMs),
    r.baselines ? `${Math.round(r.baselines.freshContainerRestoreMs.median / r.createMs.median)}x` : '-',
  ]);
  const header = [
    'dataset',
    'image MB',
    'build s',
    'create ms',
    'reset ms',
    'standby reset ms',
    'host net create/reset ms',
    'remove ms',
    'Docker alone ms',
    'clone disk MB',
    'clone mem MB',
    'write 1st/2nd ms',
    'scan 1st/2nd ms',
    'fresh restore ms',
    'shared restore ms',
    'create vs restore',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const parallel = results.flatMap((r) =>
    (r.parallel ?? []).map(
      (p) =>
        `${r.dataset}: ${p.clones} in parallel ready in ${p.wallMs} ms; per clone ${mb(p.perCloneDiskBytes)} MB disk, ${mb(p.perCloneMemoryBytes)} MB memory`,
    ),
  );
  const text = [
    `dataclone benchmark: ${machine}, ${settings.runs} runs each (times: median / p95)`,
    line(header),
    ...rows.map(line),
    '',
    ...parallel,
  ].join('\n');
  process.stdout.write(`${text}\n`);
  const base = await resultsBase('bench');
  await writeFile(
    `${base}.json`,
    JSON.stringify(
      { machine: { cores: os.cpus().length, memoryGiB: os.totalmem() / 2 ** 30 }, settings, results },
      null,
      2,
    ),
  );
  const chart = timeAgainstSizeChart(results, `dataclone: clone vs restore (${machine})`);
  if (chart) await writeFile(`${base}.svg`, chart);
  log(`written: ${base}.json${chart ? ` and ${base}.svg` : ''}`);
}

/** Set once interrupted: the work in flight then fails as its containers go, which is expected. */
let stopping = false;

await main().catch((error: unknown) => {
  if (stopping) return;
  throw error;
});
