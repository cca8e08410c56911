import { and, eq, inArray, sql } from 'drizzle-orm';
import type { InteractionView } from '../../shared/api/interactions.ts';
import { decide } from '../domain/routing/strategies.ts';
import type { Candidate, StrategyName } from '../domain/routing/types.ts';
import { isOpen } from '../domain/schedule/is-open.ts';
import { startOfLocalDay } from '../domain/schedule/local-day.ts';
import type { ScheduleRow } from '../domain/schedule/types.ts';
import { type InteractionRow, viewOfRow } from '../interactions/interaction-view.ts';
import { recordTransitions } from '../interactions/transitions.ts';
import type { Database } from '../store/database.ts';
import { campaigns, interactionOffers, interactions } from '../store/schema.ts';
import { loadCandidates } from './load-candidates.ts';

export type RoutingOutcome =
  | { kind: 'assigned'; interactionId: string; agentId: string; view?: InteractionView }
  | { kind: 'offered'; interactionId: string; agentIds: string[] };

const MAX_PER_ROUND = 500;

/**
 * Gives the head of the campaign's queue to whoever the strategy picks, again and again until the
 * queue is empty or nobody fits. The campaign row is locked for the whole transaction: routing of
 * one campaign is serial across instances, so no interaction is assigned twice and no agent goes
 * over capacity. Outside the schedule nothing is routed (the queue waits for opening).
 *
 * The queue and the members are read once per round and the decisions written together: within
 * the locked round the only thing a decision changes for the next one is the load of the agents
 * it chose, which is counted here as it would be read back. (Reading both again per interaction
 * made a round cost four statements per interaction; see bench/ and the README's Performance.)
 */
export async function routeCampaign(
  db: Database,
  campaignId: string,
  now: Date,
  random: () => number,
): Promise<RoutingOutcome[]> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    // NO KEY UPDATE: rounds (and ringall accepts) of one campaign still go one at a time, but new
    // interactions keep arriving meanwhile — their foreign key to the campaign takes a KEY SHARE
    // lock, which a plain FOR UPDATE would make wait for the whole round.
    const [c] = await t.select().from(campaigns).where(eq(campaigns.id, campaignId)).for('no key update');
    if (!c?.enabled || !isOpen(c.schedule as ScheduleRow[], c.timeZone, now.getTime())) return [];
    const queue = await t
      .select({ id: interactions.id })
      .from(interactions)
      .where(and(eq(interactions.campaignId, campaignId), eq(interactions.state, 'queued')))
      .orderBy(interactions.firstQueuedAt, interactions.seq)
      .limit(MAX_PER_ROUND);
    if (queue.length === 0) return [];
    const dayStart = new Date(startOfLocalDay(now.getTime(), c.timeZone));
    const candidates = await loadCandidates(t, campaignId, dayStart, c.strategy as StrategyName);
    const byId = new Map<string, Candidate>(candidates.map((m) => [m.agentId, m]));
    const outcomes: RoutingOutcome[] = [];
    let cursor = { lastAgentId: c.lastAgentId };
    for (const head of queue) {
      const decision = decide({
        strategy: c.strategy as StrategyName,
        candidates,
        maxPerAgent: c.maxPerAgent,
        now: now.getTime(),
        random,
        cursor,
      });
      if (decision.kind === 'none') break;
      cursor = { lastAgentId: decision.cursor.lastAgentId ?? null };
      const chosen = decision.kind === 'assign' ? [decision.agentId] : decision.agentIds;
      for (const agentId of chosen) byId.get(agentId)!.active += 1;
      outcomes.push(
        decision.kind === 'assign'
          ? { kind: 'assigned', interactionId: head.id, agentId: decision.agentId }
          : { kind: 'offered', interactionId: head.id, agentIds: decision.agentIds },
      );
    }
    const views = await saveOutcomes(
      t,
      c.id,
      outcomes,
      now,
      cursor.lastAgentId !== c.lastAgentId ? cursor : null,
    );
    return outcomes.map((o) => (o.kind === 'assigned' ? { ...o, view: views.get(o.interactionId) } : o));
  });
}

/**
 * The round's decisions in few statements: the assignments with their transitions and the
 * campaign's round-robin cursor in one (which returns the assigned interactions as agents see
 * them, so publishing reads nothing again), and the ringall offers in three.
 */
async function saveOutcomes(
  t: Database,
  campaignId: string,
  outcomes: RoutingOutcome[],
  now: Date,
  cursor: { lastAgentId: string | null } | null,
): Promise<Map<string, InteractionView>> {
  const views = new Map<string, InteractionView>();
  const assigned = outcomes.filter((o) => o.kind === 'assigned');
  const offered = outcomes.filter((o) => o.kind === 'offered');
  if (assigned.length) {
    const rows = sql.join(
      assigned.map((o) => sql`(${o.interactionId}::uuid, ${o.agentId}::uuid)`),
      sql`, `,
    );
    const moveCursor = cursor
      ? sql`, moved as (update campaigns set last_agent_id = ${cursor.lastAgentId} where id = ${campaignId})`
      : sql``;
    const result = await t.execute(sql`
      with done as (
        update interactions i set state = 'assigned', agent_id = v.agent_id, assigned_at = ${now}
        from (values ${rows}) as v(id, agent_id) where i.id = v.id
        returning i.*
      ), step as (
        insert into interaction_transitions (interaction_id, state, at, agent_id)
        select id, 'assigned', ${now}::timestamptz, agent_id from done
      )${moveCursor}
      select done.*, c.name as campaign_name, p.name as page_name
      from done join campaigns c on c.id = done.campaign_id join pages p on p.id = done.page_id`);
    for (const row of (result as unknown as { rows: InteractionRow[] }).rows)
      views.set(row.id, viewOfRow(row));
  } else if (cursor) {
    await t.update(campaigns).set({ lastAgentId: cursor.lastAgentId }).where(eq(campaigns.id, campaignId));
  }
  if (offered.length) {
    await t
      .update(interactions)
      .set({ state: 'offered' })
      .where(
        inArray(
          interactions.id,
          offered.map((o) => o.interactionId),
        ),
      );
    await t
      .insert(interactionOffers)
      .values(
        offered.flatMap((o) =>
          o.agentIds.map((agentId) => ({ interactionId: o.interactionId, agentId, offeredAt: now })),
        ),
      );
    await recordTransitions(
      t,
      offered.map((o) => ({
        interactionId: o.interactionId,
        state: 'offered',
        at: now,
        note: o.agentIds.join(','),
      })),
    );
  }
  return views;
}
