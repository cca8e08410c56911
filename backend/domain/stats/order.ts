/**
 * Sorts by an instant, ties broken by id, so every list shown (and every drill-down) is in a
 * deterministic order whatever order the interactions were loaded in.
 */
export function sortedBy<T extends { id: string }>(items: readonly T[], instantOf: (item: T) => number): T[] {
  return [...items].sort((a, b) => instantOf(a) - instantOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
