import { describe, expect, it } from 'vitest';
import type { MaskingReport } from '../../../src/masking/mask-instance.js';
import { maskingLine, maskingMarkdown, maskingRows } from '../../../src/report/masking-summary.js';

const REPORT: MaskingReport = {
  deterministic: true,
  digest: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  columns: [
    { database: 'customers', table: 'customers', column: 'email', strategy: 'email', rows: 300 },
    { database: 'orders', table: 'orders', column: 'total_cents', strategy: 'noise', rows: 2000 },
  ],
  emptied: [{ database: 'customers', table: 'sessions', rows: 12 }],
  sampled: 200,
  phasesMs: { prepare: 1, sample: 2, mask: 3, prove: 4 },
};

describe('the masking summary of a build', () => {
  it('lists each masked column with its strategy and row count, and each emptied table', () => {
    expect(maskingRows(REPORT)).toEqual([
      ['customers', 'customers', 'email', 'email', '300'],
      ['orders', 'orders', 'total_cents', 'noise', '2000'],
      ['customers', 'sessions', '(all rows)', 'empty', '12'],
    ]);
  });

  it('says whether a secret keyed it, which rules, and what the proof found, never the secret', () => {
    expect(maskingLine(REPORT)).toBe(
      'masked: deterministic (keyed by the masking secret); rules sha256:0123456789ab; proof: none of 200 sampled original value(s) left in any masked column',
    );
    expect(maskingLine({ ...REPORT, deterministic: false })).toContain('random (no masking secret');
  });

  it('is a Markdown table for the CI job summary', () => {
    expect(maskingMarkdown(REPORT)).toContain('| customers | customers | email | email | 300 |');
    expect(maskingMarkdown(REPORT)).toMatch(/^### Masking\n\nmasked: deterministic/);
  });
});
