import { DatacloneError } from '../core/errors.js';
import type { MigrationCheckSettings } from './check-migrations.js';
import { parseBytes, parseMilliseconds, type MigrationThresholds } from './thresholds.js';

/**
 * The migration checks' settings as the command line and the CI inputs name them (the same
 * kebab-case names): `no-migration-checks`, `max-exclusive-lock` (2s), `exclusive-lock-rows`
 * (100000), `max-rewrite` (100MB) and `checks-report` (a file). `where` names an option in errors.
 */
export function readCheckOptions(
  get: (name: string) => string | undefined,
  where: (name: string) => string,
): MigrationCheckSettings {
  const maxLock = get('max-exclusive-lock');
  const rows = get('exclusive-lock-rows');
  const maxRewrite = get('max-rewrite');
  const report = get('checks-report');
  if (rows && !maxLock)
    throw new DatacloneError(
      `${where('exclusive-lock-rows')} was given without ${where('max-exclusive-lock')}`,
      'Give the time an exclusive lock may be held too, e.g. 2s; rows only narrows it to larger tables.',
    );
  if (rows && !/^\d+$/.test(rows))
    throw new DatacloneError(
      `${where('exclusive-lock-rows')}: '${rows}' is not a number of rows`,
      'Give a whole number, e.g. 100000.',
    );
  const thresholds: MigrationThresholds = {
    ...(maxLock && {
      exclusiveLock: {
        longerThanMs: parseMilliseconds(maxLock, where('max-exclusive-lock')),
        rows: rows ? Number(rows) : 0,
      },
    }),
    ...(maxRewrite && { rewriteBytes: parseBytes(maxRewrite, where('max-rewrite')) }),
  };
  return {
    ...(get('no-migration-checks') === 'true' && { enabled: false }),
    ...(Object.keys(thresholds).length && { thresholds }),
    ...(report && { reportFile: report }),
  };
}
