import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Clone } from '../src/clones/clone.js';
import { createClone } from '../src/clones/create-clone.js';
import { removeClone } from '../src/clones/remove-clone.js';
import { resetClone } from '../src/clones/reset-clone.js';
import { silentReporter } from '../src/core/reporter.js';
import { loadImageDefinition } from '../src/definition/load-image-definition.js';
import type { DockerHost } from '../src/docker/docker-host.js';
import { engineFor } from '../src/engines/index.js';
import { buildImage } from '../src/images/build-image.js';
import { readDataImage } from '../src/images/data-image.js';
import { hostNetworkingWorks, type CloneNetworking } from '../src/clones/clone-networking.js';
import { sharesDockerNetwork } from '../src/docker/shares-docker-network.js';
import {
  dumpDatabase,
  restoreIntoFreshContainer,
  restoreIntoSharedServer,
  startScratchServer,
} from './baselines.js';
import type { Dataset } from './datasets.js';
import { memoryBytes, writableLayerBytes } from './docker-usage.js';
import { connect } from './sql-client.js';
import { log, stats, timed, type Stats } from './stats.js';

export interface BenchSettings {
  runs: number;
  baselineRuns: number;
  parallel: number[];
  /** Measure reset with a warm standby (its proxy needs the engine's embedded DNS). */
  standby: boolean;
  /** Measure create, reset and remove of clones with host networking too (where it works). */
  hostNetworking: boolean;
  owner: string;
}

export interface DatasetResult {
  dataset: string;
  engine: string;
  sizeMb: number;
  imageSizeMb: number;
  buildSeconds: number;
  createMs: Stats;
  resetMs: Stats;
  /** Reset of a clone with a warm standby, to the first query answered by the fresh server. */
  standbyResetMs?: Stats;
  /** The same cycle with host networking, for images whose databases do not connect to themselves. */
  hostNetworking?: { createMs: Stats; resetMs: Stats; removeMs: Stats };
  removeMs: Stats;
  /** Docker alone: a container of the data image with a published port, started to exit, no server. */
  dockerFloorMs?: Stats;
  /** A fresh clone: its writable layer (bytes) and memory without page cache (bytes). */
  freshCloneDiskBytes: number;
  freshCloneMemoryBytes: number;
  /** First and second single-row UPDATE of the large table in a fresh clone, and the disk it took. */
  firstWrite?: { firstMs: Stats; secondMs: Stats; diskAfterBytes: number };
  /**
   * A full scan of the large table in a fresh clone, then again. The server opens table files
   * read-write, and overlayfs copies a file into the clone when it is opened so: on ext4 the
   * first read pays for a copy of the table; with reflinks (XFS, btrfs) it does not.
   */
  firstRead?: { firstMs: Stats; secondMs: Stats; diskAfterBytes: number };
  baselines?: { dumpMb: number; freshContainerRestoreMs: Stats; sharedServerRestoreMs: Stats };
  parallel?: { clones: number; wallMs: number; perCloneDiskBytes: number; perCloneMemoryBytes: number }[];
}

export async function measureDataset(host: DockerHost, dataset: Dataset, settings: BenchSettings) {
  const tag = `dataclone-bench/${dataset.name}:${process.pid}`;
  log(`${dataset.name}: building the data image`);
  const definition = await loadImageDefinition(dataset.definition);
  const built = await buildImage({ host, reporter: silentReporter, definition, tag });
  log(`${dataset.name}: built in ${(built.durationMs / 1000).toFixed(1)} s`);
  // Building writes the whole image to disk; let the kernel flush it, and start one clone that
  // is not counted, so the runs measure clones, not the tail of the build.
  execFileSync('sync');
  const clone = (name: string, networking: CloneNetworking = 'bridge') =>
    createClone({ host, reporter: silentReporter, image: tag, name, owner: settings.owner, networking });
  await removeClone({
    host,
    reporter: silentReporter,
    name: (await clone(`bench-${process.pid}-warm`)).clone.name,
  });

  const scratch = await mkdtemp(path.join(os.tmpdir(), 'dataclone-bench-dump-'));
  try {
    const firstWrite: number[] = [];
    const secondWrite: number[] = [];
    let freshDisk = 0;
    let freshMemory = 0;
    let diskAfterWrite = 0;
    const { create, reset, remove } = await measureCycles(host, dataset, settings, (name) => clone(name), {
      label: 'run',
      prefix: 'c',
      onFresh: async (created) => {
        freshDisk = await writableLayerBytes(host, created.containerId);
        freshMemory = await memoryBytes(host, created.containerId);
      },
    });
    // The first write to a large table copies its files into the clone: measured apart, so
    // that copy does not weigh on the create and reset figures above.
    for (let run = 0; dataset.largeTable && run < settings.runs; run++) {
      execFileSync('sync');
      const name = `bench-${process.pid}-w${run}`;
      const created = await clone(name);
      const [first, second] = await measureFirstWrite(created.clone, dataset.largeTable);
      firstWrite.push(first);
      secondWrite.push(second);
      if (run === 0) diskAfterWrite = await writableLayerBytes(host, created.clone.containerId);
      await removeClone({ host, reporter: silentReporter, name });
      log(`${dataset.name} first write ${first} ms, second ${second} ms`);
    }
    const firstRead: number[] = [];
    const secondRead: number[] = [];
    let diskAfterRead = 0;
    for (let run = 0; dataset.largeTable && run < settings.runs; run++) {
      execFileSync('sync');
      const name = `bench-${process.pid}-r${run}`;
      const created = await clone(name);
      const client = await connect(created.clone, created.clone.connection.primaryDatabase);
      const [, first] = await timed(() => client.query(`SELECT count(*) FROM ${dataset.largeTable}`));
      const [, second] = await timed(() => client.query(`SELECT count(*) FROM ${dataset.largeTable}`));
      await client.close();
      firstRead.push(first);
      secondRead.push(second);
      if (run === 0) diskAfterRead = await writableLayerBytes(host, created.clone.containerId);
      await removeClone({ host, reporter: silentReporter, name });
      log(`${dataset.name} first read ${first} ms, second ${second} ms`);
    }

    const dockerFloor = await measureDockerFloor(host, dataset, tag, settings);

    const result: DatasetResult = {
      dataset: dataset.name,
      engine: dataset.engine,
      sizeMb: dataset.sizeMb,
      imageSizeMb: Math.round(built.sizeBytes / 2 ** 20),
      buildSeconds: Math.round(built.durationMs / 100) / 10,
      createMs: stats(create),
      resetMs: stats(reset),
      removeMs: stats(remove),
      dockerFloorMs: stats(dockerFloor),
      freshCloneDiskBytes: freshDisk,
      freshCloneMemoryBytes: freshMemory,
      firstWrite: dataset.largeTable
        ? { firstMs: stats(firstWrite), secondMs: stats(secondWrite), diskAfterBytes: diskAfterWrite }
        : undefined,
      firstRead: dataset.largeTable
        ? { firstMs: stats(firstRead), secondMs: stats(secondRead), diskAfterBytes: diskAfterRead }
        : undefined,
    };

    // Baselines restore a dump of the generated datasets (the samples need their roles and links).
    if (settings.standby) result.standbyResetMs = await measureStandbyReset(host, dataset, tag, settings);
    const hostNetworking =
      settings.hostNetworking &&
      hostNetworkingWorks(
        await host.facts(),
        process.env.DOCKER_HOST,
        process.platform,
        sharesDockerNetwork,
      ) &&
      (await readDataImage(host, tag)).connectsToItself === false;
    if (hostNetworking) {
      // The same cycles without a network namespace, veth pair, NAT rules or docker-proxy.
      const cycles = await measureCycles(host, dataset, settings, (name) => clone(name, 'host'), {
        label: 'host networking run',
        prefix: 'h',
      });
      result.hostNetworking = {
        createMs: stats(cycles.create),
        resetMs: stats(cycles.reset),
        removeMs: stats(cycles.remove),
      };
    }
    if (settings.baselineRuns > 0 && dataset.largeTable)
      result.baselines = await measureBaselines(host, dataset, tag, scratch, settings);
    if (settings.parallel.length) result.parallel = await measureParallel(host, dataset, clone, settings);
    return result;
  } finally {
    await rm(scratch, { recursive: true, force: true });
    for (const id of await host.findContainers({ 'dataclone.owner': settings.owner }))
      await host.removeContainer(id);
    await host.removeImage(tag);
  }
}

/**
 * `settings.runs` cycles of create, a small write (so the reset has something to throw away),
 * reset and remove, each on a quiet disk: what the previous run wrote is flushed first.
 */
async function measureCycles(
  host: DockerHost,
  dataset: Dataset,
  settings: BenchSettings,
  clone: (name: string) => ReturnType<typeof createClone>,
  options: { label: string; prefix: string; onFresh?: (created: Clone) => Promise<void> },
) {
  const create: number[] = [];
  const reset: number[] = [];
  const remove: number[] = [];
  for (let run = 0; run < settings.runs; run++) {
    const name = `bench-${process.pid}-${options.prefix}${run}`;
    execFileSync('sync');
    const created = await clone(name);
    create.push(created.durationMs);
    if (run === 0) await options.onFresh?.(created.clone);
    const client = await connect(created.clone, created.clone.connection.primaryDatabase);
    await client.query('CREATE TABLE bench_write (x int)');
    await client.close();
    reset.push((await resetClone({ host, reporter: silentReporter, name })).durationMs);
    remove.push((await removeClone({ host, reporter: silentReporter, name })).durationMs);
    log(
      `${dataset.name} ${options.label} ${run + 1}: create ${create.at(-1)} ms, reset ${reset.at(-1)} ms, remove ${remove.at(-1)} ms`,
    );
  }
  return { create, reset, remove };
}

/**
 * Docker alone, the floor under a clone's start: a container of the data image with its port
 * published on 127.0.0.1 as a clone's is, created, started and run to exit (`true`, no server).
 */
async function measureDockerFloor(host: DockerHost, dataset: Dataset, tag: string, settings: BenchSettings) {
  const { port } = engineFor(dataset.engine);
  const times: number[] = [];
  for (let run = 0; run < settings.runs; run++) {
    execFileSync('sync');
    const [id, ms] = await timed(async () => {
      const created = await host.createContainer({
        name: `bench-${process.pid}-floor${run}`,
        image: tag,
        labels: { 'dataclone.owner': settings.owner },
        entrypoint: ['true'],
        cmd: [],
        publish: { containerPort: port, bindAddress: '127.0.0.1' },
      });
      await host.startContainer(created);
      await host.waitForExit(created);
      return created;
    });
    await host.removeContainer(id);
    times.push(ms);
  }
  log(`${dataset.name}: Docker alone ${times.join(', ')} ms`);
  return times;
}

async function measureStandbyReset(host: DockerHost, dataset: Dataset, tag: string, settings: BenchSettings) {
  const name = `bench-${process.pid}-standby`;
  const { clone } = await createClone({
    host,
    reporter: silentReporter,
    image: tag,
    name,
    owner: settings.owner,
    standby: true,
  });
  const resets: number[] = [];
  try {
    for (let run = 0; run < settings.runs; run++) {
      const client = await connect(clone, clone.connection.primaryDatabase);
      await client.query('CREATE TABLE bench_write (x int)');
      await client.close();
      // The next standby starts after each handover; give it the time a test stage would.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      resets.push((await resetClone({ host, reporter: silentReporter, name })).durationMs);
    }
  } finally {
    await removeClone({ host, reporter: silentReporter, name });
  }
  log(`${dataset.name}: reset with a standby ${resets.join(', ')} ms`);
  return stats(resets);
}

async function measureFirstWrite(clone: Clone, table: string): Promise<[number, number]> {
  const client = await connect(clone, clone.connection.primaryDatabase);
  try {
    const [, first] = await timed(() =>
      client.query(`UPDATE ${table} SET account = account + 1 WHERE id = 1`),
    );
    const [, second] = await timed(() =>
      client.query(`UPDATE ${table} SET account = account + 1 WHERE id = 2`),
    );
    return [first, second];
  } finally {
    await client.close();
  }
}

/** A dump of the dataset's databases (into `scratch`), restored `baselineRuns` times. */
export async function measureBaselines(
  host: DockerHost,
  dataset: Dataset,
  tag: string,
  scratch: string,
  settings: BenchSettings,
  /** The host port of the clone the dump is taken from (default: one Docker picks). */
  port?: number,
) {
  const definition = await loadImageDefinition(dataset.definition);
  const engine = engineFor(definition.engine);
  const source = await createClone({
    host,
    reporter: silentReporter,
    image: tag,
    name: `bench-${process.pid}-dump`,
    owner: settings.owner,
    port,
  });
  const dumps = [];
  for (const db of definition.databases) {
    const dumped = await dumpDatabase(host, source.clone, db.name, path.join(scratch, `${db.name}.dump`));
    dumps.push({ name: db.name, source: dumped, dependsOn: db.dependsOn });
  }
  await removeClone({ host, reporter: silentReporter, name: source.clone.name });
  const dumpBytes = (await Promise.all(dumps.map((d) => stat(d.source.path)))).reduce(
    (sum, s) => sum + s.size,
    0,
  );
  log(`${dataset.name}: baselines restore a ${(dumpBytes / 2 ** 20).toFixed(1)} MB dump`);

  const fresh: number[] = [];
  const shared: number[] = [];
  const server = await startScratchServer(host, engine, definition.baseImage);
  try {
    for (let run = 0; run < settings.baselineRuns; run++) {
      let total = 0;
      for (const db of dumps)
        total += await restoreIntoFreshContainer(host, engine, definition.baseImage, db);
      fresh.push(total);
      let sharedTotal = 0;
      for (const db of dumps) sharedTotal += await restoreIntoSharedServer(engine, server, db, run);
      shared.push(sharedTotal);
      log(
        `${dataset.name} baseline run ${run + 1}: fresh container + restore ${fresh.at(-1)} ms, shared server restore ${shared.at(-1)} ms`,
      );
    }
  } finally {
    await server.remove();
  }
  return {
    dumpMb: Math.round((dumpBytes / 2 ** 20) * 10) / 10,
    freshContainerRestoreMs: stats(fresh),
    sharedServerRestoreMs: stats(shared),
  };
}

async function measureParallel(
  host: DockerHost,
  dataset: Dataset,
  clone: (name: string) => ReturnType<typeof createClone>,
  settings: BenchSettings,
) {
  const results = [];
  for (const count of settings.parallel) {
    const names = Array.from({ length: count }, (_, i) => `bench-${process.pid}-p${count}-${i}`);
    const [created, wallMs] = await timed(() => Promise.all(names.map((name) => clone(name))));
    const disk = await Promise.all(created.map((c) => writableLayerBytes(host, c.clone.containerId)));
    const memory = await Promise.all(created.map((c) => memoryBytes(host, c.clone.containerId)));
    await Promise.all(names.map((name) => removeClone({ host, reporter: silentReporter, name })));
    const average = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) / values.length);
    results.push({
      clones: count,
      wallMs,
      perCloneDiskBytes: average(disk),
      perCloneMemoryBytes: average(memory),
    });
    log(`${dataset.name}: ${count} clone(s) in parallel ready in ${wallMs} ms`);
  }
  return results;
}
