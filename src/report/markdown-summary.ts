import type { Clone } from '../clones/clone.js';
import type { MigrateResult } from '../pipeline/migrate.js';
import type { ProvisionResult } from '../pipeline/provision.js';
import type { ResetResult } from '../pipeline/reset.js';
import type { RunResult } from '../pipeline/run-job.js';
import type { TestResult } from '../pipeline/run-tests.js';
import type { TeardownResult } from '../pipeline/teardown.js';

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

function migrationsSection(step: MigrateResult): string {
  const rows = step.databases.flatMap((db) =>
    db.success
      ? db.migrations.length
        ? db.migrations.map((m) => [
            db.database,
            m.version || 'repeatable',
            m.description,
            `${m.executionTimeMs} ms`,
          ])
        : [[db.database, '-', 'up to date', '']]
      : [
          [
            db.database,
            '**failed**',
            `${db.error?.code ?? ''}: ${(db.error?.message ?? '').split('\n')[0]}`,
            '',
          ],
        ],
  );
  return [
    '### Migrations',
    rows.length ? table(['Database', 'Version', 'Description', 'Time'], rows) : 'No database has migrations.',
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
