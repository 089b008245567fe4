import { mkdir } from 'node:fs/promises';

/** Median, p95 and range of a set of timings (nearest-rank percentiles). */
export interface Stats {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function stats(values: number[]): Stats {
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

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Where a run writes its results: bench/results/<kind>-<time>, without the extension. */
export async function resultsBase(kind: 'bench' | 'capacity' | 'cold' | 'sources'): Promise<string> {
  await mkdir('bench/results', { recursive: true });
  return `bench/results/${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
}
