import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { atField, definitionError, FieldProblem, type DefinitionSite } from './definition-error.js';
import { detectSource } from './detect-source.js';
import { inspectPath, listFiles, resolveWrittenPath, sniffFile, type WrittenPath } from './inspect-path.js';
import { isLiveSourceUrl, liveField, resolveLiveSource } from './resolve-live-source.js';
import { readHeadOf } from './resolve-sql-source.js';
import type { EngineName, InstanceDefinition, PhysicalBackup } from './types.js';
import type { RawInstance } from './validate-schema.js';

/**
 * The definition's `instance`: a logical dump of a whole server, a .sql or .sql.gz that creates
 * its databases itself (pg_dumpall; mysqldump --all-databases or --databases a b c), a live
 * server dumped whole when the build runs, or a physical backup (pg_basebackup).
 */
export async function resolveInstance(
  site: DefinitionSite,
  raw: RawInstance,
  engine: EngineName,
  directory: string,
): Promise<InstanceDefinition> {
  if (raw.backup !== undefined) {
    const written = raw.backup;
    if (raw.source !== undefined || raw.format !== undefined) {
      throw definitionError(
        site,
        ['instance', raw.source !== undefined ? 'source' : 'format'],
        'an instance comes from a dump (source) or from a physical backup (backup), not both',
        'Keep one of the two.',
      );
    }
    return atField(site, ['instance', 'backup'], async () => ({
      backup: await resolveBackup(resolveWrittenPath(directory, written), engine),
    }));
  }
  if (raw.source === undefined) {
    throw definitionError(
      site,
      ['instance'],
      'instance needs a source (a dump of a whole server) or a backup (pg_basebackup)',
      'Add source: backups/all.sql (pg_dumpall, mysqldump --all-databases) or backup: backups/base/ (pg_basebackup).',
    );
  }
  const written = raw.source;
  if (typeof written === 'object' || isLiveSourceUrl(written)) {
    if (raw.format !== undefined) {
      throw definitionError(
        site,
        ['instance', 'format'],
        'format describes a file, and this source is a live server',
        'Remove format: the build dumps the live server in a form it restores itself.',
      );
    }
    const field = liveField(site, ['instance', 'source']);
    return atField(site, ['instance', 'source'], () => ({
      source: resolveLiveSource(written, engine, { field }),
    }));
  }
  const where = resolveWrittenPath(directory, written);
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

const TAR = /\.(tar|tar\.gz|tgz)$/i;

/** What pg_basebackup wrote: a plain data directory, a folder of tar files, or one tar file. */
async function resolveBackup(where: WrittenPath, engine: EngineName): Promise<PhysicalBackup> {
  if (engine === 'mariadb') return resolveMariabackup(where);
  if (engine !== 'postgres') {
    throw new FieldProblem(
      `physical backups are not supported for ${engine}: the image has no tool that makes or prepares them (Percona XtraBackup, MySQL Enterprise Backup)`,
      'Restore a logical dump instead: instance: { source: all.sql } (mysqldump --all-databases), or a live server: instance: { source: mysql://replica:3306 }.',
    );
  }
  const { isFolder } = await inspectPath(where, 'path');
  if (!isFolder) {
    if (!TAR.test(where.written)) {
      throw new FieldProblem(
        `"${where.written}" is not a pg_basebackup tar file (.tar, .tar.gz) or folder`,
        'Point backup at the folder pg_basebackup -D wrote, or at its base.tar / base.tar.gz.',
      );
    }
    await checkCompression(where);
    return { kind: 'pg-basebackup-tar', base: where.absolute };
  }
  const has = async (name: RegExp) => (await listFiles(where.absolute, name))[0];
  if (await has(/^PG_VERSION$/)) return { kind: 'pg-basebackup-plain', path: where.absolute };
  const base = await has(/^base\.tar(\.gz)?$/);
  if (!base) {
    throw new FieldProblem(
      `the folder "${where.written}" is not a pg_basebackup: it has neither PG_VERSION (-Fp) nor base.tar / base.tar.gz (-Ft)`,
      'Make it with pg_basebackup -D <folder> -Fp -X stream (or -Ft -z -X stream), and point backup at that folder.',
    );
  }
  const wal = await has(/^pg_wal\.tar(\.gz)?$/);
  for (const file of [base, wal]) {
    if (file)
      await checkCompression({ written: path.join(where.written, path.basename(file)), absolute: file });
  }
  return { kind: 'pg-basebackup-tar', base, ...(wal && { wal }) };
}

/**
 * What mariabackup wrote and prepared: its target folder, or a tar of that folder's content
 * (tar -C backup -czf backup.tar.gz .). A folder is checked here; a tar once it is unpacked.
 */
async function resolveMariabackup(where: WrittenPath): Promise<PhysicalBackup> {
  const { isFolder } = await inspectPath(where, 'path');
  if (!isFolder) {
    if (!TAR.test(where.written)) {
      throw new FieldProblem(
        `"${where.written}" is not a mariabackup folder or a tar of one (.tar, .tar.gz)`,
        'Point backup at the folder mariabackup --backup --target-dir wrote (prepared with mariabackup --prepare), or at a tar of its content.',
      );
    }
    await checkCompression(where);
    return { kind: 'mariabackup', path: where.absolute, form: /gz$/i.test(where.written) ? 'tar.gz' : 'tar' };
  }
  const [checkpoints] = await listFiles(
    where.absolute,
    /^(mariadb|xtrabackup)_backup_checkpoints$|^xtrabackup_checkpoints$/,
  );
  if (!checkpoints) {
    throw new FieldProblem(
      `the folder "${where.written}" is not a mariabackup backup: it has no mariadb_backup_checkpoints (or xtrabackup_checkpoints)`,
      'Make it with mariabackup --backup --target-dir=<folder>, then mariabackup --prepare --target-dir=<folder>, and point backup at that folder.',
    );
  }
  const type = /^backup_type\s*=\s*(\S+)/m.exec(await readFile(checkpoints, 'utf8'))?.[1];
  if (type !== 'log-applied') {
    throw new FieldProblem(
      `the mariabackup backup "${where.written}" is not prepared (its backup_type is ${type ?? 'missing'}, not log-applied)`,
      `Prepare it first, with the mariabackup of the server's version: mariabackup --prepare --target-dir=${where.written}`,
    );
  }
  return { kind: 'mariabackup', path: where.absolute, form: 'folder' };
}

/** A .gz must be gzip, and a .tar must not be: finding out half way into the restore is late. */
async function checkCompression(where: WrittenPath): Promise<void> {
  const { isGzip } = await sniffFile(where);
  const named = /gz$/i.test(where.written);
  if (isGzip === named) return;
  throw new FieldProblem(
    `"${where.written}" is ${isGzip ? 'gzip-compressed but not named .gz' : 'named .gz but not gzip-compressed'}`,
    'Keep the names pg_basebackup gave its files (base.tar, or base.tar.gz with -z).',
  );
}
