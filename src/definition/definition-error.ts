import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import { DatacloneError } from '../core/errors.js';

/** The parsed definition file, to point errors at a line: the file as the user named it. */
export interface DefinitionSite {
  file: string;
  document: Document;
  lines: LineCounter;
}

/** Where a value sits in the definition: `['databases', 1, 'source']`. */
export type FieldPath = (string | number)[];

/**
 * A problem found by a check that knows nothing of YAML (a file on disk, a dependency);
 * `atField` turns it into an error with the file, line and field.
 */
export class FieldProblem extends Error {
  constructor(
    readonly problem: string,
    readonly hint: string,
  ) {
    super(problem);
  }
}

/** Runs a check of the value at `path`, placing any FieldProblem it throws at that value's line. */
export async function atField<T>(
  site: DefinitionSite,
  path: FieldPath,
  check: () => T | Promise<T>,
): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof FieldProblem) throw definitionError(site, path, error.problem, error.hint);
    throw error;
  }
}

/** `file:line:column: field: problem`, with a hint saying what to do. */
export function definitionError(
  site: DefinitionSite,
  path: FieldPath,
  problem: string,
  hint?: string,
): DatacloneError {
  return new DatacloneError(`${locate(site, path)}: ${fieldName(path)}${problem}`, hint);
}

/** `file:line:column` of the value at `path` (see `offsetOf`). */
export function locate(site: DefinitionSite, path: FieldPath, { key = false } = {}): string {
  const { line, col } = site.lines.linePos(offsetOf(site, path, { key }));
  return `${site.file}:${line}:${col}`;
}

/** `databases[1].source: ` for a path; nothing for the top level. */
export function fieldName(path: FieldPath): string {
  if (path.length === 0) return '';
  const text = path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
  return `${text}: `;
}

/**
 * Where in the text the value at `path` starts, or its nearest parent that exists (a missing
 * field is reported at the mapping that lacks it). With `key`, where the field's name starts.
 */
export function offsetOf(site: DefinitionSite, path: FieldPath, { key = false } = {}): number {
  const keyOffset = key ? offsetOfKey(site, path) : undefined;
  if (keyOffset !== undefined) return keyOffset;
  for (let length = path.length; length > 0; length--) {
    const start = rangeStart(site.document.getIn(path.slice(0, length), true));
    if (start !== undefined) return start;
  }
  return rangeStart(site.document.contents) ?? 0;
}

function offsetOfKey(site: DefinitionSite, path: FieldPath): number | undefined {
  const parentPath = path.slice(0, -1);
  const parent = parentPath.length ? site.document.getIn(parentPath, true) : site.document.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find(
    (item) => isScalar(item.key) && String(item.key.value) === String(path.at(-1)),
  );
  return isScalar(pair?.key) ? rangeStart(pair.key) : undefined;
}

function rangeStart(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
}
