import { DETECTORS, detectByName, nameTokens, PEOPLE_TABLE, type Detector } from './detectors.js';
import type { TableColumn } from './instance-catalog.js';
import type { ColumnRule } from './mask-rules.js';

/** A column that looks personal: what it seems to hold, why, and the rule that would mask it. */
export interface Suspect {
  database: string;
  table: string;
  column: string;
  type: string;
  unique: boolean;
  /** What it seems to hold: `e-mail addresses`. */
  holds: string;
  strategy: string;
  rule: ColumnRule;
  /** What made it a suspect, in a user's words: `its name says e-mail`, `200 of 200 sampled values are e-mail addresses`. */
  reasons: string[];
}

/** Sampled values are evidence when at least half of them, and at least this many, match. */
const MIN_MATCHED = 3;

/**
 * Decides whether a column looks personal, from its name, its type and its sampled values (as
 * text; empty when it was not sampled). A name match needs a column of a fitting kind; sampled
 * values count when at least half of them match one detector, and decide what the column holds
 * when its name says nothing or something else.
 */
export function classifyColumn(column: TableColumn, values: string[]): Suspect | undefined {
  const byName = nameMatch(column);
  const byValue = valueMatch(values);
  const reasons: string[] = [];
  if (byName) reasons.push(byName.reason);
  if (byValue) reasons.push(byValue.reason);
  // The values outweigh a name: a `contact` column full of e-mail addresses holds e-mails.
  let detector = byValue?.detector ?? byName?.detector;
  if (!detector && column.kind === 'network') {
    detector = DETECTORS.find((candidate) => candidate.strategy === 'ip-address');
    reasons.push(`its type ${column.type} holds IP addresses`);
  }
  if (!detector) return undefined;
  return {
    database: column.database,
    table: column.tableKey,
    column: column.column,
    type: column.type,
    unique: column.unique,
    holds: detector.what,
    ...suggestRule(detector.strategy, column.unique, reasons),
  };
}

/** The strategies whose fakes can stay unique (the others repeat values); hash stands in for the rest. */
const KEEP_UNIQUE = ['email', 'iban', 'uuid', 'hash', 'shuffle', 'expression'];

function suggestRule(
  strategy: string,
  unique: boolean,
  reasons: string[],
): Pick<Suspect, 'strategy' | 'rule' | 'reasons'> {
  if (!unique) return { strategy, rule: strategy, reasons };
  if (KEEP_UNIQUE.includes(strategy))
    return { strategy, rule: { strategy, unique: true }, reasons: [...reasons, 'unique index'] };
  return {
    strategy: 'hash',
    rule: { strategy: 'hash', unique: true },
    reasons: [...reasons, `unique index, which ${strategy} cannot keep: hash`],
  };
}

function nameMatch(column: TableColumn): { detector: Detector; reason: string } | undefined {
  const detector = detectByName(column.column, column.kind);
  if (detector) return { detector, reason: `its name says ${detector.label}` };
  if (
    nameTokens(column.column) === 'name' &&
    column.kind === 'text' &&
    PEOPLE_TABLE.test(nameTokens(column.table))
  ) {
    const fullName = DETECTORS.find((candidate) => candidate.strategy === 'full-name');
    if (fullName) return { detector: fullName, reason: `a name in a table of people (${column.table})` };
  }
  return undefined;
}

function valueMatch(values: string[]): { detector: Detector; reason: string } | undefined {
  if (values.length === 0) return undefined;
  let best: { detector: Detector; matched: number } | undefined;
  for (const detector of DETECTORS) {
    if (!detector.value) continue;
    const matched = values.filter((value) => detector.value?.(value)).length;
    if (matched > (best?.matched ?? 0)) best = { detector, matched };
  }
  if (!best) return undefined;
  const enough = best.matched * 2 >= values.length && best.matched >= Math.min(MIN_MATCHED, values.length);
  if (!enough) return undefined;
  return {
    detector: best.detector,
    reason: `${best.matched} of ${values.length} sampled values are ${best.detector.what}`,
  };
}
