/** ok: nothing to do; warn: works, but slower or with a caveat; fail: dataclone cannot work. */
export type CheckStatus = 'ok' | 'warn' | 'fail';

/** The outcome of one doctor check: what was found and, unless ok, what to do about it. */
export interface CheckResult<Name extends string, Details> {
  name: Name;
  status: CheckStatus;
  /** One short line: what the check found. */
  finding: string;
  /** For warn and fail: what to do. */
  hint?: string;
  /** The facts behind the finding, for --json; absent when the check could not look. */
  details?: Details;
}

/** The README section that explains storage for cheap first writes. */
export const STORAGE_README_SECTION = 'README "Fast copy-on-write storage"';

const GIB = 1024 ** 3;

/** Bytes as GiB with one decimal: the unit the doctor's thresholds are given in. */
export function gib(bytes: number): string {
  return `${(bytes / GIB).toFixed(1)} GiB`;
}

export function gibibytes(count: number): number {
  return count * GIB;
}

/** Names joined with commas, the first `max` of them and how many more there are. */
export function listNames(names: string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
