import { FieldProblem } from './definition-error.js';
import { detectSource } from './detect-source.js';
import type { WrittenPath } from './inspect-path.js';
import { describeSqlHead, readSqlHead, type SqlHead } from './sql-head.js';
import type { DatabaseSource, EngineName, SqlSource } from './types.js';

/**
 * A database's source, with a .sql or .sql.gz that creates its own database recognised from the
 * statements at its head: it then runs in the maintenance database, and must create the database
 * the entry names. `createsDatabase` given in the definition overrides what the head says.
 */
export async function resolveDatabaseSource(
  where: WrittenPath,
  entry: { name: string; format?: Parameters<typeof detectSource>[1]; createsDatabase?: boolean },
  engine: EngineName,
): Promise<DatabaseSource> {
  const source = await detectSource(where, entry.format, engine);
  if (source.kind !== 'sql' && source.kind !== 'sql-gz') {
    if (entry.createsDatabase === true) {
      throw new FieldProblem(
        `createsDatabase applies to a .sql or .sql.gz script, and "${where.written}" is not one`,
        'Remove createsDatabase: pg_dump archives and script folders always restore into the database this entry names.',
      );
    }
    return source;
  }
  const head = await readHeadOf(source, engine);
  if (head.isClusterDump) {
    throw new FieldProblem(
      `"${where.written}" is a pg_dumpall dump of a whole server (roles, then every database), not of one database`,
      `Restore it as the instance: "instance: { source: ${where.written} }"; its databases are found once it is restored, and an entry under databases then only adds migrations or dependsOn.`,
    );
  }
  if (entry.createsDatabase === false) return source;
  const [created, ...more] = head.creates;
  if (more.length > 0) {
    throw new FieldProblem(
      `"${where.written}" creates several databases (${head.creates.join(', ')}), not only '${entry.name}'`,
      `Restore it as the instance: "instance: { source: ${where.written} }"; every database it creates is then part of the image.`,
    );
  }
  if (created !== undefined && created !== entry.name) {
    throw new FieldProblem(
      `"${where.written}" creates database '${created}' (CREATE DATABASE at its head), but this entry is '${entry.name}'`,
      `Name the entry '${created}', or change the dump's CREATE DATABASE and ${engine === 'postgres' ? '\\connect' : 'USE'} lines to '${entry.name}'.`,
    );
  }
  const elsewhere = head.connectsTo.find((name) => name !== entry.name);
  if (created === undefined && elsewhere !== undefined && entry.createsDatabase !== true) {
    throw new FieldProblem(
      `"${where.written}" switches to database '${elsewhere}' at its head (${engine === 'postgres' ? `\\connect ${elsewhere}` : `USE ${elsewhere}`}), so it would not restore into '${entry.name}'`,
      `Name the entry '${elsewhere}', or remove that line from the dump.`,
    );
  }
  if (created === undefined && entry.createsDatabase !== true) return source;
  return { ...source, createsDatabase: true } satisfies SqlSource;
}

/** The head of a plain SQL source, read as the engine's dialect. */
export async function readHeadOf(source: SqlSource, engine: EngineName): Promise<SqlHead> {
  const text = await readSqlHead(source.path, source.kind === 'sql-gz');
  return describeSqlHead(text, engine === 'postgres' ? 'postgres' : 'mysql');
}
