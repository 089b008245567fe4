/**
 * Orders items so that each comes after everything it depends on, and otherwise as written:
 * each step takes the first item, in the written order, whose dependencies are all placed.
 * When the dependencies go round in a cycle, returns it instead, by name, following dependsOn
 * and ending where it started (`a -> b -> a`). Every name in dependsOn must be an item's.
 */
export function restoreOrder<T extends { name: string; dependsOn: string[] }>(
  items: T[],
): { order: T[] } | { cycle: string[] } {
  const placed = new Set<string>();
  const order: T[] = [];
  let waiting = items;
  while (waiting.length > 0) {
    const next = waiting.find((item) => item.dependsOn.every((name) => placed.has(name)));
    if (!next) return { cycle: findCycle(waiting, placed) };
    placed.add(next.name);
    order.push(next);
    waiting = waiting.filter((item) => item !== next);
  }
  return { order };
}

/** Every waiting item has a dependency still waiting, so following them must come round. */
function findCycle<T extends { name: string; dependsOn: string[] }>(
  waiting: T[],
  placed: Set<string>,
): string[] {
  const byName = new Map(waiting.map((item) => [item.name, item]));
  const trail: string[] = [];
  let current = waiting[0];
  while (current && !trail.includes(current.name)) {
    trail.push(current.name);
    const dependency = current.dependsOn.find((name) => !placed.has(name));
    current = dependency === undefined ? undefined : byName.get(dependency);
  }
  if (!current) return trail;
  return [...trail.slice(trail.indexOf(current.name)), current.name];
}
