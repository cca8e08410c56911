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
    const [waiting] = await store.db
      .insert(interactions)
      .values({
        campaignId,
        pageId: '104857600000010',
        channel: 'facebook',
        threadKey: '1_3',
        state: 'queued',
        firstQueuedAt: new Date('2026-03-02T10:02:00Z'),
      })
      .returning({ id: interactions.id });
    const at = new Date('2026-03-02T10:06:00Z');
    const res = await complete(store.db, interactionId, ana, 'resolved', at);
    expect(res.ok).toBe(true);
    expect(res.ok && [...res.changes.route]).toEqual([campaignId]);
    expect(res.ok && [...res.changes.changed.keys()]).toEqual([interactionId]);
    expect(res.ok && res.changes.views.get(interactionId)).toMatchObject({
      id: interactionId,
      state: 'completed',
      agentId: ana,
      campaignName: 'Comments',
      pageName: 'Done Shop',
      endedAt: at.toISOString(),
      assignedAt: '2026-03-02T10:00:01.000Z',
      answeredAt: null,
    });
    await store.db.update(interactions).set({ state: 'abandoned' }).where(eq(interactions.id, waiting!.id));
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

  it('asks for no routing round when nothing waits in the campaign', async () => {
    const [other] = await store.db
      .insert(interactions)
      .values({
        campaignId,
        pageId: '104857600000010',
        channel: 'facebook',
        threadKey: '1_4',
        state: 'answered',
        agentId: bea,
        firstQueuedAt: new Date('2026-03-02T10:03:00Z'),
      })
      .returning({ id: interactions.id });
    const res = await complete(store.db, other!.id, bea, undefined, new Date('2026-03-02T10:07:00Z'));
    expect(res.ok && [...res.changes.route]).toEqual([]);
  });

  it('refuses to close it twice', async () => {
    expect(await complete(store.db, interactionId, ana, undefined, new Date())).toEqual({
      ok: false,
      code: 'GONE',
    });
  });

  it('completes many at once, each with its own answer, as if one at a time', async () => {
    const open = await store.db
      .insert(interactions)
      .values(
        Array.from({ length: 6 }, (_, n) => ({
          campaignId,
          pageId: '104857600000010',
          channel: 'facebook' as const,
          threadKey: `many_${n}`,
          state: 'answered' as const,
          agentId: n % 2 ? bea : ana,
          firstQueuedAt: new Date('2026-03-02T11:00:00Z'),
        })),
      )
      .returning({ id: interactions.id, agentId: interactions.agentId });
    const at = new Date('2026-03-02T11:30:00Z');
    // All asked in the same turn: the first goes alone, the others share the next statement.
    const answers = await Promise.all([
      ...open.slice(0, 5).map((i, n) => complete(store.db, i.id, i.agentId!, `done ${n}`, at)),
      complete(store.db, open[2]!.id, open[2]!.agentId!, 'again', at),
      complete(store.db, open[3]!.id, ana, undefined, at),
      // Someone else first, then its owner: the owner still completes it.
      complete(store.db, open[5]!.id, ana, 'not hers', at),
      complete(store.db, open[5]!.id, open[5]!.agentId!, 'done 5', at),
    ]);
    expect(answers.map((a) => (a.ok ? 'ok' : a.code))).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'GONE',
      'NOT_YOURS',
      'NOT_YOURS',
      'ok',
    ]);
    for (const [n, i] of open.entries()) {
      const answer = answers[n === 5 ? 8 : n]!;
      expect(answer.ok && answer.changes.views.get(i.id)).toMatchObject({
        state: 'completed',
        agentId: i.agentId,
      });
      const [row] = await store.db.select().from(interactions).where(eq(interactions.id, i.id));
      expect(row).toMatchObject({ state: 'completed', disposition: `done ${n}`, endedAt: at });
      const steps = await store.db
        .select()
        .from(interactionTransitions)
        .where(eq(interactionTransitions.interactionId, i.id));
      expect(steps.map((t) => [t.state, t.agentId, t.note])).toEqual([['completed', i.agentId, `done ${n}`]]);
    }
  });
});
