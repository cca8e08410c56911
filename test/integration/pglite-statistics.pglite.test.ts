import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../backend/log/logger.ts';
import type { Store } from '../../backend/store/database.ts';
import { startPgliteStatistics } from '../../backend/workers/pglite-statistics.ts';
import { createTestStore } from '../harness/test-store.ts';

// The suite's migrated template, as the server runs it (an empty PGlite would run initdb first).
let store: Store;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());

async function estimatedRows(): Promise<number> {
  const result = await store.db.execute(sql`explain select * from filled where id > 0`);
  const plan = (result as unknown as { rows: { 'QUERY PLAN': string }[] }).rows[0]!['QUERY PLAN'];
  return Number(/rows=(\d+)/.exec(plan)![1]);
}

describe('PGlite statistics', () => {
  it('are refreshed on their own, so the planner sees tables as they are now', async () => {
    await store.db.execute(sql`create table filled (id int primary key, v text)`);
    await store.db.execute(sql`analyze filled`);
    await store.db.execute(sql`insert into filled select g, 'x' from generate_series(1, 5000) g`);
    // Single-user PostgreSQL never analyzes by itself: the estimate is still the empty table's.
    expect(await estimatedRows()).toBeLessThan(2000);
    const logger = createLogger('error');
    const worker = startPgliteStatistics(store.db, logger, 50);
    try {
      await expect.poll(estimatedRows, { timeout: 10_000, interval: 100 }).toBeGreaterThan(4000);
    } finally {
      await worker.stop();
    }
  });
});
