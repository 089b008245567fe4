import { execFileSync } from 'node:child_process';
import { readFile, statfs } from 'node:fs/promises';
import type { Clone } from '../src/clones/clone.js';
import { createClone } from '../src/clones/create-clone.js';
import { removeClone } from '../src/clones/remove-clone.js';
import { silentReporter } from '../src/core/reporter.js';
import { loadImageDefinition } from '../src/definition/load-image-definition.js';
import type { DockerHost } from '../src/docker/docker-host.js';
import { Labels } from '../src/docker/labels.js';
import { buildImage } from '../src/images/build-image.js';
import {
  clonesPerNode,
  cloneSteps,
  degradation,
  type CloneCost,
  type NodeEstimate,
  type NodeSize,
  type StepFigures,
} from './capacity-model.js';
import type { Dataset } from './datasets.js';
import { coresUsed, usageSample, writableLayersBytes, type UsageSample } from './docker-usage.js';
import { connect, type SqlClient } from './sql-client.js';
import { log, stats, timed, type Stats } from './stats.js';

export interface CapacitySettings {
  /** The last step: never more clones than this at once. */
  maxClones: number;
  /** Queries per second each clone is sent under load (pgbench --rate style: a paced load). */
  rate: number;
  /** How long each step's load lasts; every clone gets rate × seconds queries at most. */
  loadSeconds: number;
  /** The window over which idle CPU is measured. */
  idleSeconds: number;
  /** One more clone is created (and removed) this many times per step: the create time. */
  probeRuns: number;
  /** No step may take the clones' memory past this. */
  memoryLimitBytes: number;
  /** No step may leave less than this free under Docker's root. */
  minFreeDiskBytes: number;
  /** Where the model extrapolates to (besides this machine). */
  largeNode: NodeSize;
  owner: string;
}

/** Means over the step's clones. */
export interface CloneUsage {
  /** Without the page cache the kernel reclaims first (docker stats' figure, the kubelet's working set). */
  memoryBytes: number;
  /** Anonymous and shared memory only: the part no page cache reclaim frees. */
  anonymousBytes: number;
  /** The writable layer, as Docker counts it. */
  diskBytes: number;
  cpuCores: number;
}

export interface CapacityStep {
  clones: number;
  /** Creates of the clones this step added, one after another, the others idle. */
  addedCreateMs: Stats;
  /** One more clone created while the step's clones run idle (then removed): the 2× rule's create time. */
  createMs: Stats;
  /** First query of each added clone on the large table (on ext4 it copies the table's files up). */
  firstQueryMs: Stats;
  idle: CloneUsage;
  load: CloneUsage & {
    /** From the time each query was due to its answer, so a server that falls behind shows. */
    queryMs: Stats;
    queries: number;
    /** Queries the load had no time left to send (the step's time bound is twice its length). */
    notSent: number;
    queriesPerSecond: number;
    /** CPU this process (the load's client) used meanwhile: it shares the machine's cores. */
    loadGeneratorCores: number;
  };
  hostMemoryAvailableBytes?: number;
  freeDiskBytes?: number;
}

export interface CapacityResult {
  dataset: string;
  engine: string;
  sizeMb: number;
  imageSizeMb: number;
  steps: CapacityStep[];
  /** Why the steps stopped: the 2× rule, a limit or the cap. */
  stoppedBecause: string;
  /** Clones of the last step within the 2× rule: what this machine holds under the load. */
  heldClones: number;
  model: {
    cost: CloneCost;
    /** True when no step degraded (the cap or a limit came first): clonesPerCore is a lower bound. */
    clonesPerCoreIsLowerBound: boolean;
    thisMachine: NodeEstimate;
    largeNode: NodeEstimate;
  };
}

/**
 * Grows the number of clones of one data image step by step (1, 2, 4, ...) and measures each
 * step idle and under a small paced load, until create time or query latency doubles against the
 * first step, memory or disk would run short, or the cap is reached. Removes every clone and the
 * image it made, also on failure.
 */
export async function measureCapacity(
  host: DockerHost,
  dataset: Dataset,
  settings: CapacitySettings,
): Promise<CapacityResult> {
  const table = dataset.largeTable;
  const rows = dataset.rows;
  if (!table || !rows) throw new Error(`${dataset.name}: the capacity load needs a generated dataset`);
  const tag = `dataclone-bench/${dataset.name}:${process.pid}`;
  log(`${dataset.name}: building the data image`);
  const definition = await loadImageDefinition(dataset.definition);
  const built = await buildImage({ host, reporter: silentReporter, definition, tag });
  log(`${dataset.name}: built in ${(built.durationMs / 1000).toFixed(1)} s`);
  const create = (name: string) =>
    createClone({ host, reporter: silentReporter, image: tag, name, owner: settings.owner });
  const load: Load = { table, rows, rate: settings.rate, seconds: settings.loadSeconds };
  try {
    execFileSync('sync');
    const facts = await host.facts();
    // The first clone after a build pays for cold caches: one that is not counted goes first, so
    // the first step (the 2× rule's yardstick) measures clones, not the tail of the build.
    const warm = await create(`bench-${process.pid}-warm`);
    await removeClone({ host, reporter: silentReporter, name: warm.clone.name });
    const clones: Clone[] = [];
    const steps: CapacityStep[] = [];
    let first: StepFigures | undefined;
    let stoppedBecause = `the cap of ${settings.maxClones} clones`;
    let degraded = false;
    let heldClones = 0;
    const freeDiskAtStart = await freeDiskBytes(facts.rootDir);
    for (const count of cloneSteps(settings.maxClones)) {
      const shortage = await shortageBefore(steps.at(-1), count, settings, facts.rootDir);
      if (shortage) {
        stoppedBecause = shortage;
        break;
      }
      const step = await measureStep(host, clones, count, create, load, settings);
      steps.push(step);
      log(
        `${dataset.name}: ${count} clone(s): create ${step.createMs.median} ms, query ${step.load.queryMs.median} / ${step.load.queryMs.p95} ms (median / p95), ${mib(step.load.memoryBytes)} MiB and ${mib(step.load.diskBytes)} MiB disk per clone, ${step.load.cpuCores.toFixed(3)} cores per clone under load`,
      );
      const figures = { createMs: step.createMs.median, queryMs: step.load.queryMs.median };
      first ??= figures;
      const reason = degradation(first, figures);
      if (reason) {
        stoppedBecause = `${count} clones: ${reason}`;
        degraded = true;
        break;
      }
      heldClones = count;
    }
    const thisMachine: NodeSize = {
      cores: facts.cpus,
      memoryBytes: facts.memoryBytes,
      // Unknown (a remote engine): then disk does not enter the estimate.
      diskBytes: freeDiskAtStart ?? Number.POSITIVE_INFINITY,
    };
    return {
      dataset: dataset.name,
      engine: dataset.engine,
      sizeMb: dataset.sizeMb,
      imageSizeMb: Math.round(built.sizeBytes / 2 ** 20),
      steps,
      stoppedBecause,
      heldClones,
      model: capacityModel(steps, heldClones, degraded, thisMachine, settings.largeNode),
    };
  } finally {
    for (const id of await host.findContainers({ [Labels.owner]: settings.owner }))
      await host.removeContainer(id);
    await host.removeImage(tag);
  }
}

/** Grows `clones` to `count` (each new one created, then queried once), then measures the step. */
async function measureStep(
  host: DockerHost,
  clones: Clone[],
  count: number,
  create: (name: string) => ReturnType<typeof createClone>,
  load: Load,
  settings: CapacitySettings,
): Promise<CapacityStep> {
  const added: number[] = [];
  const firstQuery: number[] = [];
  while (clones.length < count) {
    const created = await create(`bench-${process.pid}-k${clones.length}`);
    added.push(created.durationMs);
    clones.push(created.clone);
    firstQuery.push(await timeFirstQuery(created.clone, load));
  }
  const probes: number[] = [];
  for (let run = 0; run < settings.probeRuns; run++) {
    const probe = await create(`bench-${process.pid}-probe`);
    probes.push(probe.durationMs);
    await removeClone({ host, reporter: silentReporter, name: probe.clone.name });
  }
  const idle = await measureIdle(host, clones, settings.idleSeconds);
  const loaded = await measureLoad(host, clones, load);
  return {
    clones: count,
    addedCreateMs: stats(added),
    createMs: stats(probes),
    firstQueryMs: stats(firstQuery),
    idle,
    load: loaded,
    ...(await hostRoom((await host.facts()).rootDir)),
  };
}

/** The model's inputs from the held step, and its estimates for this machine and the large node. */
function capacityModel(
  steps: CapacityStep[],
  heldClones: number,
  degraded: boolean,
  thisMachine: NodeSize,
  largeNode: NodeSize,
): CapacityResult['model'] {
  const held = steps.find((step) => step.clones === heldClones) ?? steps[0];
  const cost: CloneCost = {
    memoryBytes: held?.load.memoryBytes ?? 0,
    diskBytes: held?.load.diskBytes ?? 0,
    clonesPerCore: heldClones / Math.max(1, thisMachine.cores),
  };
  return {
    cost,
    clonesPerCoreIsLowerBound: !degraded,
    thisMachine: clonesPerNode(thisMachine, cost),
    largeNode: clonesPerNode(largeNode, cost),
  };
}

/** The load each clone gets: point reads of random rows of the large table, every tenth an update. */
interface Load {
  table: string;
  rows: number;
  rate: number;
  seconds: number;
}

function loadQuery(load: Load, index: number): string {
  const id = 1 + Math.floor(Math.random() * load.rows);
  return index % 10 === 9
    ? `UPDATE ${load.table} SET account = account + 1 WHERE id = ${id}`
    : `SELECT payload FROM ${load.table} WHERE id = ${id}`;
}

async function timeFirstQuery(clone: Clone, load: Load): Promise<number> {
  const client = await connect(clone, clone.connection.primaryDatabase);
  try {
    return (await timed(() => client.query(loadQuery(load, 0))))[1];
  } finally {
    await client.close();
  }
}

async function measureIdle(host: DockerHost, clones: Clone[], seconds: number): Promise<CloneUsage> {
  const before = await sampleAll(host, clones);
  await sleep(seconds * 1000);
  const after = await sampleAll(host, clones);
  return usageOf(
    before,
    after,
    await writableLayersBytes(
      host,
      clones.map((clone) => clone.containerId),
    ),
  );
}

async function measureLoad(host: DockerHost, clones: Clone[], load: Load): Promise<CapacityStep['load']> {
  const clients = await Promise.all(clones.map((clone) => connect(clone, clone.connection.primaryDatabase)));
  try {
    const before = await sampleAll(host, clones);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const runs = await Promise.all(clients.map((client) => runLoad(client, load)));
    const elapsedMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const after = await sampleAll(host, clones);
    const latencies = runs.flatMap((run) => run.latencies);
    return {
      ...usageOf(
        before,
        after,
        await writableLayersBytes(
          host,
          clones.map((clone) => clone.containerId),
        ),
      ),
      queryMs: stats(latencies),
      queries: latencies.length,
      notSent: runs.reduce((sum, run) => sum + run.notSent, 0),
      queriesPerSecond: Math.round(latencies.length / (elapsedMs / 1000)),
      loadGeneratorCores: round((cpu.user + cpu.system) / 1000 / elapsedMs, 3),
    };
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}

/**
 * `rate × seconds` queries, each sent when it is due (or at once when the server is behind),
 * its latency counted from when it was due; stops sending at twice the planned time.
 */
async function runLoad(client: SqlClient, load: Load): Promise<{ latencies: number[]; notSent: number }> {
  const count = Math.max(1, Math.round(load.rate * load.seconds));
  const started = performance.now();
  const deadline = started + 2 * load.seconds * 1000;
  const latencies: number[] = [];
  for (let index = 0; index < count; index++) {
    const due = started + (index * 1000) / load.rate;
    const now = performance.now();
    if (now > deadline) return { latencies, notSent: count - index };
    if (due > now) await sleep(due - now);
    await client.query(loadQuery(load, index));
    latencies.push(round(performance.now() - due, 2));
  }
  return { latencies, notSent: 0 };
}

function sampleAll(host: DockerHost, clones: Clone[]): Promise<UsageSample[]> {
  return Promise.all(clones.map((clone) => usageSample(host, clone.containerId)));
}

function usageOf(before: UsageSample[], after: UsageSample[], disk: number[]): CloneUsage {
  const cores = after.map((sample, index) => {
    const earlier = before[index];
    return earlier ? coresUsed(earlier, sample) : 0;
  });
  return {
    memoryBytes: Math.round(mean(after.map((sample) => sample.memoryBytes))),
    anonymousBytes: Math.round(mean(after.map((sample) => sample.anonymousBytes))),
    diskBytes: Math.round(mean(disk)),
    cpuCores: round(mean(cores), 4),
  };
}

/** Why growing to `count` clones would run short of memory or disk, judged by the last step; or undefined. */
async function shortageBefore(
  previous: CapacityStep | undefined,
  count: number,
  settings: CapacitySettings,
  rootDir: string,
): Promise<string | undefined> {
  if (!previous) return undefined;
  const added = count - previous.clones;
  const memory = count * previous.load.memoryBytes;
  if (memory > settings.memoryLimitBytes)
    return `${count} clones would use about ${gib(memory)} GiB of memory, over the limit of ${gib(settings.memoryLimitBytes)} GiB (BENCH_CAPACITY_MEMORY_GIB)`;
  const room = await hostRoom(rootDir);
  // Other processes share the machine: leave them 2 GiB of what is available now.
  if (room.hostMemoryAvailableBytes !== undefined) {
    const spare = room.hostMemoryAvailableBytes - 2 * 2 ** 30;
    if (added * previous.load.memoryBytes > spare)
      return `${added} more clones would need about ${gib(added * previous.load.memoryBytes)} GiB of memory; ${gib(Math.max(0, spare))} GiB are spare`;
  }
  if (room.freeDiskBytes !== undefined) {
    const spare = room.freeDiskBytes - settings.minFreeDiskBytes;
    if (added * previous.load.diskBytes > spare)
      return `${added} more clones would write about ${gib(added * previous.load.diskBytes)} GiB; ${gib(Math.max(0, spare))} GiB are spare under ${rootDir} (BENCH_CAPACITY_MIN_FREE_GIB)`;
  }
  return undefined;
}

/** Memory available and disk free on this machine, where they can be read (Docker runs here). */
async function hostRoom(
  rootDir: string,
): Promise<{ hostMemoryAvailableBytes?: number; freeDiskBytes?: number }> {
  const memory = await availableMemoryBytes();
  const disk = await freeDiskBytes(rootDir);
  return {
    ...(memory === undefined ? {} : { hostMemoryAvailableBytes: memory }),
    ...(disk === undefined ? {} : { freeDiskBytes: disk }),
  };
}

async function availableMemoryBytes(): Promise<number | undefined> {
  const meminfo = await readFile('/proc/meminfo', 'utf8').catch(() => '');
  const kib = /^MemAvailable:\s+(\d+) kB/m.exec(meminfo)?.[1];
  return kib === undefined ? undefined : Number(kib) * 1024;
}

async function freeDiskBytes(rootDir: string): Promise<number | undefined> {
  try {
    const fs = await statfs(rootDir);
    return fs.bavail * fs.bsize;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(1);
