import { DatacloneError } from './errors.js';

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses a lifetime such as `90m`, `8h` or `3d` into milliseconds; `field` names it in errors. */
export function parseDuration(text: string, field: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([smhdw])$/.exec(text.trim());
  const unit = match?.[2] ? UNITS[match[2]] : undefined;
  if (!match?.[1] || unit === undefined || Number(match[1]) <= 0) {
    throw new DatacloneError(
      `${field}: '${text}' is not a duration`,
      'Write a number and a unit: s, m, h, d or w (for example 30m, 8h, 3d).',
    );
  }
  return Math.round(Number(match[1]) * unit);
}
