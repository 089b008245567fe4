import { atField, FieldProblem, type DefinitionSite } from './definition-error.js';
import { checkGzip, inspectPath, resolveWrittenPath, type WrittenPath } from './inspect-path.js';
import { checkIsDatabase } from './resolve-databases.js';
import type { ScriptStep } from './types.js';
import type { RawScript } from './validate-schema.js';

/** The `setup` or `after` scripts, in the order listed: existing .sql or .sql.gz files. */
export async function resolveScripts(
  site: DefinitionSite,
  field: 'setup' | 'after',
  raw: RawScript[],
  databaseNames: string[],
  directory: string,
): Promise<ScriptStep[]> {
  const steps: ScriptStep[] = [];
  for (const [index, entry] of raw.entries()) {
    const { script, database } = typeof entry === 'string' ? { script: entry, database: undefined } : entry;
    if (database !== undefined)
      await atField(site, [field, index, 'database'], () => checkIsDatabase(database, databaseNames));
    const where = resolveWrittenPath(directory, script);
    await atField(site, typeof entry === 'string' ? [field, index] : [field, index, 'script'], async () => {
      await checkScriptFile(where);
    });
    steps.push(database === undefined ? { path: where.absolute } : { path: where.absolute, database });
  }
  return steps;
}

async function checkScriptFile(where: WrittenPath): Promise<void> {
  if ((await inspectPath(where, 'file')).isFolder || !/\.sql(\.gz)?$/i.test(where.written)) {
    throw new FieldProblem(
      `"${where.written}" is not a .sql or .sql.gz file`,
      "Scripts are SQL files, run with the engine's own client; to run a folder of scripts, list each one.",
    );
  }
  if (/\.gz$/i.test(where.written)) await checkGzip(where);
}
