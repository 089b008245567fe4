/**
 * Draws the chart of a bench run again from its JSON, without measuring anything:
 *
 *   node --import tsx bench/render-chart.ts bench/reference/2026-11-25-2-cores.json
 *
 * writes the .svg beside the .json (a cold run's JSON gets the cold-start chart).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { coldStartChart, timeAgainstSizeChart } from './chart.js';
import type { ColdResult } from './measure-cold.js';
import type { DatasetResult } from './measure-dataset.js';

const file = process.argv[2];
if (!file?.endsWith('.json')) throw new Error('usage: bench/render-chart.ts <run>.json');
const run = JSON.parse(await readFile(file, 'utf8')) as {
  machine: { cores: number; memoryGiB: number };
  results: (DatasetResult | ColdResult)[];
};
const machine = `${run.machine.cores} cores, ${Math.round(run.machine.memoryGiB)} GiB`;
const cold = run.results.some((r) => 'basePresent' in r);
const chart = cold
  ? coldStartChart(run.results as ColdResult[], `dataclone: cold start and warm start (${machine})`)
  : timeAgainstSizeChart(run.results as DatasetResult[], `dataclone: clone vs restore (${machine})`);
await writeFile(file.replace(/\.json$/, '.svg'), chart);
process.stderr.write(`written: ${file.replace(/\.json$/, '.svg')}\n`);
