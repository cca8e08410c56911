import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore } from '../../test/harness/test-store.ts';
import type { Store } from '../store/database.ts';
import { campaigns, interactions, interactionTransitions, pages, users } from '../store/schema.ts';
import { complete } from './agent-actions.ts';

let store: Store;
let ana: string;
let bea: string;
let interactionId: string;
let campaignId: string;

beforeAll(async () => {
  store = await createTestStore();
  await store.db.insert(pages).values({ id: '104857600000010', name: 'Done Shop', tokenCiphertext: 'v1.x' });
  const [c] = await store.db
    .insert(campaigns)
    .values({
      name: 'Comments',
      pageId: '104857600000010',
      channel: 'facebook',
      strategy: 'linear',
      thresholds: { serviceLevel: 60, dropout: 900, chatTime: 1800, acd: 10 },
    })
    .returning({ id: campaigns.id });
  campaignId = c!.id;
  const agents = await store.db
    .insert(users)
    .values(
      ['ana', 'bea'].map((n) => ({
        email: `${n}@example.test`,
        name: n,
        role: 'agent' as const,
        passwordHash: 'x',
      })),
    )
    .returning({ id: users.id });
  [ana, bea] = agents.map((a) => a.id) as [string, string];
  const [i] = await store.db
    .insert(interactions)
    .values({
      campaignId,
      pageId: '104857600000010',
      channel: 'facebook',
      threadKey: '1_2',
      state: 'assigned',
      agentId: ana,
      firstQueuedAt: new Date('2026-03-02T10:00:00Z'),
      assignedAt: new Date('2026-03-02T10:00:01Z'),
    })
    .returning({ id: interactions.id });
  interactionId = i!.id;
});
afterAll(() => store.close());

describe('complete', () => {
  it("refuses someone else's interaction and an unknown one, changing nothing", async () => {
    const at = new Date('2026-03-02T10:05:00Z');
    expect(await complete(store.db, interactionId, bea, undefined, at)).toEqual({
      ok: false,
      code: 'NOT_YOURS',
    });
    expect(await complete(store.db, '00000000-0000-4000-8000-000000000000', ana, undefined, at)).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    const [row] = await store.db.select().from(interactions).where(eq(interactions.id, interactionId));
    expect(row!.state).toBe('assigned');
  });

  it('closes the agent’s interaction with the disposition and its transition, and frees the campaign’s queue', async () => {
    const at = new Date('2026-03-02T10:06:00Z');
    const res = await complete(store.db, interactionId, ana, 'resolved', at);
    expect(res.ok).toBe(true);
    expect(res.ok && [...res.changes.route]).toEqual([campaignId]);
    expect(res.ok && [...res.changes.changed.keys()]).toEqual([interactionId]);
    const [row] = await store.db.select().from(interactions).where(eq(interactions.id, interactionId));
    expect(row).toMatchObject({ state: 'completed', endedAt: at, disposition: 'resolved' });
    const steps = await store.db
      .select()
      .from(interactionTransitions)
      .where(eq(interactionTransitions.interactionId, interactionId));
    expect(steps).toEqual([
      expect.objectContaining({ state: 'completed', at, agentId: ana, actorId: ana, note: 'resolved' }),
    ]);
  });

  it('refuses to close it twice', async () => {
    expect(await complete(store.db, interactionId, ana, undefined, new Date())).toEqual({
      ok: false,
      code: 'GONE',
    });
  });
});
