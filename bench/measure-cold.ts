import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createClone } from '../src/clones/create-clone.js';
import { removeClone } from '../src/clones/remove-clone.js';
import { silentReporter } from '../src/core/reporter.js';
import { loadImageDefinition } from '../src/definition/load-image-definition.js';
import type { DockerHost } from '../src/docker/docker-host.js';
import { buildImage } from '../src/images/build-image.js';
import { pullImage, pushImage } from '../src/images/registry.js';
import { startRegistry, type TestRegistry } from '../test/support/registry.js';
import type { Dataset } from './datasets.js';
import { measureBaselines, type BenchSettings } from './measure-dataset.js';
import { copyImageFromMain, runnerClonePort, startRunnerEngine, type RunnerEngine } from './runner-engine.js';
import { log, stats, timed, type Stats } from './stats.js';

/** A pull onto a runner and the clones after it, over several runs. */
export interface ColdPull {
  /** Download and unpacking, as `image pull` reports it. */
  pullMs: Stats;
  /** Writing the image to disk, the last step of `image pull` (absent in runs from before it did). */
  flushMs?: Stats;
  /** Dirty page cache when `image pull` returned (Dirty in /proc/meminfo, machine-wide), MB. */
  dirtyMbAfterPull: Stats;
  /** The first clone right after the pull, to its first query answered. */
  firstCreateMs: Stats;
  /** The clone after it, from the same image. */
  nextCreateMs: Stats;
}

export interface ColdResult {
  dataset: string;
  engine: string;
  sizeMb: number;
  imageSizeMb: number;
  /** What the registry holds for the image (compressed layers and config), MB. */
  registryMb: number;
  pushMs: number;
  /** A runner with neither the data image nor its base image: every layer is pulled. */
  baseAbsent: ColdPull;
  /** A runner with the base image (the usual case: a runner image with postgres:15 on it). */
  basePresent: ColdPull;
  /** The same, the engine decompressing with Go's gzip instead of unpigz. */
  basePresentWithoutUnpigz?: ColdPull;
  /** What a runner does without data images: download the dump, restore it into a fresh container. */
  baseline: { dumpMb: number; transferMs: Stats; freshContainerRestoreMs: Stats };
}

/**
 * A cold runner: the data image is pushed to a registry on 127.0.0.1 (no network limit, so the
 * figures are the engine's own costs: decompression and writing), then pulled onto a Docker
 * Engine of the bench's own that has never seen it, and cloned; against downloading the dump of
 * the same data from 127.0.0.1 and restoring it into a fresh container, on the same engine.
 */
export async function measureCold(host: DockerHost, dataset: Dataset, settings: BenchSettings) {
  const registry = await startRegistry();
  inFlight.add(() => registry.stop());
  const reference = `${registry.address}/dataclone-bench/${dataset.name}:${process.pid}`;
  const credentials = { user: registry.user, password: registry.password };
  const definition = await loadImageDefinition(dataset.definition);
  const runners: RunnerEngine[] = [];
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'dataclone-bench-cold-'));
  try {
    log(`${dataset.name}: building the data image`);
    const built = await buildImage({ host, reporter: silentReporter, definition, tag: reference });
    const [, pushMs] = await timed(() =>
      pushImage({ host, reporter: silentReporter, reference, credentials }),
    );
    const registryMb = await registryBytes(registry, reference).then((bytes) => round(bytes / 2 ** 20));
    log(`${dataset.name}: pushed in ${pushMs} ms, ${registryMb} MB in the registry`);
    await host.removeImage(reference);

    const runner = await startRunnerEngine({ unpigz: true });
    runners.push(runner);
    inFlight.add(runner.stop);
    const pull = { reference, credentials, settings, dataset };
    const baseAbsent = await measurePulls(runner.host, { ...pull, removeBase: definition.baseImage });
    await copyImageFromMain(runner.host, definition.baseImage);
    const basePresent = await measurePulls(runner.host, pull);
    log(`${dataset.name}: baselines on the runner`);
    await pullImage({ host: runner.host, reporter: silentReporter, reference, credentials });
    const restored = await measureBaselines(
      runner.host,
      dataset,
      reference,
      scratch,
      settings,
      await runnerClonePort(),
    );
    const transferMs = await measureTransfer(scratch, settings.baselineRuns);
    await runner.stop();
    runners.pop();
    inFlight.delete(runner.stop);

    const result: ColdResult = {
      dataset: dataset.name,
      engine: dataset.engine,
      sizeMb: dataset.sizeMb,
      imageSizeMb: Math.round(built.sizeBytes / 2 ** 20),
      registryMb,
      pushMs,
      baseAbsent,
      basePresent,
      baseline: {
        dumpMb: restored.dumpMb,
        transferMs,
        freshContainerRestoreMs: restored.freshContainerRestoreMs,
      },
    };
    if (unpigzOnThisMachine()) {
      const plain = await startRunnerEngine({ unpigz: false });
      runners.push(plain);
      inFlight.add(plain.stop);
      await copyImageFromMain(plain.host, definition.baseImage);
      result.basePresentWithoutUnpigz = await measurePulls(plain.host, pull);
    } else {
      log('unpigz is not on this machine: the pulls used Go gzip (apt-get install pigz to compare)');
    }
    return result;
  } finally {
    for (const runner of runners) await runner.stop();
    await host.removeImage(reference);
    await registry.stop();
    inFlight.clear();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The registry and runner engines of the run in progress, for an interrupted run to stop. */
const inFlight = new Set<() => Promise<void>>();

export async function stopColdRun(): Promise<void> {
  for (const stop of inFlight) await stop().catch(() => {});
  inFlight.clear();
}

interface PullPlan {
  reference: string;
  credentials: { user: string; password: string };
  settings: BenchSettings;
  dataset: Dataset;
  /** Remove this base image too before each pull. */
  removeBase?: string;
}

/** `runs` times: remove the image, sync, pull, the first clone, the next clone. */
async function measurePulls(runner: DockerHost, plan: PullPlan): Promise<ColdPull> {
  const pulls: number[] = [];
  const flushes: number[] = [];
  const dirty: number[] = [];
  const first: number[] = [];
  const next: number[] = [];
  for (let run = 0; run < plan.settings.runs; run++) {
    await forgetImage(runner, plan);
    const { pullMs, flushMs } = await pullImage({
      host: runner,
      reporter: silentReporter,
      reference: plan.reference,
      credentials: plan.credentials,
    });
    pulls.push(pullMs);
    if (flushMs === undefined) throw new Error(`image pull could not write ${plan.reference} to disk`);
    flushes.push(flushMs);
    dirty.push(await dirtyMb());
    first.push(await createAndRemove(runner, plan, `f${run}`));
    next.push(await createAndRemove(runner, plan, `n${run}`));
    log(
      `${plan.dataset.name} ${plan.removeBase ? 'base absent' : 'base present'} run ${run + 1}: pull ${pullMs} ms + ${flushMs} ms to disk (${dirty.at(-1)} MB dirty after), first clone ${first.at(-1)} ms, next ${next.at(-1)} ms`,
    );
  }
  return {
    pullMs: stats(pulls),
    flushMs: stats(flushes),
    dirtyMbAfterPull: stats(dirty),
    firstCreateMs: stats(first),
    nextCreateMs: stats(next),
  };
}

async function forgetImage(runner: DockerHost, plan: PullPlan): Promise<void> {
  await runner.removeImage(plan.reference);
  if (plan.removeBase) await runner.removeImage(plan.removeBase);
  // What the previous run wrote is flushed first, so each pull starts on a quiet disk.
  execFileSync('sync');
}

async function createAndRemove(runner: DockerHost, plan: PullPlan, suffix: string): Promise<number> {
  const name = `bench-${process.pid}-cold-${suffix}`;
  const created = await createClone({
    host: runner,
    reporter: silentReporter,
    image: plan.reference,
    name,
    owner: plan.settings.owner,
    networking: 'bridge',
    port: await runnerClonePort(),
  });
  await removeClone({ host: runner, reporter: silentReporter, name });
  return created.durationMs;
}

/** Downloading the dumps over HTTP from 127.0.0.1, as a job fetches them from an artifact store. */
async function measureTransfer(scratch: string, runs: number): Promise<Stats> {
  const files = (await readdir(scratch)).map((name) => path.join(scratch, name));
  const server = http.createServer((request, response) => {
    const file = path.join(scratch, path.basename(request.url ?? ''));
    createReadStream(file)
      .on('error', () => response.writeHead(404).end())
      .pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const times: number[] = [];
  try {
    for (let run = 0; run < Math.max(runs, 1); run++) {
      execFileSync('sync');
      const [, ms] = await timed(async () => {
        for (const file of files) {
          const answer = await fetch(`http://127.0.0.1:${port}/${path.basename(file)}`);
          if (!answer.ok || !answer.body) throw new Error(`dump download failed: ${answer.status}`);
          const target = `${file}.downloaded`;
          await pipeline(Readable.fromWeb(answer.body as never), createWriteStream(target));
          await rm(target);
        }
      });
      times.push(ms);
    }
  } finally {
    server.close();
  }
  return stats(times);
}

/** Compressed bytes of the image in the registry: its layers and config, from the manifest. */
async function registryBytes(registry: TestRegistry, reference: string): Promise<number> {
  const [repo, tag] = reference.slice(registry.address.length + 1).split(':');
  const answer = await fetch(`http://${registry.address}/v2/${repo}/manifests/${tag}`, {
    headers: {
      accept: 'application/vnd.docker.distribution.manifest.v2+json',
      authorization: `Basic ${Buffer.from(`${registry.user}:${registry.password}`).toString('base64')}`,
    },
  });
  const manifest = (await answer.json()) as { config: { size: number }; layers: { size: number }[] };
  return manifest.config.size + manifest.layers.reduce((sum, layer) => sum + layer.size, 0);
}

async function dirtyMb(): Promise<number> {
  const meminfo = await readFile('/proc/meminfo', 'utf8');
  const kb = Number(/^Dirty:\s+(\d+)/m.exec(meminfo)?.[1] ?? 0);
  return round(kb / 1024);
}

function unpigzOnThisMachine(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v unpigz'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const round = (value: number) => Math.round(value * 10) / 10;

/** A cold start: the pull, writing it to disk, the first clone (medians). */
export function coldStartMs(pull: ColdPull): number {
  return pull.pullMs.median + (pull.flushMs?.median ?? 0) + pull.firstCreateMs.median;
}
