import { DatacloneError } from '../../core/errors.js';
import type { Reporter } from '../../core/reporter.js';
import type { BuildShell, Engine } from '../../engines/engine.js';
import { classifyInstance, suggestedRules, type Classification } from './classify-instance.js';
import type { MaskSettings } from './mask-rules.js';

export interface RequireClassifiedOptions {
  shell: BuildShell;
  engine: Engine;
  /** The definition file, for the error. */
  file: string;
  mask: MaskSettings | undefined;
  /** The instance's databases, once restored. */
  databases: string[];
  reporter: Reporter;
}

/**
 * `mask: { require: classified }`: classifies the build instance once it is restored and masked,
 * and fails the build when a column looks personal and no rule masks it, so that a new column in
 * production cannot reach CI unmasked. Without the setting it does nothing.
 */
export async function requireClassified(
  options: RequireClassifiedOptions,
): Promise<Classification | undefined> {
  if (options.mask?.require !== 'classified') return undefined;
  const { shell, engine } = options;
  const classification = await classifyInstance({
    engine,
    run: (command, label) => shell.run(command, { label: `classify: ${label}` }),
    databases: options.databases,
    rules: options.mask.rules,
    reporter: options.reporter,
  });
  const missing = classification.suspects;
  if (missing.length === 0) {
    options.reporter.info(
      `mask.require: classified: every column that looks personal has a rule (${classification.covered.length} of ${classification.columns} columns)`,
    );
    return classification;
  }
  const lines = missing.map(
    (suspect) =>
      `  ${suspect.database}.${suspect.table}.${suspect.column} (${suspect.type}): ${suspect.reasons.join('; ')}`,
  );
  throw new DatacloneError(
    `${options.file}: mask.require: classified: ${missing.length} column(s) look personal and no mask rule covers them:\n${lines.join('\n')}`,
    `Add a rule for each under mask.rules (or \`empty\` for its table), for example:\n${suggestedRules(classification)}\nNothing was tagged.`,
  );
}
