/**
 * The capacity model the capacity benchmark feeds (docs/scale-out.md, "Capacity"): how many
 * clones a node holds is the least of what its memory, its cores and its disk allow.
 *
 *   clones per node = min(usable memory / memory per clone,
 *                         cores × clones per core at the latency limit,
 *                         usable disk / disk growth per clone)
 */

/** What one clone costs, measured at the last step whose latency and create time held. */
export interface CloneCost {
  memoryBytes: number;
  /** Growth of the clone's writable layer under the load (on ext4: the table files it opened). */
  diskBytes: number;
  /** Loaded clones one core serves before create time or query latency doubles. */
  clonesPerCore: number;
}

export interface NodeSize {
  cores: number;
  memoryBytes: number;
  diskBytes: number;
}

/** Part of a node the kubelet, the system and the data images' own layers keep (an assumption). */
export const RESERVED_FRACTION = 0.1;

export interface NodeEstimate {
  node: NodeSize;
  byMemory: number;
  byCpu: number;
  byDisk: number;
  clones: number;
  limitedBy: 'memory' | 'cpu' | 'disk';
}

export function clonesPerNode(node: NodeSize, cost: CloneCost): NodeEstimate {
  const usable = 1 - RESERVED_FRACTION;
  const per = (capacity: number, each: number) =>
    each > 0 ? Math.floor((capacity * usable) / each) : Number.POSITIVE_INFINITY;
  const byMemory = per(node.memoryBytes, cost.memoryBytes);
  const byCpu = Math.floor(node.cores * cost.clonesPerCore);
  const byDisk = per(node.diskBytes, cost.diskBytes);
  const clones = Math.min(byMemory, byCpu, byDisk);
  const limitedBy = clones === byCpu ? 'cpu' : clones === byMemory ? 'memory' : 'disk';
  return { node, byMemory, byCpu, byDisk, clones, limitedBy };
}

/** The figures of one step that the 2× rule compares with the first step's. */
export interface StepFigures {
  /** Median time to create one more clone while the step's clones run. */
  createMs: number;
  /** Median query latency under the load, from the time each query was due. */
  queryMs: number;
}

/**
 * Sub-millisecond queries double from scheduling noise alone on a shared machine: a latency
 * counts as degraded only when it also rose by at least this much.
 */
export const QUERY_NOISE_MS = 1;

/** Why a step counts as degraded against the first (2× create time or query latency), or undefined. */
export function degradation(first: StepFigures, step: StepFigures, factor = 2): string | undefined {
  if (step.createMs >= factor * first.createMs)
    return `create time ${step.createMs} ms is ${(step.createMs / first.createMs).toFixed(1)}× the first step's ${first.createMs} ms`;
  if (step.queryMs >= factor * first.queryMs && step.queryMs - first.queryMs >= QUERY_NOISE_MS)
    return `query latency ${step.queryMs} ms is ${(step.queryMs / first.queryMs).toFixed(1)}× the first step's ${first.queryMs} ms`;
  return undefined;
}

/** Clone counts of the steps: 1, 2, 4, ... doubling up to `max`, which is always the last. */
export function cloneSteps(max: number): number[] {
  const steps: number[] = [];
  for (let count = 1; count < max; count *= 2) steps.push(count);
  steps.push(Math.max(1, max));
  return steps;
}
