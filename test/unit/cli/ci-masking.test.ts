import { describe, expect, it } from 'vitest';
import { detectCiLogPlatform, maskCommand } from '../../../src/cli/ci-masking.js';
import { TerminalReporter } from '../../../src/cli/terminal-reporter.js';

describe('masking secrets in a CI job log', () => {
  it.each([
    [{ GITHUB_ACTIONS: 'true' }, 'github'],
    [{ TF_BUILD: 'True' }, 'azure'],
    [{}, undefined],
  ] as const)('detects the platform from %j', (env, platform) => {
    expect(detectCiLogPlatform(env)).toBe(platform);
  });

  it("writes each platform's own mask command, escaped as its toolkit escapes it", () => {
    expect(maskCommand('github', 'a%b\nc')).toBe('::add-mask::a%25b%0Ac');
    expect(maskCommand('azure', 'a%b\nc')).toBe('##vso[task.setsecret]a%AZP25b%0Ac');
  });

  it('announces a secret once, when it is registered, and masks it in every log line after', () => {
    const announced: string[] = [];
    const reporter = new TerminalReporter({
      stream: { write: () => true } as unknown as NodeJS.WriteStream,
      announceSecret: (secret) => announced.push(secret),
    });
    reporter.maskSecret('s3cret');
    reporter.maskSecret('s3cret');
    reporter.maskSecret('');
    expect(announced).toEqual(['s3cret']);
    expect(reporter.mask('postgresql://postgres:s3cret@host/db')).toBe('postgresql://postgres:***@host/db');
  });
});
