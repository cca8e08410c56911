import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../backend/log/logger.ts';
import type { Store } from '../../backend/store/database.ts';
import { startPgliteVacuum } from '../../backend/workers/pglite-vacuum.ts';
import { createTestStore } from '../harness/test-store.ts';

let store: Store;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());

const ROWS = 2_000;
const ROUNDS = 6;
const pages = async (table: string) => {
  const result = await store.db.execute(sql`select pg_relation_size(${table}::regclass) / 8192 as n`);
  return Number((result as unknown as { rows: { n: string | number }[] }).rows[0]!.n);
};

/** Writes every row `ROUNDS` times, letting `between` run after each round; the table's pages then. */
async function churn(
  table: string,
  between: () => Promise<void>,
): Promise<{ before: number; after: number }> {
  await store.db.execute(sql.raw(`create table ${table} (id int primary key, n int, pad text)`));
  await store.db.execute(
    sql.raw(`insert into ${table} select g, 0, repeat('x', 200) from generate_series(1, ${ROWS}) g`),
  );
  const before = await pages(table);
  for (let round = 0; round < ROUNDS; round++) {
    await store.db.execute(sql.raw(`update ${table} set n = n + 1`));
    await between();
  }
  return { before, after: await pages(table) };
}

describe('PGlite vacuum', () => {
  it('runs on its own, so rows written again and again do not keep every old version', async () => {
    // Single-user PostgreSQL never vacuums: each round leaves a dead version of every row.
    const alone = await churn('unvacuumed', async () => {});
    expect(alone.after).toBeGreaterThanOrEqual(alone.before * ROUNDS);

    const lines: string[] = [];
    const logger = createLogger('debug', (line) => lines.push(line));
    const worker = startPgliteVacuum(store.db, logger, 20);
    try {
      let seen = 0;
      const vacuumed = await churn('vacuumed', async () => {
        // Wait for a vacuum that started after this round's writes.
        const count = () => lines.filter((l) => l.includes('"msg":"vacuumed"')).length;
        await expect.poll(count, { timeout: 10_000, interval: 10 }).toBeGreaterThan(seen + 1);
        seen = count();
      });
      expect(vacuumed.after).toBeLessThanOrEqual(vacuumed.before * 3);
    } finally {
      await worker.stop();
    }
  });
});
