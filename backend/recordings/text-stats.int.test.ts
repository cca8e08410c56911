import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore } from '../../test/harness/test-store.ts';
import type { Store } from '../store/database.ts';
import { surelyCommon } from './text-stats.ts';

let store: Store;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.close());

describe('surelyCommon', () => {
  it('is no without statistics, then follows what ANALYZE saw, case-insensitively', async () => {
    const db = store.db;
    await db.execute(sql`insert into pages (id, name, token_ciphertext) values ('p-stats', 'Stats', 'x')`);
    // 2,000 chats: "shoes" in 1 of 4 messages, "boots" in 1 of 100, "zebra" nowhere.
    await db.execute(sql`
      insert into messenger_messages (mid, page_id, psid, direction, text, sent_at)
      select 'm' || g, 'p-stats', 'u' || (g / 10), 'in',
        case when g % 4 = 0 then 'About my SHOES, order ' || g
             when g % 100 = 1 then 'boots ' || g
             else 'Hello number ' || g || ' ' || md5(g::text) end,
        now() - interval '1 minute' * g
      from generate_series(1, 2000) g`);
    expect(await surelyCommon(db, 'shoes', 1)).toBe(false); // not analyzed yet
    await db.execute(sql`analyze messenger_messages`);
    const later = 1 + 11 * 60_000; // past the kept statistics' time to live
    expect(await surelyCommon(db, 'shoes', later)).toBe(true);
    expect(await surelyCommon(db, 'Shoes, order', later)).toBe(true);
    expect(await surelyCommon(db, 'boots', later)).toBe(false);
    expect(await surelyCommon(db, 'zebra', later)).toBe(false);
  });
});
