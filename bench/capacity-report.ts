import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { CapacityResult, CapacitySettings } from './measure-capacity.js';
import { log, resultsBase } from './stats.js';

/** Prints one table of steps per dataset and the model's estimates; writes them as JSON. */
export async function reportCapacity(results: CapacityResult[], settings: CapacitySettings): Promise<void> {
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  const header = [
    'dataset',
    'clones',
    'create ms',
    'query ms',
    '1st query ms',
    'idle MiB',
    'load MiB',
    'anon MiB',
    'disk MiB',
    'idle cores',
    'load cores',
    'client cores',
  ];
  const rows = results.flatMap((result) =>
    result.steps.map((step) => [
      result.dataset,
      String(step.clones),
      `${step.createMs.median} / ${step.createMs.p95}`,
      `${step.load.queryMs.median} / ${step.load.queryMs.p95}`,
      String(step.firstQueryMs.median),
      mib(step.idle.memoryBytes),
      mib(step.load.memoryBytes),
      mib(step.load.anonymousBytes),
      mib(step.load.diskBytes),
      step.idle.cpuCores.toFixed(4),
      step.load.cpuCores.toFixed(3),
      step.load.loadGeneratorCores.toFixed(2),
    ]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const estimate = (e: CapacityResult['model']['thisMachine']) =>
    `${e.clones} (memory ${e.byMemory}, cpu ${e.byCpu}, disk ${e.byDisk}: limited by ${e.limitedBy})`;
  const summaries = results.map(
    (r) =>
      `${r.dataset}: stopped at ${r.stoppedBecause}; held ${r.heldClones} clone(s) under the load${r.model.clonesPerCoreIsLowerBound ? ' (no step degraded: clones per core is a lower bound)' : ''}. Clones per node: this machine ${estimate(r.model.thisMachine)}; ${settings.largeNode.cores} cores, ${Math.round(settings.largeNode.memoryBytes / 2 ** 30)} GiB: ${estimate(r.model.largeNode)}`,
  );
  const text = [
    `dataclone capacity: ${machine}; load ${settings.rate} queries/s per clone for ${settings.loadSeconds} s, every tenth an update (times: median / p95; usage: mean per clone)`,
    line(header),
    ...rows.map(line),
    '',
    ...summaries,
  ].join('\n');
  process.stdout.write(`${text}\n`);
  const base = await resultsBase('capacity');
  await writeFile(
    `${base}.json`,
    JSON.stringify(
      { machine: { cores: os.cpus().length, memoryGiB: os.totalmem() / 2 ** 30 }, settings, results },
      null,
      2,
    ),
  );
  log(`written: ${base}.json`);
}
