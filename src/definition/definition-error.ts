import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import { DatacloneError } from '../core/errors.js';

/** Where in a definition file a problem is: the file as the user named it, and a field path. */
export interface DefinitionSite {
  file: string;
  document: Document;
  lines: LineCounter;
}

export type FieldPath = (string | number)[];

/**
 * An error about one field of a definition: `file:line:column: field: problem`, and a hint.
 * `key` points at the field's name rather than its value (for unknown fields).
 */
export function definitionError(
  site: DefinitionSite,
  path: FieldPath,
  problem: string,
  hint?: string,
  key = false,
): DatacloneError {
  return new DatacloneError(`${locate(site, path, key)}: ${fieldName(path)}${problem}`, hint);
}

/** `file:line:column` of the field at `path`, or of its nearest parent that exists. */
export function locate(site: DefinitionSite, path: FieldPath, key = false): string {
  const offset = offsetOf(site, path, key);
  const { line, col } = site.lines.linePos(offset);
  return `${site.file}:${line}:${col}`;
}

/** `databases[1].source: ` for a path, or nothing for the top level. */
export function fieldName(path: FieldPath): string {
  if (path.length === 0) return '';
  const text = path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
  return `${text}: `;
}

function offsetOf(site: DefinitionSite, path: FieldPath, key: boolean): number {
  for (let length = path.length; length >= 0; length--) {
    const prefix = path.slice(0, length);
    if (key && length === path.length && length > 0) {
      const parent = site.document.getIn(prefix.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === prefix.at(-1));
        const range = isScalar(pair?.key) ? pair.key.range : undefined;
        if (range) return range[0];
      }
      continue;
    }
    const node = length === 0 ? site.document.contents : site.document.getIn(prefix, true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return range[0];
  }
  return 0;
}
