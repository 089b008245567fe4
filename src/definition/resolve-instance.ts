import { atField, FieldProblem, type DefinitionSite } from './definition-error.js';
import { detectSource } from './detect-source.js';
import { resolveWrittenPath } from './inspect-path.js';
import { readHeadOf } from './resolve-sql-source.js';
import type { EngineName, InstanceDefinition } from './types.js';
import type { RawInstance } from './validate-schema.js';

/**
 * The definition's `instance`: a logical dump of a whole server, a .sql or .sql.gz that creates
 * its databases itself (pg_dumpall; mysqldump --all-databases or --databases a b c).
 */
export async function resolveInstance(
  site: DefinitionSite,
  raw: RawInstance,
  engine: EngineName,
  directory: string,
): Promise<InstanceDefinition> {
  const where = resolveWrittenPath(directory, raw.source);
  return atField(site, ['instance', 'source'], async () => {
    const source = await detectSource(where, raw.format, engine);
    if (source.kind !== 'sql' && source.kind !== 'sql-gz') {
      throw new FieldProblem(
        `"${where.written}" is ${source.kind === 'scripts' ? 'a folder of scripts' : 'a pg_dump archive of one database'}, not a dump of a whole server`,
        engine === 'postgres'
          ? 'Give instance a pg_dumpall script (pg_dumpall > all.sql, .sql or .sql.gz); restore a pg_dump archive as one database: list it under databases with its name and source.'
          : 'Give instance a mysqldump --all-databases (or --databases a b c) script, .sql or .sql.gz; restore other sources under databases.',
      );
    }
    const head = await readHeadOf(source, engine);
    if (!head.isClusterDump && head.creates.length === 0) {
      throw new FieldProblem(
        `"${where.written}" does not look like a dump of a whole server: its head creates no database${engine === 'postgres' ? ' and it is not pg_dumpall output' : ''}`,
        engine === 'postgres'
          ? "Make it with pg_dumpall (or pg_dump --create for one database); a dump of one database without CREATE DATABASE goes under databases, as that database's source."
          : 'Make it with mysqldump --all-databases or --databases a b c (each database then starts with CREATE DATABASE and USE); a dump of one database goes under databases.',
      );
    }
    return { source: { ...source, createsDatabase: true } };
  });
}
