/**
 * Orders items so that each comes after everything it depends on, keeping the written order
 * otherwise. Returns the order, or the first cycle found (as names, first repeated at the end).
 */
export function restoreOrder<T extends { name: string; dependsOn: string[] }>(
  items: T[],
): { order: T[] } | { cycle: string[] } {
  const byName = new Map(items.map((item) => [item.name, item]));
  const order: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (item: T, trail: string[]): string[] | undefined => {
    const seen = state.get(item.name);
    if (seen === 'done') return undefined;
    if (seen === 'visiting') return [...trail.slice(trail.indexOf(item.name)), item.name];
    state.set(item.name, 'visiting');
    for (const dependency of item.dependsOn) {
      const next = byName.get(dependency);
      const cycle = next ? visit(next, [...trail, item.name]) : undefined;
      if (cycle) return cycle;
    }
    state.set(item.name, 'done');
    order.push(item);
    return undefined;
  };
  for (const item of items) {
    const cycle = visit(item, []);
    if (cycle) return { cycle };
  }
  return { order };
}
