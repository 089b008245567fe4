import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { silentReporter } from '../src/core/reporter.js';
import { loadImageDefinition } from '../src/definition/load-image-definition.js';
import type { DockerHost } from '../src/docker/docker-host.js';
import { buildImage } from '../src/images/build-image.js';
import { SAMPLES } from './datasets.js';
import { log, stats, type Stats } from './stats.js';

// BENCH_CLI: another build to compare, e.g. main's dist/cli/index.js.
const CLI = path.resolve(process.env.BENCH_CLI ?? 'dist/cli/index.js');

export interface StartupResult {
  runs: number;
  /** `node -e 0`: what any Node program pays before its first line. */
  nodeMs: Stats;
  versionMs: Stats;
  /** Wall time of `dataclone clone create`, and that minus the create time it reports. */
  createWallMs: Stats;
  createOverheadMs: Stats;
  versionRatio: number;
  createOverheadRatio: number;
}

/**
 * The CLI's startup as a user sees it, with the built dist/cli: `dataclone --version` and the
 * part of `dataclone clone create` that is not the create itself, each as a ratio to `node -e 0`
 * measured in the same runs (interleaved, so machine load hits all three alike).
 */
export async function measureStartup(host: DockerHost, runs: number, owner: string): Promise<StartupResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const sample = SAMPLES.find((dataset) => dataset.engine === 'postgres') ?? SAMPLES[0];
  if (!sample) throw new Error('no sample dataset');
  const tag = `dataclone-bench/startup:${process.pid}`;
  log(`startup: building ${tag}`);
  await buildImage({
    host,
    reporter: silentReporter,
    definition: await loadImageDefinition(sample.definition),
    tag,
  });
  const node: number[] = [];
  const version: number[] = [];
  const createWall: number[] = [];
  const createOverhead: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      node.push((await timedProcess(['-e', '0'])).ms);
      version.push((await timedProcess([CLI, '--version'])).ms);
      const create = await timedProcess([CLI, 'clone', 'create', '--image', tag, '--owner', owner, '--json']);
      const reported = (JSON.parse(create.stdout) as { durationMs: number; name: string }).durationMs;
      createWall.push(create.ms);
      createOverhead.push(create.ms - reported);
      for (const id of await host.findContainers({ 'dataclone.owner': owner }))
        await host.removeContainer(id);
      log(
        `startup run ${run + 1}/${runs}: node ${node.at(-1)} ms, --version ${version.at(-1)} ms, create ${create.ms} ms (reported ${reported} ms)`,
      );
    }
  } finally {
    for (const id of await host.findContainers({ 'dataclone.owner': owner })) await host.removeContainer(id);
    await host.removeImage(tag).catch(() => {});
  }
  const nodeMs = stats(node);
  const versionMs = stats(version);
  const createOverheadMs = stats(createOverhead);
  return {
    runs,
    nodeMs,
    versionMs,
    createWallMs: stats(createWall),
    createOverheadMs,
    versionRatio: round(versionMs.median / nodeMs.median),
    createOverheadRatio: round(createOverheadMs.median / nodeMs.median),
  };
}

export async function reportStartup(result: StartupResult): Promise<void> {
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  const ms = (s: Stats) => `${s.median} / ${s.p95}`;
  const text = [
    `dataclone startup: ${machine}, ${result.runs} runs (times: median / p95 ms)`,
    `node -e 0                               ${ms(result.nodeMs)}`,
    `dataclone --version                     ${ms(result.versionMs)}  (${result.versionRatio}x node; goal <= 1.5x)`,
    `dataclone clone create                  ${ms(result.createWallMs)}`,
    `  minus the create time it reports      ${ms(result.createOverheadMs)}  (${result.createOverheadRatio}x node; goal <= 2x)`,
  ].join('\n');
  process.stdout.write(`${text}\n`);
  await mkdir('bench/results', { recursive: true });
  const file = `bench/results/startup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  await writeFile(file, JSON.stringify({ machine: { cores: os.cpus().length }, ...result }, null, 2));
  log(`written: ${file}`);
}

function timedProcess(args: string[]): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Math.round(performance.now() - started);
      if (code === 0) resolve({ ms, stdout });
      else reject(new Error(`node ${args.join(' ')} exited with ${code}`));
    });
  });
}

function round(ratio: number): number {
  return Math.round(ratio * 100) / 100;
}
