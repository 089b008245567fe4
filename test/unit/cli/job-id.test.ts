import { describe, expect, it } from 'vitest';
import { resolveJobId } from '../../../src/cli/job-id.js';

describe('resolveJobId', () => {
  it.each([
    ['--job wins', 'mine', { DATACLONE_JOB: 'env', GITHUB_RUN_ID: '1', GITHUB_JOB: 'j' }, 'mine'],
    ['then DATACLONE_JOB', undefined, { DATACLONE_JOB: 'env', GITHUB_RUN_ID: '1', GITHUB_JOB: 'j' }, 'env'],
    [
      'then the GitHub Actions run',
      undefined,
      { GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2', GITHUB_JOB: 'test' },
      'gh-42-2-test',
    ],
    [
      'then the Azure Pipelines job',
      undefined,
      { BUILD_BUILDID: '7', SYSTEM_JOBID: 'abc-123' },
      'azp-7-abc-123',
    ],
  ])('%s', (_case, given, env, expected) => {
    expect(resolveJobId(given, env)).toBe(expected);
  });

  it('asks for a job id outside CI', () => {
    expect(() => resolveJobId(undefined, {})).toThrow(/no job id/);
  });

  it('refuses a job id that cannot be a label value', () => {
    expect(() => resolveJobId('has spaces', {})).toThrow(/--job: 'has spaces' is not a usable job id/);
  });
});
