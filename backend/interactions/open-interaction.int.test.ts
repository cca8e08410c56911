import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore } from '../../test/harness/test-store.ts';
import type { Store } from '../store/database.ts';
import { campaigns, interactions, interactionTransitions, pages, users } from '../store/schema.ts';
import { openOrJoin, openOrJoinMany } from './open-interaction.ts';

let store: Store;
let campaignId: string;

beforeAll(async () => {
  store = await createTestStore();
  await store.db.insert(pages).values({ id: '104857600000009', name: 'Open Shop', tokenCiphertext: 'v1.x' });
  const [c] = await store.db
    .insert(campaigns)
    .values({
      name: 'Chats',
      pageId: '104857600000009',
      channel: 'messenger',
      strategy: 'linear',
      thresholds: { serviceLevel: 60, dropout: 900, chatTime: 1800, acd: 10 },
    })
    .returning({ id: campaigns.id });
  campaignId = c!.id;
});
afterAll(() => store.close());

const message = (psid: string, at: string) => ({
  pageId: '104857600000009',
  channel: 'messenger' as const,
  threadKey: psid,
  customerId: psid,
  customerName: null,
  at: new Date(at),
});
const transitionsOf = (id: string) =>
  store.db.select().from(interactionTransitions).where(eq(interactionTransitions.interactionId, id));

describe('openOrJoin', () => {
  it('opens a queued interaction with its transition, then joins it for the next message of the chat', async () => {
    const first = await openOrJoin(store.db, message('7001', '2026-03-02T10:00:00Z'));
    expect(first).toEqual({ kind: 'queued', interactionId: expect.any(String), campaignId });
    const id = first.kind === 'queued' ? first.interactionId : '';
    const second = await openOrJoin(store.db, message('7001', '2026-03-02T10:01:00Z'));
    expect(second).toEqual({ kind: 'joined', interactionId: id, campaignId, agentId: null });
    const [row] = await store.db.select().from(interactions).where(eq(interactions.id, id));
    expect(row).toMatchObject({
      state: 'queued',
      firstQueuedAt: new Date('2026-03-02T10:00:00Z'),
      lastCustomerAt: new Date('2026-03-02T10:01:00Z'),
    });
    expect((await transitionsOf(id)).map((t) => t.state)).toEqual(['queued']);
  });

  it('tells the joined interaction its agent, and opens a new one once the chat was completed', async () => {
    const first = await openOrJoin(store.db, message('7002', '2026-03-02T11:00:00Z'));
    const id = first.kind === 'queued' ? first.interactionId : '';
    const [agent] = await store.db
      .insert(users)
      .values({ email: 'open-agent@example.test', name: 'Agent', role: 'agent', passwordHash: 'x' })
      .returning({ id: users.id });
    await store.db
      .update(interactions)
      .set({ state: 'assigned', agentId: agent!.id })
      .where(eq(interactions.id, id));
    expect(await openOrJoin(store.db, message('7002', '2026-03-02T11:01:00Z'))).toEqual({
      kind: 'joined',
      interactionId: id,
      campaignId,
      agentId: agent!.id,
    });
    await store.db.update(interactions).set({ state: 'completed' }).where(eq(interactions.id, id));
    const next = await openOrJoin(store.db, message('7002', '2026-03-02T12:00:00Z'));
    expect(next.kind).toBe('queued');
    expect(next.kind === 'queued' && next.interactionId).not.toBe(id);
  });

  it('opens nothing for a Page without an enabled campaign on that channel', async () => {
    expect(
      await openOrJoin(store.db, { ...message('7003', '2026-03-02T10:00:00Z'), channel: 'facebook' }),
    ).toEqual({ kind: 'none' });
  });

  it('gives many messages at once the outcome of one call each, in order, in one statement', async () => {
    const open = await openOrJoin(store.db, message('7010', '2026-03-02T09:00:00Z'));
    const openId = open.kind === 'queued' ? open.interactionId : '';
    const outcomes = await openOrJoinMany(store.db, [
      message('7011', '2026-03-02T10:00:00Z'),
      message('7010', '2026-03-02T10:00:01Z'),
      { ...message('7012', '2026-03-02T10:00:02Z'), channel: 'facebook' },
      message('7011', '2026-03-02T10:00:03Z'),
      message('7013', '2026-03-02T10:00:04Z'),
      message('7011', '2026-03-02T10:00:05Z'),
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(['queued', 'joined', 'none', 'joined', 'queued', 'joined']);
    const id = (n: number) =>
      outcomes[n]!.kind === 'none' ? '' : (outcomes[n] as { interactionId: string }).interactionId;
    expect(id(1)).toBe(openId);
    expect(id(3)).toBe(id(0));
    expect(id(5)).toBe(id(0));
    const rows = await store.db
      .select()
      .from(interactions)
      .where(inArray(interactions.id, [id(0), id(1), id(4)]));
    const row = (i: string) => rows.find((r) => r.id === i)!;
    // The first message's time queues it, the last one's is the customer's last word.
    expect(row(id(0))).toMatchObject({
      state: 'queued',
      firstQueuedAt: new Date('2026-03-02T10:00:00Z'),
      lastCustomerAt: new Date('2026-03-02T10:00:05Z'),
    });
    expect(row(id(1))).toMatchObject({
      firstQueuedAt: new Date('2026-03-02T09:00:00Z'),
      lastCustomerAt: new Date('2026-03-02T10:00:01Z'),
    });
    // New interactions queue in the order their first messages came.
    expect(row(id(0)).seq).toBeLessThan(row(id(4)).seq);
    expect((await transitionsOf(id(0))).map((t) => [t.state, t.at])).toEqual([
      ['queued', new Date('2026-03-02T10:00:00Z')],
    ]);
    expect((await transitionsOf(openId)).map((t) => t.state)).toEqual(['queued']);
  });
});
