import type { Clone } from '../clones/clone.js';
import type { StepResult } from '../report/markdown-summary.js';
import { appliedCount, schemaVersionAfter } from '../report/migration-summary.js';
import { registerCloneSecrets } from './ci-masking.js';
import type { CommandContext } from './command.js';
import { cloneJson } from './commands/clone-commands.js';
import { warmLines } from '../report/warm-summary.js';
import { formatTable } from './table.js';

/** Prints a step's result: JSON for --json (the shape the README documents), else a summary table. */
export function printStepResult(context: CommandContext, result: StepResult): void {
  registerCloneSecrets(context.reporter, clonesOf(result));
  if (context.json) {
    context.print(JSON.stringify(toJson(result), null, 2));
    return;
  }
  context.print(summaryLines(result).join('\n'));
}

function clonesOf(result: StepResult): Clone[] {
  if (result.step === 'provision' || result.step === 'reset') return result.clones;
  if (result.step === 'run') return result.steps.flatMap(clonesOf);
  return [];
}

export function toJson(result: StepResult): unknown {
  switch (result.step) {
    case 'provision':
    case 'reset':
      return { ...result, clones: result.clones.map(cloneJson) };
    case 'run':
      return { ...result, steps: result.steps.map(toJson) };
    default:
      return result;
  }
}

function summaryLines(result: StepResult): string[] {
  const time = `${(result.durationMs / 1000).toFixed(2)} s`;
  switch (result.step) {
    case 'provision':
    case 'reset':
      return [
        `${result.step}: ${result.clones.length} clone(s) in ${time}`,
        formatTable(
          ['CLONE', 'IMAGE', 'ADDRESS', 'DATABASES'],
          result.clones.map((clone) => [
            clone.name,
            clone.image,
            `${clone.connection.host}:${clone.connection.port}`,
            clone.connection.databases.map((db) => db.name).join(', '),
          ]),
        ),
        ...(result.step === 'provision' && result.warm
          ? warmLines(result.warm).map((line) => `warm: ${line}`)
          : []),
      ];
    case 'migrate':
      if (result.skipped) return [`migrate: skipped, ${result.skipped}`];
      return [
        `migrate: ${result.success ? 'succeeded' : 'FAILED'} in ${time}`,
        formatTable(
          ['DATABASE', 'RESULT', 'APPLIED', 'VERSION', 'TIME'],
          result.databases.map((db) => [
            db.database,
            db.success ? 'ok' : `failed: ${db.error?.code ?? ''}`,
            appliedCount(db),
            schemaVersionAfter(db) ?? '-',
            `${(db.durationMs / 1000).toFixed(2)} s`,
          ]),
        ),
        ...result.violations.map((violation) => `threshold crossed: ${violation.message}`),
      ];
    case 'test': {
      const junit = result.junit
        ? `, JUnit: ${result.junit.tests} tests, ${result.junit.failures} failures, ${result.junit.errors} errors, ${result.junit.skipped} skipped`
        : '';
      return [
        `test: ${result.passed ? 'passed' : `failed (exit code ${result.exitCode})`} in ${time}${junit}`,
      ];
    }
    case 'teardown':
      return [
        `teardown: removed ${result.removed.length} clone(s) in ${time}${result.removed.length ? `: ${result.removed.join(', ')}` : ''}`,
      ];
    case 'run':
      return [
        ...result.steps.flatMap(summaryLines),
        `run: ${result.success ? 'succeeded' : `failed (exit code ${result.exitCode})`} in ${time}`,
      ];
  }
}
