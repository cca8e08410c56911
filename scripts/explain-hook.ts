import type { Store } from '../backend/store/database.ts';

/** Prints EXPLAIN ANALYZE of every statement run through store.db.execute until stop(). */
export function explainNext(store: Store) {
  const db = store.db as unknown as { execute: (q: unknown) => Promise<unknown> };
  const original = db.execute.bind(db);
  db.execute = async (q: unknown) => {
    const { sql } = await import('drizzle-orm');
    const plan = (await original(sql`explain (analyze, buffers off) ${q}`)) as {
      rows: Record<string, string>[];
    };
    console.log(plan.rows.map((r) => Object.values(r)[0]).join('\n'), '\n');
    return original(q);
  };
  return { stop: () => (db.execute = original) };
}
