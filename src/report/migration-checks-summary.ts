import type {
  MigrationObservation,
  TableLock,
  TableRewrite,
  TableRowsTouched,
} from '../migration-checks/analyse-migrations.js';
import type { DatabaseChecks } from '../migration-checks/check-migrations.js';
import { schemaDiffLines } from '../migration-checks/schema-diff.js';
import { formatBytes } from '../core/bytes.js';
import { rowsText } from '../migration-checks/thresholds.js';

/**
 * A few lines per database for a terminal or a CI log: each migration's time, its strongest lock
 * per table, its rewrites and the rows it touched, then the schema diff in one line.
 */
export function checksLines(checks: DatabaseChecks): string[] {
  const lines = checks.migrations.map(
    (m) => `${checks.database}: ${m.migration}: ${migrationFacts(m).join('; ')}`,
  );
  lines.push(`${checks.database}: schema: ${diffCount(checks)}`);
  return lines;
}

/**
 * The checks in Markdown: per database, collapsed, a table of migrations (time, locks, rewrites,
 * rows touched),
 * the thresholds crossed, the schema diff, and how the locks were observed.
 */
export function checksMarkdown(all: DatabaseChecks[]): string {
  if (all.length === 0) return '';
  return ['### Migration checks', ...all.map(databaseSection)].join('\n\n');
}

/** The report as a file for an artifact: JSON for a `.json` file, else the Markdown of the summary. */
export function checksReportFile(file: string, all: DatabaseChecks[]): string {
  if (file.endsWith('.json')) return `${JSON.stringify(all, null, 2)}\n`;
  return `${checksMarkdown(all) || '### Migration checks\n\nNo database was migrated.'}\n`;
}

function databaseSection(checks: DatabaseChecks): string {
  const crossed = checks.violations.length ? `, **${checks.violations.length} threshold(s) crossed**` : '';
  const rows = checks.migrations.map((m) => [
    escape(m.migration),
    m.failed ? 'failed' : `${m.durationMs} ms`,
    m.locks.map(lockText).map(escape).join('<br>') || '-',
    m.rewrites.map(rewriteText).map(escape).join('<br>') || '-',
    m.rowsTouched === 'unknown'
      ? 'unknown'
      : m.rowsTouched.map(rowsTouchedText).map(escape).join('<br>') || '-',
  ]);
  const parts = [
    `<details${checks.violations.length ? ' open' : ''}><summary>${escape(checks.database)}: ${checks.migrations.length} migration(s), schema: ${diffCount(checks)}${crossed}</summary>`,
    table(
      ['Migration', 'Time', 'Locks (strongest per table, longest held)', 'Rewrites', 'Rows touched'],
      rows,
    ),
  ];
  if (checks.violations.length)
    parts.push(checks.violations.map((v) => `- **Threshold crossed:** ${escape(v.message)}`).join('\n'));
  const diff = schemaDiffLines(checks.schemaDiff);
  parts.push(
    diff.length ? `Schema diff:\n\n\`\`\`diff\n${diff.join('\n')}\n\`\`\`` : 'Schema diff: no change.',
  );
  parts.push(
    `<sub>Sampled every ${checks.intervalMs} ms (${checks.samples} samples, ${checks.sampleQueryMs} ms each); snapshots before and after: ${checks.snapshotMs} ms. ${escape(checks.notes.join(' '))}</sub>`,
  );
  return `${parts.join('\n\n')}\n\n</details>`;
}

function migrationFacts(m: MigrationObservation): string[] {
  const facts = [m.failed ? 'failed' : `${m.durationMs} ms`];
  facts.push(...m.locks.map(lockText), ...m.rewrites.map(rewriteText));
  if (m.rowsTouched !== 'unknown') facts.push(...m.rowsTouched.map(rowsTouchedText));
  if (m.locks.length === 0 && !m.failed) facts.push('no table lock seen');
  return facts;
}

function lockText(lock: TableLock): string {
  return `${lock.mode} on ${lock.table} (${lock.rows === 0 ? 'new or empty' : rowsText(lock.rows)}) ${heldText(lock.heldMs)}`;
}

function heldText(ms: number): string {
  return ms === 0 ? 'seen once' : `held ${ms} ms`;
}

function rewriteText(rewrite: TableRewrite): string {
  const verb = rewrite.copied ? 'copied' : 'rewrote';
  const unsure = rewrite.attribution === 'unsure' ? ` (by one of ${rewrite.between?.join(', ')})` : '';
  return `${verb} ${rewrite.table} (${formatBytes(rewrite.bytesBefore)} → ${formatBytes(rewrite.bytesAfter)}, ${rowsText(rewrite.rows)})${unsure}`;
}

function rowsTouchedText(rows: TableRowsTouched): string {
  const counts = (['inserted', 'updated', 'deleted'] as const)
    .filter((what) => rows[what] > 0)
    .map((what) => `${rows[what]} ${what}`);
  const unsure = rows.attribution === 'unsure' ? ` (by one of ${rows.between?.join(', ')})` : '';
  return `${rows.table}: ${counts.join(', ')} rows${unsure}`;
}

function diffCount(checks: DatabaseChecks): string {
  const { changes } = checks.schemaDiff;
  if (changes.length === 0) return 'no change';
  const counts = new Map<string, number>();
  for (const c of changes) {
    const key = `${c.change} ${c.kind}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, n]) => `${n} ${key.replace(/s$/, n === 1 ? '' : 's').replace(/indexe$/, 'index')}`)
    .join(', ');
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function escape(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}
