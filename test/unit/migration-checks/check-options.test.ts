import { describe, expect, it } from 'vitest';
import { readCheckOptions } from '../../../src/migration-checks/check-options.js';

const read = (values: Record<string, string>) =>
  readCheckOptions(
    (name) => values[name],
    (name) => `--${name}`,
  );

describe('the migration checks options', () => {
  it('are on with no thresholds when none is given', () => {
    expect(read({})).toEqual({});
  });

  it('read the exclusive lock and rewrite thresholds and the report file', () => {
    expect(
      read({
        'max-exclusive-lock': '2s',
        'exclusive-lock-rows': '100000',
        'max-rewrite': '100MB',
        'checks-report': 'checks.md',
      }),
    ).toEqual({
      thresholds: { exclusiveLock: { longerThanMs: 2000, rows: 100_000 }, rewriteBytes: 100 * 1024 ** 2 },
      reportFile: 'checks.md',
    });
  });

  it('turn the checks off', () => {
    expect(read({ 'no-migration-checks': 'true' })).toEqual({ enabled: false });
  });

  it.each([
    [{ 'exclusive-lock-rows': '10' }, '--exclusive-lock-rows was given without --max-exclusive-lock'],
    [
      { 'max-exclusive-lock': '2s', 'exclusive-lock-rows': 'many' },
      "--exclusive-lock-rows: 'many' is not a number of rows",
    ],
    [{ 'max-rewrite': '100 megabytes' }, "--max-rewrite: '100 megabytes' is not a size"],
  ])('name the option given wrongly: %o', (values, message) => {
    expect(() => read(values)).toThrow(message);
  });
});
