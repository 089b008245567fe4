import { describe, expect, it } from 'vitest';
import { classifyFreeSpace } from '../../../src/doctor/disk-space-check.js';

const GiB = 1024 ** 3;

describe('classifyFreeSpace', () => {
  it.each([
    [0, 'fail'],
    [2 * GiB - 1, 'fail'],
    [2 * GiB, 'warn'],
    [10 * GiB - 1, 'warn'],
    [10 * GiB, 'ok'],
    [500 * GiB, 'ok'],
  ])('with %d bytes free says %s', (freeBytes, status) => {
    expect(classifyFreeSpace({ path: '/var/lib/docker', freeBytes, totalBytes: 1000 * GiB }).status).toBe(
      status,
    );
  });

  it('names the free and total space in GiB and the path', () => {
    const check = classifyFreeSpace({
      path: '/var/lib/docker',
      freeBytes: 76.1 * GiB,
      totalBytes: 252 * GiB,
    });
    expect(check.finding).toBe('76.1 GiB free of 252.0 GiB under /var/lib/docker');
    expect(check.hint).toBeUndefined();
    expect(check.details).toEqual({ path: '/var/lib/docker', freeBytes: 76.1 * GiB, totalBytes: 252 * GiB });
  });

  it('says what to do when space is short', () => {
    const check = classifyFreeSpace({ path: '/var/lib/docker', freeBytes: GiB, totalBytes: 20 * GiB });
    expect(check.finding).toContain('1.0 GiB free');
    expect(check.hint).toContain('bigger disk');
  });
});
