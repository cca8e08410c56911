import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { interactionOffers, interactions, interactionTransitions } from '../store/schema.ts';
import { Changes } from './changes.ts';
import { type InteractionRow, viewOfRow } from './interaction-view.ts';
import { recordTransition } from './transitions.ts';

type Result = { ok: true; changes: Changes } | { ok: false; code: 'NOT_FOUND' | 'NOT_YOURS' | 'GONE' };

const lockCampaign = (db: Database, campaignId: string) =>
  db.execute(sql`select id from campaigns where id = ${campaignId} for no key update`);

/** Ringall: the first offered member to accept takes it; the other offers are withdrawn. */
export async function accept(
  db: Database,
  interactionId: string,
  agentId: string,
  now: Date,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const [i] = await t.select().from(interactions).where(eq(interactions.id, interactionId));
    if (!i) return { ok: false, code: 'NOT_FOUND' } as const;
    await lockCampaign(t, i.campaignId); // serial with routing of this campaign
    const offers = await t
      .select()
      .from(interactionOffers)
      .where(eq(interactionOffers.interactionId, interactionId));
    const [fresh] = await t
      .select({ state: interactions.state })
      .from(interactions)
      .where(eq(interactions.id, interactionId));
    if (fresh?.state !== 'offered' || !offers.some((o) => o.agentId === agentId))
      // "Someone else took it" only to an agent it was offered to; to anyone else it does not exist.
      return {
        ok: false,
        code: (await wasOfferedTo(t, interactionId, agentId)) ? 'GONE' : 'NOT_FOUND',
      } as const;
    await t.delete(interactionOffers).where(eq(interactionOffers.interactionId, interactionId));
    await t
      .update(interactions)
      .set({ state: 'assigned', agentId, assignedAt: now })
      .where(eq(interactions.id, interactionId));
    await recordTransition(t, {
      interactionId,
      state: 'assigned',
      at: now,
      agentId,
      actorId: agentId,
      note: 'accepted',
    });
    const changes = new Changes();
    changes.change(interactionId);
    const others = offers.map((o) => o.agentId).filter((a) => a !== agentId);
    if (others.length) changes.withdrawn.push({ id: interactionId, agentIds: others });
    return { ok: true, changes } as const;
  });
}

/** Was it ever offered to this agent? Routing notes each ringall offer's agents on its transition. */
async function wasOfferedTo(db: Database, interactionId: string, agentId: string): Promise<boolean> {
  const rows = await db
    .select({ note: interactionTransitions.note })
    .from(interactionTransitions)
    .where(
      and(
        eq(interactionTransitions.interactionId, interactionId),
        eq(interactionTransitions.state, 'offered'),
      ),
    );
  return rows.some((r) => r.note?.split(',').includes(agentId) === true);
}

/**
 * The agent closes the interaction (optional disposition); their capacity frees for the queue's head.
 * One statement changes the state and records the transition (the update's WHERE is re-checked on
 * the locked row, so two completions, or a completion racing a re-queue, cannot both win), and
 * answers the interaction as it now is and whether the campaign has work waiting: the events need
 * no second read, and a campaign with an empty queue needs no routing round. Only a refusal reads
 * the row again, to say why.
 */
export async function complete(
  db: Database,
  interactionId: string,
  agentId: string,
  disposition: string | undefined,
  now: Date,
): Promise<Result> {
  const note = disposition ?? null;
  const result = await db.execute(sql`
    with done as (
      update interactions set state = 'completed', ended_at = ${now}, disposition = ${note}
      where id = ${interactionId} and agent_id = ${agentId} and state in ('assigned', 'answered')
      returning *
    ), step as (
      insert into interaction_transitions (interaction_id, state, at, agent_id, actor_id, note)
      select id, 'completed', ${now}::timestamptz, ${agentId}::uuid, ${agentId}::uuid, ${note}::text from done
    )
    select done.*, c.name as campaign_name, p.name as page_name,
      exists (select 1 from interactions q where q.campaign_id = done.campaign_id and q.state = 'queued') as waiting
    from done join campaigns c on c.id = done.campaign_id join pages p on p.id = done.page_id`);
  const [done] = (result as unknown as { rows: (InteractionRow & { waiting: boolean })[] }).rows;
  if (!done) {
    const [i] = await db
      .select({ agentId: interactions.agentId })
      .from(interactions)
      .where(eq(interactions.id, interactionId));
    if (!i) return { ok: false, code: 'NOT_FOUND' };
    return { ok: false, code: i.agentId === agentId ? 'GONE' : 'NOT_YOURS' };
  }
  const changes = new Changes();
  changes.change(interactionId);
  changes.known(viewOfRow(done));
  if (done.waiting) changes.route.add(done.campaign_id);
  return { ok: true, changes };
}

/** The first agent reply makes it answered (once). */
export async function markAnswered(
  db: Database,
  interactionId: string,
  agentId: string,
  now: Date,
  changes: Changes,
) {
  const [updated] = await db
    .update(interactions)
    .set({ state: 'answered', answeredAt: now })
    .where(
      and(
        eq(interactions.id, interactionId),
        eq(interactions.state, 'assigned'),
        isNull(interactions.answeredAt),
      ),
    )
    .returning({ id: interactions.id });
  if (updated) {
    await recordTransition(db, { interactionId, state: 'answered', at: now, agentId, actorId: agentId });
    changes.change(interactionId);
  }
}

/**
 * The agent left (logout, forced logout, a disconnect past the grace period, or a break for their
 * offers): their unanswered work goes back to the queue — at the head, since the queue is ordered
 * by when each interaction first arrived — and their ringall offers are withdrawn.
 */
export async function releaseAgentWork(
  db: Database,
  agentId: string,
  now: Date,
  opts: { assigned: boolean; note: string; actorId?: string | null },
): Promise<Changes> {
  const changes = new Changes();
  const offers = await db
    .delete(interactionOffers)
    .where(eq(interactionOffers.agentId, agentId))
    .returning({ interactionId: interactionOffers.interactionId });
  for (const { interactionId } of offers) {
    changes.withdrawn.push({ id: interactionId, agentIds: [agentId] });
    const left = await db
      .select()
      .from(interactionOffers)
      .where(eq(interactionOffers.interactionId, interactionId))
      .limit(1);
    if (left.length === 0) {
      const [back] = await db
        .update(interactions)
        .set({ state: 'queued' })
        .where(and(eq(interactions.id, interactionId), eq(interactions.state, 'offered')))
        .returning({ campaignId: interactions.campaignId });
      if (back) {
        await recordTransition(db, {
          interactionId,
          state: 'queued',
          at: now,
          note: opts.note,
          actorId: opts.actorId,
        });
        changes.change(interactionId);
        changes.route.add(back.campaignId);
      }
    }
  }
  if (opts.assigned) {
    const returned = await db
      .update(interactions)
      .set({ state: 'queued', agentId: null, assignedAt: null })
      .where(and(eq(interactions.agentId, agentId), inArray(interactions.state, ['assigned'])))
      .returning({ id: interactions.id, campaignId: interactions.campaignId });
    for (const r of returned) {
      await recordTransition(db, {
        interactionId: r.id,
        state: 'queued',
        at: now,
        agentId,
        note: opts.note,
        actorId: opts.actorId,
      });
      changes.change(r.id, agentId);
      changes.route.add(r.campaignId);
    }
  }
  return changes;
}
