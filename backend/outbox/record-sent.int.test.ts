import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore } from '../../test/harness/test-store.ts';
import { applyComment } from '../conversations/apply-feed-event.ts';
import type { PageRow } from '../pages/page-store.ts';
import type { Store } from '../store/database.ts';
import { comments, pages } from '../store/schema.ts';
import { recordSent } from './record-sent.ts';

const PAGE = '104857600000010';
let store: Store;
let page: PageRow;

beforeAll(async () => {
  store = await createTestStore();
  [page] = (await store.db
    .insert(pages)
    .values({ id: PAGE, name: 'Ordered Shop', tokenCiphertext: 'v1.x' })
    .returning()) as [PageRow];
});
afterAll(() => store.close());

const reply = (text: string) =>
  ({ kind: 'comment_reply', commentId: `${PAGE}_1_1`, text, agentId: null, agentName: 'Ana' }) as const;

describe('recordSent', () => {
  it("keeps two replies sent within one second in their order, whoever came first: the Page's feed event or our record", async () => {
    const second = Date.UTC(2026, 0, 5, 12, 0, 5); // Facebook's created_time has whole seconds
    // The first reply is recorded before its feed event; the second one's feed event wins the race.
    await recordSent(store.db, page, reply('first') as never, { id: '1_2' }, new Date(second + 400));
    await applyComment(store.db, {
      kind: 'comment.added',
      pageId: PAGE,
      dedupeKey: 'comment.added|1_3',
      postId: `${PAGE}_1`,
      commentId: '1_3',
      parentId: `${PAGE}_1_1`,
      isReply: true,
      from: { id: PAGE, name: 'Ordered Shop' },
      fromPage: true,
      message: 'second',
      createdAt: second,
    } as never);
    await recordSent(store.db, page, reply('second') as never, { id: '1_3' }, new Date(second + 700));
    const rows = await store.db
      .select({ message: comments.message, createdAt: comments.createdAt, agentName: comments.agentName })
      .from(comments)
      .where(eq(comments.pageId, PAGE))
      .orderBy(comments.createdAt);
    expect(rows.map((r) => [r.message, r.agentName])).toEqual([
      ['first', 'Ana'],
      ['second', 'Ana'],
    ]);
    expect(rows[1]!.createdAt!.getTime()).toBe(second + 700);
  });
});
