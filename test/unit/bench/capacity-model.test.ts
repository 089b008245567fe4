import { describe, expect, it } from 'vitest';
import { clonesPerNode, cloneSteps, degradation, RESERVED_FRACTION } from '../../../bench/capacity-model.js';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

describe('the capacity benchmark steps', () => {
  it.each([
    [1, [1]],
    [4, [1, 2, 4]],
    [32, [1, 2, 4, 8, 16, 32]],
    [24, [1, 2, 4, 8, 16, 24]],
  ])('grows to a cap of %i clones as %j', (max, steps) => expect(cloneSteps(max)).toEqual(steps));
});

describe('the 2× rule', () => {
  const first = { createMs: 250, queryMs: 2 };

  it('holds while create time and query latency stay under twice the first step', () => {
    expect(degradation(first, { createMs: 490, queryMs: 3.9 })).toBeUndefined();
  });

  it('ends the steps when create time doubles, saying by how much', () => {
    expect(degradation(first, { createMs: 600, queryMs: 2 })).toBe(
      "create time 600 ms is 2.4× the first step's 250 ms",
    );
  });

  it('ends the steps when query latency doubles', () => {
    expect(degradation(first, { createMs: 250, queryMs: 4.4 })).toBe(
      "query latency 4.4 ms is 2.2× the first step's 2 ms",
    );
  });

  it('takes a sub-millisecond latency that doubled by less than a millisecond for noise', () => {
    expect(degradation({ createMs: 250, queryMs: 0.3 }, { createMs: 250, queryMs: 0.9 })).toBeUndefined();
  });
});

describe('clones per node', () => {
  const cost = { memoryBytes: 64 * MiB, diskBytes: 1.1 * GiB, clonesPerCore: 4 };

  it('is the least of what memory, cores and disk allow, and says which one limits it', () => {
    const estimate = clonesPerNode({ cores: 64, memoryBytes: 256 * GiB, diskBytes: 1024 * GiB }, cost);
    const usable = 1 - RESERVED_FRACTION;
    expect(estimate.byMemory).toBe(Math.floor((256 * GiB * usable) / (64 * MiB)));
    expect(estimate.byCpu).toBe(256);
    expect(estimate.byDisk).toBe(Math.floor((1024 * usable) / 1.1));
    expect(estimate).toMatchObject({ clones: estimate.byCpu, limitedBy: 'cpu' });
  });

  it('is limited by disk where each clone copies its tables (overlay2 on ext4)', () => {
    const estimate = clonesPerNode({ cores: 64, memoryBytes: 256 * GiB, diskBytes: 200 * GiB }, cost);
    expect(estimate).toMatchObject({ clones: 163, limitedBy: 'disk' });
  });

  it('leaves a resource that a clone does not use out of the minimum', () => {
    const estimate = clonesPerNode(
      { cores: 2, memoryBytes: 24 * GiB, diskBytes: 0 },
      { ...cost, diskBytes: 0 },
    );
    expect(estimate.byDisk).toBe(Number.POSITIVE_INFINITY);
    expect(estimate.clones).toBe(8);
  });
});
