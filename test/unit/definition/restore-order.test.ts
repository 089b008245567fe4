import { describe, expect, it } from 'vitest';
import { restoreOrder } from '../../../src/definition/restore-order.js';

/** `'b:a c:a,b'` is b depending on a, then c depending on a and b. */
function databases(text: string) {
  return text.split(' ').map((entry) => {
    const [name = '', dependsOn = ''] = entry.split(':');
    return { name, dependsOn: dependsOn ? dependsOn.split(',') : [] };
  });
}

describe('restoreOrder', () => {
  it.each([
    ['keeps the written order when nothing depends on anything', 'a b c', 'a b c'],
    ['moves a database after what it depends on', 'b:a a c', 'a b c'],
    ['keeps the written order among databases that are ready', 'c:b a b:a d', 'a b c d'],
    [
      'places a dependency chain in order',
      'reporting:orders,customers orders:customers customers',
      'customers orders reporting',
    ],
    ['leaves unrelated databases where they were written', 'x y:z z w', 'x z y w'],
  ])('%s', (_case, written, expected) => {
    const result = restoreOrder(databases(written));
    expect('order' in result && result.order.map((db) => db.name).join(' ')).toBe(expected);
  });

  it.each([
    [
      'two databases that depend on each other',
      'customers:orders orders:customers',
      'customers -> orders -> customers',
    ],
    ['a longer cycle', 'a:c b:a c:b', 'a -> c -> b -> a'],
    ['only the cycle, not a database waiting on it', 'top:b b:d c:b d:c', 'b -> d -> c -> b'],
  ])('finds %s', (_case, written, cycle) => {
    const result = restoreOrder(databases(written));
    expect('cycle' in result && result.cycle.join(' -> ')).toBe(cycle);
  });
});
