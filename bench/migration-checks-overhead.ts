/**
 * What the migration checks cost: the same migrations on fresh clones of one data image, with
 * the checks (lock sampling every 25 ms, storage and catalog snapshots) and without, alternating.
 * Reports per engine the median of Flyway's own migration time (the sum of its per-migration
 * executionTime) and of the whole migrate step, with and without, and the sampler's figures.
 *
 *   node --import tsx bench/migration-checks-overhead.ts
 *   CHECKS_BENCH_ROWS=2000000 CHECKS_BENCH_RUNS=5 CHECKS_BENCH_ENGINES=postgres node --import tsx bench/migration-checks-overhead.ts
 *
 * Removes every container, image and folder it made, also when interrupted.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { silentReporter } from '../src/core/reporter.js';
import { loadImageDefinition } from '../src/definition/load-image-definition.js';
import { DockerHost } from '../src/docker/docker-host.js';
import { buildImage } from '../src/images/build-image.js';
import { openMysqlObserver } from '../src/migration-checks/mysql-observer.js';
import { openPostgresObserver } from '../src/migration-checks/postgres-observer.js';
import type { Job } from '../src/pipeline/job.js';
import { migrate } from '../src/pipeline/migrate.js';
import { provision } from '../src/pipeline/provision.js';
import { teardown } from '../src/pipeline/teardown.js';
import { log, stats } from './stats.js';

const ROWS = Number(process.env.CHECKS_BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.CHECKS_BENCH_RUNS ?? 3);
const ENGINES = (process.env.CHECKS_BENCH_ENGINES ?? 'postgres,mariadb').split(',').filter(Boolean);
const FLYWAY = path.resolve(import.meta.dirname, '../test/flyway-standin/flyway');
const OWNER = `bench-checks-${process.pid}`;

/** The four migrations of issue 17: a column with a default, an index, a type change, an instant one. */
const SETS: Record<string, Record<string, string>> = {
  postgres: {
    'dataclone.yaml': `name: checks-bench\nengine: postgres\nversion: '15'\ndatabases:\n  - name: shop\n    source: shop/\n`,
    'shop/01.sql': `CREATE TABLE orders (id serial PRIMARY KEY, amount integer NOT NULL, placed date NOT NULL DEFAULT current_date);\nINSERT INTO orders (amount) SELECT g % 1000 FROM generate_series(1, ${ROWS}) g;\n`,
    'migrations/V2__status_with_default.sql':
      "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';\n",
    'migrations/V3__index_amount.sql': 'CREATE INDEX orders_amount_idx ON orders (amount);\n',
    'migrations/V4__widen_amount.sql': 'ALTER TABLE orders ALTER COLUMN amount TYPE bigint;\n',
    'migrations/V5__instant_table.sql': 'CREATE TABLE notes (id serial PRIMARY KEY, body text);\n',
  },
  mariadb: {
    'dataclone.yaml': `name: checks-bench\nengine: mariadb\nversion: '10.11'\ndatabases:\n  - name: shop\n    source: shop/\n`,
    'shop/01.sql': `CREATE TABLE orders (id int AUTO_INCREMENT PRIMARY KEY, amount int NOT NULL, placed date NOT NULL) ENGINE=InnoDB;\nINSERT INTO orders (amount, placed) SELECT seq % 1000, '2026-01-01' FROM seq_1_to_${ROWS};\n`,
    'migrations/V2__status_with_default.sql':
      "ALTER TABLE orders ADD COLUMN status varchar(10) NOT NULL DEFAULT 'new';\n",
    'migrations/V3__index_amount.sql': 'CREATE INDEX orders_amount_idx ON orders (amount);\n',
    'migrations/V4__widen_amount.sql': 'ALTER TABLE orders MODIFY amount bigint NOT NULL;\n',
    'migrations/V5__instant_table.sql':
      'CREATE TABLE notes (id int AUTO_INCREMENT PRIMARY KEY, body text);\n',
  },
};

async function main(): Promise<void> {
  const host = new DockerHost();
  await host.ping();
  const made: { folders: string[]; images: string[] } = { folders: [], images: [] };
  const cleanup = async () => {
    for (const id of await host.findContainers({ 'dataclone.owner': OWNER })) await host.removeContainer(id);
    for (const image of made.images) await host.removeImage(image).catch(() => {});
    for (const folder of made.folders) await rm(folder, { recursive: true, force: true });
  };
  const interrupted = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    for (const engine of ENGINES) await measure(host, engine, made);
  } finally {
    await cleanup();
  }
}

async function measure(host: DockerHost, engine: string, made: { folders: string[]; images: string[] }) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dataclone-checks-bench-'));
  made.folders.push(dir);
  for (const [name, text] of Object.entries(SETS[engine] ?? {})) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  const image = `dataclone-bench/checks-${engine}:${process.pid}`;
  made.images.push(image);
  log(`${engine}: building an image of ${ROWS} rows`);
  await buildImage({
    host,
    reporter: silentReporter,
    definition: await loadImageDefinition(path.join(dir, 'dataclone.yaml')),
    tag: image,
  });
  const figures = {
    with: [] as number[],
    without: [] as number[],
    stepWith: [] as number[],
    stepWithout: [] as number[],
    serverCpuWith: [] as number[],
    serverCpuWithout: [] as number[],
    clientCpuWith: [] as number[],
    clientCpuWithout: [] as number[],
  };
  const samplers: { samples: number; queryMs: number; intervalMs: number; snapshotMs: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const checked of run % 2 === 0 ? [true, false] : [false, true]) {
      const job: Job = { host, reporter: silentReporter, owner: OWNER };
      const { clones } = await provision(job, { image });
      const containerId = clones[0]?.containerId ?? '';
      try {
        const serverCpu = await containerCpuMs(host, containerId);
        const clientCpu = process.cpuUsage();
        const result = await migrate(job, {
          migrations: { shop: [path.join(dir, 'migrations')] },
          flyway: { executable: FLYWAY },
          checks: { enabled: checked },
        });
        const client = process.cpuUsage(clientCpu);
        (checked ? figures.clientCpuWith : figures.clientCpuWithout).push(
          Math.round((client.user + client.system) / 1000),
        );
        (checked ? figures.serverCpuWith : figures.serverCpuWithout).push(
          Math.round((await containerCpuMs(host, containerId)) - serverCpu),
        );
        const flywayMs = result.databases[0]?.migrations.reduce((sum, m) => sum + m.executionTimeMs, 0) ?? 0;
        (checked ? figures.with : figures.without).push(flywayMs);
        (checked ? figures.stepWith : figures.stepWithout).push(result.durationMs);
        const checks = result.checks[0];
        if (checks)
          samplers.push({
            samples: checks.samples,
            queryMs: checks.sampleQueryMs,
            intervalMs: checks.intervalMs,
            snapshotMs: checks.snapshotMs,
          });
        log(
          `${engine} run ${run + 1} ${checked ? 'with' : 'without'} checks: migrations ${flywayMs} ms, step ${result.durationMs} ms`,
        );
        if (checks && run === 0)
          for (const m of checks.migrations)
            log(
              `  ${m.migration}: ${m.durationMs} ms; ${m.locks.map((l) => `${l.mode} on ${l.table} ${l.heldMs} ms`).join(', ') || 'no lock seen'}; ${m.rewrites.map((r) => `${r.copied ? 'copied' : 'rewrote'} ${r.table}`).join(', ') || 'no rewrite'}; rows ${m.rowsTouched === 'unknown' ? 'unknown' : m.rowsTouched.map((r) => `${r.table} +${r.inserted} ~${r.updated} -${r.deleted}`).join(', ') || 'none'}`,
            );
      } finally {
        await teardown(job);
      }
    }
  }
  if (RUNS === 0) {
    console.log(JSON.stringify({ engine, sampleCost: await sampleCost(host, image, engine, dir) }));
    return;
  }
  const [withChecks, without] = [stats(figures.with).median, stats(figures.without).median];
  const [stepWith, stepWithout] = [stats(figures.stepWith).median, stats(figures.stepWithout).median];
  console.log(
    JSON.stringify({
      engine,
      rows: ROWS,
      runs: RUNS,
      cores: os.cpus().length,
      migrationsMs: {
        with: figures.with,
        without: figures.without,
        medianWith: withChecks,
        medianWithout: without,
      },
      migrationsOverheadPercent: Math.round(((withChecks - without) / without) * 1000) / 10,
      stepMs: { medianWith: stepWith, medianWithout: stepWithout },
      stepOverheadPercent: Math.round(((stepWith - stepWithout) / stepWithout) * 1000) / 10,
      serverCpuMs: {
        with: figures.serverCpuWith,
        without: figures.serverCpuWithout,
        medianWith: stats(figures.serverCpuWith).median,
        medianWithout: stats(figures.serverCpuWithout).median,
      },
      clientCpuMs: {
        medianWith: stats(figures.clientCpuWith).median,
        medianWithout: stats(figures.clientCpuWithout).median,
      },
      sampleCost: await sampleCost(host, image, engine, dir),
      sampler: {
        intervalMs: samplers[0]?.intervalMs,
        samplesMedian: stats(samplers.map((s) => s.samples)).median,
        queryMsMedian: stats(samplers.map((s) => s.queryMs)).median,
        snapshotMsMedian: stats(samplers.map((s) => s.snapshotMs)).median,
      },
    }),
  );
}

/** The CPU one lock sample costs the server and this process, on an idle clone: N samples in a row. */
async function sampleCost(host: DockerHost, image: string, engine: string, dir: string) {
  const count = 400;
  const job: Job = { host, reporter: silentReporter, owner: OWNER };
  const { clones } = await provision(job, { image });
  try {
    // Migrated first, so that the samples count the rows of a history table, as during a migrate.
    await migrate(job, {
      migrations: { shop: [path.join(dir, 'migrations')] },
      flyway: { executable: FLYWAY },
      checks: { enabled: false },
    });
    const clone = clones[0]!;
    const url = clone.connection.databases.find((db) => db.name === 'shop')!.url;
    const history = { schema: engine === 'postgres' ? 'public' : 'shop', table: 'flyway_schema_history' };
    const observer =
      engine === 'postgres'
        ? await openPostgresObserver(url, history)
        : await openMysqlObserver(url, history);
    try {
      await observer.begin();
      const server = await containerCpuMs(host, clone.containerId);
      const client = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < count; i++) await observer.sample();
      const wallMs = performance.now() - started;
      const clientUsed = process.cpuUsage(client);
      const serverMs = (await containerCpuMs(host, clone.containerId)) - server;
      return {
        samples: count,
        serverCpuMsPerSample: Math.round((serverMs / count) * 100) / 100,
        clientCpuMsPerSample: Math.round(((clientUsed.user + clientUsed.system) / 1000 / count) * 100) / 100,
        wallMsPerSample: Math.round((wallMs / count) * 100) / 100,
      };
    } finally {
      await observer.close();
    }
  } finally {
    await teardown(job);
  }
}

/** CPU time the container has used so far (its cgroup's), in milliseconds. */
async function containerCpuMs(host: DockerHost, id: string): Promise<number> {
  const stats = (await host.docker.getContainer(id).stats({ stream: false })) as {
    cpu_stats: { cpu_usage: { total_usage: number } };
  };
  return stats.cpu_stats.cpu_usage.total_usage / 1e6;
}

await main();
