import { SCHEMA_OBJECT_KINDS, type SchemaObjectKind, type SchemaSnapshot } from './observation.js';

/** What migrating changed in one database's schema, kind by kind. */
export interface SchemaDiff {
  changes: SchemaChange[];
}

export interface SchemaChange {
  kind: SchemaObjectKind;
  change: 'added' | 'removed' | 'changed';
  name: string;
  before?: string;
  after?: string;
}

/** Compares the catalog before Flyway ran with the one after, object by object. */
export function diffSchemas(before: SchemaSnapshot, after: SchemaSnapshot): SchemaDiff {
  const changes: SchemaChange[] = [];
  for (const kind of SCHEMA_OBJECT_KINDS) {
    const old = before[kind];
    const now = after[kind];
    for (const name of [...new Set([...Object.keys(old), ...Object.keys(now)])].sort()) {
      const [was, is] = [old[name], now[name]];
      if (was === is) continue;
      if (was === undefined) changes.push({ kind, change: 'added', name, after: is });
      else if (is === undefined) changes.push({ kind, change: 'removed', name, before: was });
      else changes.push({ kind, change: 'changed', name, before: was, after: is });
    }
  }
  return { changes };
}

const SIGN = { added: '+', removed: '-', changed: '~' } as const;

/** One line per change: `+ column orders.note: text`, `~ column orders.amount: integer → bigint`. */
export function schemaDiffLines(diff: SchemaDiff): string[] {
  return diff.changes.map(({ kind, change, name, before, after }) => {
    const what = `${SIGN[change]} ${kind.replace(/s$/, '').replace(/indexe$/, 'index')} ${name}`;
    if (change === 'changed') return `${what}: ${before} → ${after}`;
    return `${what}: ${change === 'added' ? after : before}`;
  });
}
