import type { MaskingReport } from '../masking/mask-instance.js';

/** The rows of the masking summary: each masked column or emptied table, its strategy and rows. */
export function maskingRows(report: MaskingReport): string[][] {
  return [
    ...report.columns.map((c) => [c.database, c.table, c.column, c.strategy, String(c.rows)]),
    ...report.emptied.map((t) => [t.database, t.table, '(all rows)', 'empty', String(t.rows)]),
  ];
}

export const MASKING_COLUMNS = ['DATABASE', 'TABLE', 'COLUMN', 'STRATEGY', 'ROWS'];

/** One line on how the image was masked: keyed by the secret or by this build's key, and the proof. */
export function maskingLine(report: MaskingReport): string {
  const key = report.deterministic
    ? 'deterministic (keyed by the masking secret)'
    : 'random (no masking secret: a key of this build only)';
  return `masked: ${key}; rules ${report.digest.slice(0, 19)}; proof: none of ${report.sampled} sampled original value(s) left in any masked column`;
}

/** The masking summary in Markdown, for a CI job summary. */
export function maskingMarkdown(report: MaskingReport): string {
  const header = `| ${['Database', 'Table', 'Column', 'Strategy', 'Rows'].join(' | ')} |\n|---|---|---|---|---:|`;
  const rows = maskingRows(report).map(
    (row) => `| ${row.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`,
  );
  return `### Masking\n\n${maskingLine(report)}\n\n${header}\n${rows.join('\n')}\n`;
}
