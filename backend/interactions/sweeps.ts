import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { HUMAN_AGENT_WINDOW_MS, STANDARD_WINDOW_MS } from '../domain/messaging-window.ts';
import type { Database } from '../store/database.ts';
import { interactionOffers, interactions } from '../store/schema.ts';
import { Changes } from './changes.ts';
import { recordTransition } from './transitions.ts';

/**
 * Timers of the lifecycle: an interaction that waited longer than the campaign's dropout without
 * an answer is abandoned; a Messenger chat whose window closed with no answer is expired.
 */
export async function sweepTimers(db: Database, now: Date): Promise<Changes> {
  const changes = new Changes();
  const dropped = await db.execute(sql`
    select i.id, i.campaign_id, i.agent_id from interactions i join campaigns c on c.id = i.campaign_id
    where i.state in ('queued', 'offered') and i.answered_at is null
      and i.first_queued_at < ${now}::timestamptz - make_interval(secs => (c.thresholds->>'dropout')::int)
    limit 500`);
  for (const r of (dropped as unknown as { rows: { id: string; campaign_id: string }[] }).rows) {
    await end(db, r.id, 'abandoned', now, 'waited longer than the dropout threshold', changes);
  }
  const expired = await db.execute(sql`
    select i.id from interactions i join pages p on p.id = i.page_id
    where i.channel = 'messenger' and i.state in ('queued', 'offered', 'assigned') and i.answered_at is null
      and i.last_customer_at < ${now}::timestamptz - (case when p.human_agent_enabled
        then ${HUMAN_AGENT_WINDOW_MS / 1000}::int else ${STANDARD_WINDOW_MS / 1000}::int end) * interval '1 second'
    limit 500`);
  for (const r of (expired as unknown as { rows: { id: string }[] }).rows) {
    await end(db, r.id, 'expired', now, 'the Messenger window closed unanswered', changes);
  }
  return changes;
}

/** The customer deleted the comment that opened the thread before anyone answered: abandoned. */
export async function abandonRemovedThread(
  db: Database,
  campaignThreadKey: string,
  now: Date,
): Promise<Changes> {
  const changes = new Changes();
  const open = await db
    .select({ id: interactions.id })
    .from(interactions)
    .where(
      and(
        eq(interactions.threadKey, campaignThreadKey),
        eq(interactions.channel, 'facebook'),
        inArray(interactions.state, ['queued', 'offered', 'assigned']),
        isNull(interactions.answeredAt),
      ),
    );
  for (const i of open) await end(db, i.id, 'abandoned', now, 'the customer removed the comment', changes);
  return changes;
}

async function end(
  db: Database,
  id: string,
  state: 'abandoned' | 'expired',
  now: Date,
  note: string,
  changes: Changes,
) {
  await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const [before] = await t.select().from(interactions).where(eq(interactions.id, id)).for('update');
    if (!before || !['queued', 'offered', 'assigned'].includes(before.state)) return;
    const offers = await t
      .delete(interactionOffers)
      .where(eq(interactionOffers.interactionId, id))
      .returning();
    if (offers.length) changes.withdrawn.push({ id, agentIds: offers.map((o) => o.agentId) });
    await t.update(interactions).set({ state, endedAt: now }).where(eq(interactions.id, id));
    await recordTransition(t, { interactionId: id, state, at: now, agentId: before.agentId, note });
    changes.change(id, before.agentId);
    changes.route.add(before.campaignId);
  });
}
