import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { groupCommit } from '../store/group-commit.ts';
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
 * the row again, to say why. Completions that arrive while one is being written (agents closing
 * work as fast as it comes) share the next statement: see `groupCommit`.
 */
export function complete(
  db: Database,
  interactionId: string,
  agentId: string,
  disposition: string | undefined,
  now: Date,
): Promise<Result> {
  let run = completers.get(db);
  if (!run) {
    run = groupCommit((asked: Completion[]) => completeMany(db, asked), 200);
    completers.set(db, run);
  }
  return run({ interactionId, agentId, note: disposition ?? null, at: now });
}

interface Completion {
  interactionId: string;
  agentId: string;
  note: string | null;
  at: Date;
}

const completers = new WeakMap<Database, (c: Completion) => Promise<Result>>();

/**
 * As many completions as one statement each, in order: an interaction asked twice goes in a
 * second statement after the first, so the later asker finds what the earlier one did.
 */
async function completeMany(db: Database, asked: Completion[]): Promise<Result[]> {
  const results = new Map<Completion, Result>();
  let left = asked;
  while (left.length) {
    const seen = new Set<string>();
    const now: Completion[] = [];
    const later: Completion[] = [];
    for (const c of left) {
      if (seen.has(c.interactionId)) later.push(c);
      else {
        seen.add(c.interactionId);
        now.push(c);
      }
    }
    for (const [n, result] of (await completeDistinct(db, now)).entries()) results.set(now[n]!, result);
    left = later;
  }
  return asked.map((c) => results.get(c)!);
}

/** Completions of different interactions, in one statement. */
async function completeDistinct(db: Database, asked: Completion[]): Promise<Result[]> {
  const values = sql.join(
    asked.map(
      (c) => sql`(${c.interactionId}::uuid, ${c.agentId}::uuid, ${c.note}::text, ${c.at}::timestamptz)`,
    ),
    sql`, `,
  );
  const result = await db.execute(sql`
    with v (id, agent_id, note, at) as (values ${values}),
    done as (
      update interactions i set state = 'completed', ended_at = v.at, disposition = v.note
      from v where i.id = v.id and i.agent_id = v.agent_id and i.state in ('assigned', 'answered')
      returning i.*
    ), step as (
      insert into interaction_transitions (interaction_id, state, at, agent_id, actor_id, note)
      select id, 'completed', ended_at, agent_id, agent_id, disposition from done
    )
    select done.*, c.name as campaign_name, p.name as page_name,
      exists (select 1 from interactions q where q.campaign_id = done.campaign_id and q.state = 'queued') as waiting
    from done join campaigns c on c.id = done.campaign_id join pages p on p.id = done.page_id`);
  const rows = (result as unknown as { rows: (InteractionRow & { waiting: boolean })[] }).rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const results: Result[] = [];
  for (const c of asked) {
    const done = byId.get(c.interactionId);
    if (done) {
      const changes = new Changes();
      changes.change(c.interactionId);
      changes.known(viewOfRow(done));
      if (done.waiting) changes.route.add(done.campaign_id);
      results.push({ ok: true, changes });
      continue;
    }
    const [i] = await db
      .select({ agentId: interactions.agentId })
      .from(interactions)
      .where(eq(interactions.id, c.interactionId));
    if (!i) results.push({ ok: false, code: 'NOT_FOUND' });
    else results.push({ ok: false, code: i.agentId === c.agentId ? 'GONE' : 'NOT_YOURS' });
  }
  return results;
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
