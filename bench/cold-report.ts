import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { coldStartChart } from './chart.js';
import { coldStartMs, type ColdPull, type ColdResult } from './measure-cold.js';
import { log, resultsBase } from './stats.js';

/** Prints the cold-start table and writes bench/results/cold-<time>.json and .svg. */
export async function reportCold(results: ColdResult[], runs: number): Promise<void> {
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  const pull = (p: ColdPull | undefined) => (p ? `${p.pullMs.median} + ${p.flushMs?.median ?? 0}` : '-');
  const rows = results.map((r) => {
    const cold = coldStartMs(r.basePresent);
    const restore = r.baseline.transferMs.median + r.baseline.freshContainerRestoreMs.median;
    return [
      r.dataset,
      `${r.imageSizeMb} / ${r.registryMb}`,
      String(r.pushMs),
      pull(r.baseAbsent),
      pull(r.basePresent),
      pull(r.basePresentWithoutUnpigz),
      String(r.basePresent.dirtyMbAfterPull.median),
      `${r.basePresent.firstCreateMs.median} / ${r.basePresent.nextCreateMs.median}`,
      `${r.baseline.dumpMb}`,
      `${r.baseline.transferMs.median} + ${r.baseline.freshContainerRestoreMs.median}`,
      `${cold} / ${restore} = ${(cold / restore).toFixed(2)}`,
    ];
  });
  const header = [
    'dataset',
    'image / registry MB',
    'push ms',
    'pull + to disk, no base ms',
    'pull + to disk, base there ms',
    'same without unpigz ms',
    'dirty MB after pull',
    '1st / next clone ms',
    'dump MB',
    'download + restore ms',
    'cold start vs restore ms',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  process.stdout.write(
    [
      `dataclone cold start: ${machine}, ${runs} runs each (medians; registry and dump on 127.0.0.1)`,
      line(header),
      ...rows.map(line),
      '',
    ].join('\n'),
  );
  const base = await resultsBase('cold');
  await writeFile(
    `${base}.json`,
    JSON.stringify(
      { machine: { cores: os.cpus().length, memoryGiB: os.totalmem() / 2 ** 30 }, runs, results },
      null,
      2,
    ),
  );
  const chart = coldStartChart(results, `dataclone: cold start and warm start (${machine})`);
  if (chart) await writeFile(`${base}.svg`, chart);
  log(`written: ${base}.json${chart ? ` and ${base}.svg` : ''}`);
}
