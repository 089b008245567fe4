import type { Clone } from '../clones/clone.js';
import type { MigrateResult } from '../pipeline/migrate.js';
import type { ProvisionResult } from '../pipeline/provision.js';
import type { ResetResult } from '../pipeline/reset.js';
import type { RunResult } from '../pipeline/run-job.js';
import type { TestResult } from '../pipeline/run-tests.js';
import type { TeardownResult } from '../pipeline/teardown.js';
import { checksMarkdown } from './migration-checks-summary.js';
import { appliedCount, appliedList, schemaVersionAfter } from './migration-summary.js';
import { warmLines } from './warm-summary.js';

export type StepResult =
  ProvisionResult | MigrateResult | TestResult | ResetResult | TeardownResult | RunResult;

/**
 * A job summary in Markdown for people reading a CI run: the clones and their images, the time
 * each step took, the migrations applied per database and the test outcome. Never a password.
 */
export function markdownSummary(result: StepResult): string {
  const steps = result.step === 'run' ? result.steps : [result];
  const sections = [
    '## dataclone',
    table(
      ['Step', 'Result', 'Time'],
      steps.map((step) => [step.step, outcome(step), seconds(step.durationMs)]),
    ),
  ];
  for (const step of steps) {
    if (step.step === 'provision' || step.step === 'reset') sections.push(clonesSection(step.clones));
    if (step.step === 'provision' && step.warm)
      sections.push(
        `### Warm pull\n\n${warmLines(step.warm)
          .map((line) => `- ${escape(line)}`)
          .join('\n')}`,
      );
    if (step.step === 'migrate') sections.push(migrationsSection(step));
    if (step.step === 'test') sections.push(testSection(step));
  }
  if (result.step === 'run' && result.error) sections.push(`> **Failed:** ${escape(result.error.message)}`);
  return `${sections.join('\n\n')}\n`;
}

function outcome(step: Exclude<StepResult, RunResult>): string {
  switch (step.step) {
    case 'provision':
    case 'reset':
      return `${step.clones.length} clone(s)`;
    case 'migrate':
      if (step.skipped) return 'skipped: no migrations';
      return step.success
        ? `${step.databases.reduce((n, db) => n + db.migrationsExecuted, 0)} migration(s) applied`
        : 'failed';
    case 'test':
      return step.passed ? 'passed' : `failed (exit code ${step.exitCode})`;
    case 'teardown':
      return `removed ${step.removed.length} clone(s)`;
  }
}

function clonesSection(clones: Clone[]): string {
  return [
    '### Clones',
    table(
      ['Clone', 'Image', 'Address', 'Databases'],
      clones.map((clone) => [
        clone.name,
        `${clone.image} (${clone.imageId.slice(7, 19)})`,
        `${clone.connection.host}:${clone.connection.port}`,
        clone.connection.databases
          .map((db) => (db.name === clone.connection.primaryDatabase ? `**${db.name}**` : db.name))
          .join(', '),
      ]),
    ),
  ].join('\n\n');
}

/**
 * One row per database (the applied migrations as a count with the first and last version), then
 * the full list of each database that applied any, one line per migration, folded.
 */
function migrationsSection(step: MigrateResult): string {
  if (step.skipped) return `### Migrations\n\nSkipped: ${escape(step.skipped)}.`;
  if (step.databases.length === 0) return '### Migrations\n\nNo database has migrations.';
  const rows = step.databases.map((db) => [
    db.database,
    db.success
      ? 'ok'
      : `**failed** ${db.error?.code ?? ''}: ${escape((db.error?.message ?? '').split('\n')[0] ?? '')}`,
    appliedCount(db),
    schemaVersionAfter(db) ?? '-',
    seconds(db.durationMs),
  ]);
  const lists = step.databases
    .filter((db) => db.migrations.length > 0)
    .map(
      (db) =>
        `<details><summary>${escape(db.database)}: ${db.migrations.length} migration(s) applied</summary>\n\n${appliedList(
          db,
        )
          .map((line) => `- ${escape(line)}`)
          .join('\n')}\n\n</details>`,
    );
  const checks = checksMarkdown(step.checks);
  return [
    '### Migrations',
    table(['Database', 'Result', 'Applied', 'Version', 'Time'], rows),
    ...lists,
    ...(checks ? [checks] : []),
  ].join('\n\n');
}

function testSection(step: TestResult): string {
  const lines = [
    '### Tests',
    `\`${escape(step.command)}\` ${step.passed ? 'passed' : `failed with exit code ${step.exitCode}`} in ${seconds(step.durationMs)}.`,
  ];
  if (step.junit) {
    lines.push(
      table(
        ['Tests', 'Failures', 'Errors', 'Skipped'],
        [[step.junit.tests, step.junit.failures, step.junit.errors, step.junit.skipped].map(String)],
      ),
    );
    if (step.junit.failed.length) lines.push(step.junit.failed.map((name) => `- ${escape(name)}`).join('\n'));
  }
  return lines.join('\n\n');
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function escape(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}
