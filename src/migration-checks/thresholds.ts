import { formatBytes } from '../core/bytes.js';
import { DatacloneError } from '../core/errors.js';
import type { MigrationObservation } from './analyse-migrations.js';

/** Limits that fail the migrate step, per database (the definition) or for all (inputs, CLI). */
export interface MigrationThresholds {
  /** Fail when a migration holds an exclusive lock on a table of more than `rows` rows longer than this. */
  exclusiveLock?: { longerThanMs: number; rows: number };
  /** Fail when a migration rewrites (or copies) a table larger than this many bytes. */
  rewriteBytes?: number;
}

/** A threshold a migration crossed: every fact a reviewer needs, and one sentence saying them. */
export interface ThresholdViolation {
  database: string;
  migration: string;
  table: string;
  rule: 'exclusive-lock' | 'rewrite';
  lock?: string;
  heldMs?: number;
  bytes?: number;
  rows: number;
  message: string;
}

/** The migrations' observations checked against the database's thresholds. */
export function checkThresholds(
  database: string,
  observations: MigrationObservation[],
  thresholds: MigrationThresholds,
  exclusiveModes: readonly string[],
): ThresholdViolation[] {
  const violations: ThresholdViolation[] = [];
  const { exclusiveLock, rewriteBytes } = thresholds;
  for (const { migration, locks, rewrites } of observations) {
    for (const lock of exclusiveLock ? locks : []) {
      const held = lock.modes.find((m) => exclusiveModes.includes(m.mode));
      if (!exclusiveLock || !held || held.heldMs <= exclusiveLock.longerThanMs) continue;
      // A table whose size the server does not know counts as a large one.
      if (lock.rows !== -1 && lock.rows <= exclusiveLock.rows) continue;
      violations.push({
        database,
        migration,
        table: lock.table,
        rule: 'exclusive-lock',
        lock: held.mode,
        heldMs: held.heldMs,
        rows: lock.rows,
        message: `${database}: migration ${migration} held ${held.mode} on table ${lock.table} (${rowsText(lock.rows)}) for ${held.heldMs} ms, longer than the ${exclusiveLock.longerThanMs} ms allowed on tables of more than ${exclusiveLock.rows} rows`,
      });
    }
    for (const rewrite of rewriteBytes !== undefined ? rewrites : []) {
      if (rewriteBytes === undefined || rewrite.bytesBefore <= rewriteBytes) continue;
      violations.push({
        database,
        migration,
        table: rewrite.table,
        rule: 'rewrite',
        bytes: rewrite.bytesBefore,
        rows: rewrite.rows,
        message: `${database}: migration ${migration} ${rewrite.copied ? 'copied' : 'rewrote'} table ${rewrite.table} (${formatBytes(rewrite.bytesBefore)}, ${rowsText(rewrite.rows)}), larger than the ${formatBytes(rewriteBytes)} allowed`,
      });
    }
  }
  return violations;
}

export function rowsText(rows: number): string {
  return rows === -1 ? 'rows unknown' : `~${rows} rows`;
}

/** Thresholds as written in a definition's `checks:` or given as inputs: `2s`, `500ms`, `100MB`. */
export interface WrittenThresholds {
  exclusiveLock?: { longerThan: string; rows?: number };
  rewrite?: { largerThan: string };
}

/** Reads written thresholds; `where` names the field or option in the error of a bad value. */
export function parseThresholds(
  written: WrittenThresholds,
  where: (field: string) => string,
): MigrationThresholds {
  return {
    ...(written.exclusiveLock && {
      exclusiveLock: {
        longerThanMs: parseMilliseconds(written.exclusiveLock.longerThan, where('exclusiveLock.longerThan')),
        rows: written.exclusiveLock.rows ?? 0,
      },
    }),
    ...(written.rewrite && {
      rewriteBytes: parseBytes(written.rewrite.largerThan, where('rewrite.largerThan')),
    }),
  };
}

const TIME_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };
const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 };

export function parseMilliseconds(text: string, field: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/.exec(text.trim());
  if (!match?.[1] || !match[2]) throw thresholdError(field, text, 'a duration: 500ms, 2s or 1m');
  return Math.round(Number(match[1]) * (TIME_UNITS[match[2]] ?? 1));
}

export function parseBytes(text: string, field: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb)$/i.exec(text.trim());
  if (!match?.[1] || !match[2])
    throw thresholdError(field, text, 'a size: 500kB, 100MB or 2GB (units of 1024)');
  return Math.round(Number(match[1]) * (SIZE_UNITS[match[2].toLowerCase()] ?? 1));
}

function thresholdError(field: string, value: string, expected: string): DatacloneError {
  return new DatacloneError(
    `${field}: '${value}' is not ${expected}`,
    `Write it as ${expected.replace(/^an? \w+: /, '')}.`,
  );
}
