import { and, eq, sql } from 'drizzle-orm';
import { decide } from '../domain/routing/strategies.ts';
import type { StrategyName } from '../domain/routing/types.ts';
import { isOpen } from '../domain/schedule/is-open.ts';
import { startOfLocalDay } from '../domain/schedule/local-day.ts';
import type { ScheduleRow } from '../domain/schedule/types.ts';
import { recordTransition } from '../interactions/transitions.ts';
import type { Database } from '../store/database.ts';
import { campaigns, interactionOffers, interactions } from '../store/schema.ts';
import { loadCandidates } from './load-candidates.ts';

export type RoutingOutcome =
  | { kind: 'assigned'; interactionId: string; agentId: string }
  | { kind: 'offered'; interactionId: string; agentIds: string[] };

const MAX_PER_ROUND = 500;

/**
 * Gives the head of the campaign's queue to whoever the strategy picks, again and again until the
 * queue is empty or nobody fits. The campaign row is locked for the whole transaction: routing of
 * one campaign is serial across instances, so no interaction is assigned twice and no agent goes
 * over capacity. Outside the schedule nothing is routed (the queue waits for opening).
 */
export async function routeCampaign(
  db: Database,
  campaignId: string,
  now: Date,
  random: () => number,
): Promise<RoutingOutcome[]> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const locked = await t.execute(sql`select id from campaigns where id = ${campaignId} for update`);
    if ((locked as unknown as { rows: unknown[] }).rows.length === 0) return [];
    const [c] = await t.select().from(campaigns).where(eq(campaigns.id, campaignId));
    if (!c?.enabled || !isOpen(c.schedule as ScheduleRow[], c.timeZone, now.getTime())) return [];
    const dayStart = new Date(startOfLocalDay(now.getTime(), c.timeZone));
    const outcomes: RoutingOutcome[] = [];
    let cursor = { lastAgentId: c.lastAgentId };
    for (let i = 0; i < MAX_PER_ROUND; i++) {
      const [head] = await t
        .select({ id: interactions.id })
        .from(interactions)
        .where(and(eq(interactions.campaignId, campaignId), eq(interactions.state, 'queued')))
        .orderBy(interactions.firstQueuedAt, interactions.seq)
        .limit(1);
      if (!head) break;
      const decision = decide({
        strategy: c.strategy as StrategyName,
        candidates: await loadCandidates(t, campaignId, dayStart),
        maxPerAgent: c.maxPerAgent,
        now: now.getTime(),
        random,
        cursor,
      });
      if (decision.kind === 'none') break;
      cursor = { lastAgentId: decision.cursor.lastAgentId ?? null };
      if (decision.kind === 'assign') {
        await t
          .update(interactions)
          .set({ state: 'assigned', agentId: decision.agentId, assignedAt: now })
          .where(eq(interactions.id, head.id));
        await recordTransition(t, {
          interactionId: head.id,
          state: 'assigned',
          at: now,
          agentId: decision.agentId,
        });
        outcomes.push({ kind: 'assigned', interactionId: head.id, agentId: decision.agentId });
      } else {
        await t.update(interactions).set({ state: 'offered' }).where(eq(interactions.id, head.id));
        await t
          .insert(interactionOffers)
          .values(decision.agentIds.map((agentId) => ({ interactionId: head.id, agentId, offeredAt: now })));
        await recordTransition(t, {
          interactionId: head.id,
          state: 'offered',
          at: now,
          note: decision.agentIds.join(','),
        });
        outcomes.push({ kind: 'offered', interactionId: head.id, agentIds: decision.agentIds });
      }
    }
    if (cursor.lastAgentId !== c.lastAgentId) {
      await t.update(campaigns).set({ lastAgentId: cursor.lastAgentId }).where(eq(campaigns.id, campaignId));
    }
    return outcomes;
  });
}
