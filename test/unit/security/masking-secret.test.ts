import { describe, expect, it } from 'vitest';
import type { BuildShell, ShellRunOptions } from '../../../src/engines/engine.js';
import { mysqlMasking } from '../../../src/engines/mysql/masking.js';
import { postgresMasking } from '../../../src/engines/postgres/masking.js';
import { BuildStepError } from '../../../src/images/build-shell.js';
import { hidingTheSecret } from '../../../src/masking/mask-instance.js';
import { maskingKey } from '../../../src/masking/masking-key.js';
import type { MaskDefinition } from '../../../src/masking/types.js';
import { RecordingReporter } from '../../support/recording-reporter.js';

const SECRET = 's3cret-\'quote"-\\backslash';

/** A build shell that records what it is asked to run, and runs nothing. */
function recordingShell() {
  const runs: { command: string[]; options?: ShellRunOptions }[] = [];
  const shell: BuildShell = {
    async run(command, options) {
      runs.push({ command, options });
      return '';
    },
    async unpack() {},
  };
  return { shell, runs };
}

describe.each([
  ['PostgreSQL', postgresMasking],
  ['MySQL and MariaDB', mysqlMasking],
])('the masking secret on %s', (_engine, engine) => {
  it('reaches the server on standard input only: on no command line, in no environment, not even as written', async () => {
    const { shell, runs } = recordingShell();
    await engine.runMasking(shell, 'crm', 'UPDATE customers SET email = NULL;', SECRET, 'mask crm.customers');
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(JSON.stringify(run?.command)).not.toContain('s3cret');
    expect(JSON.stringify(run?.options?.env ?? {})).not.toContain('s3cret');
    expect(run?.options?.label).toBe('mask crm.customers');
    const input = run?.options?.input;
    expect(input?.kind).toBe('text');
    // Hex, so that no quoting of the engine can break out of the literal.
    expect(input && 'text' in input ? input.text : '').toContain(Buffer.from(SECRET).toString('hex'));
    expect(input && 'text' in input ? input.text : '').not.toContain('s3cret');
  });
});

describe('a failed masking statement', () => {
  it('shows what the server printed, without the secret in either form', async () => {
    const hex = Buffer.from(SECRET).toString('hex');
    const failing = () =>
      Promise.reject(new BuildStepError('mask crm.customers', 3, `ERROR: near '${SECRET}' and X'${hex}'`));
    const error = await hidingTheSecret(SECRET, failing).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(BuildStepError);
    expect((error as Error).message).not.toContain('s3cret');
    expect((error as Error).message).not.toContain(hex);
    expect((error as Error).message).toContain('mask crm.customers');
  });
});

describe('the masking key', () => {
  const mask: MaskDefinition = {
    secretVariable: 'SHOP_MASK',
    deterministic: false,
    rules: [],
    digest: 'sha256:x',
  };

  it('is the variable named by the definition, registered as a secret before it is used', () => {
    const reporter = new RecordingReporter();
    expect(maskingKey(mask, { SHOP_MASK: SECRET }, reporter, 'dataclone.yaml')).toEqual({
      secret: SECRET,
      deterministic: true,
    });
    expect(reporter.secrets).toEqual([SECRET]);
  });

  it('is one of this build only without the variable, and the build says so in one line', () => {
    const reporter = new RecordingReporter();
    const first = maskingKey(mask, {}, reporter, 'dataclone.yaml');
    const second = maskingKey(mask, { SHOP_MASK: '' }, reporter, 'dataclone.yaml');
    expect(first.deterministic).toBe(false);
    expect(first.secret).not.toBe(second.secret);
    expect(reporter.lines).toEqual([
      expect.stringMatching(/^warning: mask: SHOP_MASK is not set: masking is random/),
      expect.stringMatching(/^warning: mask: SHOP_MASK is not set/),
    ]);
  });

  it('is demanded when the definition says deterministic: the build fails before any work', () => {
    expect(() =>
      maskingKey({ ...mask, deterministic: true }, {}, new RecordingReporter(), 'dataclone.yaml'),
    ).toThrow(
      /dataclone\.yaml: mask: deterministic masking is demanded, and the environment variable SHOP_MASK is not set or empty/,
    );
  });
});
