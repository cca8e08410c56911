import { sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { enabledCampaign } from './find-open.ts';

export type Opened =
  | { kind: 'none' } // no enabled campaign for this Page and channel: stored, not routed
  | { kind: 'queued'; interactionId: string; campaignId: string }
  | { kind: 'joined'; interactionId: string; campaignId: string; agentId: string | null };

/** How the Page's enabled campaign is found (the webhook processor remembers it for a round). */
export type FindCampaign = (
  pageId: string,
  channel: 'facebook' | 'messenger',
) => Promise<{ id: string } | undefined>;

/**
 * A customer wrote: in a thread (facebook) or a chat (messenger). It joins the open interaction of
 * that thread, or opens a new one at the tail of the campaign's queue. A disabled campaign takes
 * no new work.
 *
 * One statement either way, on the one-open-interaction-per-thread index: the insert of a new
 * interaction (with its `queued` transition), or, when the thread is open, the update of its
 * customer time. Concurrent instances meet on that index, so a thread never opens twice.
 * `xmax = 0` tells a row this statement inserted from one it updated (PostgreSQL sets xmax on update).
 */
export async function openOrJoin(
  db: Database,
  input: {
    pageId: string;
    channel: 'facebook' | 'messenger';
    threadKey: string;
    customerId: string | null;
    customerName: string | null;
    at: Date;
  },
  findCampaign: FindCampaign = (pageId, channel) => enabledCampaign(db, pageId, channel),
): Promise<Opened> {
  const campaign = await findCampaign(input.pageId, input.channel);
  if (!campaign) return { kind: 'none' };
  const result = await db.execute(sql`
    with opened as (
      insert into interactions (campaign_id, page_id, channel, thread_key, customer_id, customer_name,
        state, first_queued_at, last_customer_at)
      values (${campaign.id}, ${input.pageId}, ${input.channel}, ${input.threadKey}, ${input.customerId},
        ${input.customerName}, 'queued', ${input.at}, ${input.at})
      on conflict (campaign_id, thread_key) where state in ('queued', 'offered', 'assigned', 'answered')
      do update set last_customer_at = excluded.last_customer_at
      returning id, agent_id, (xmax = 0) as created
    ), queued as (
      insert into interaction_transitions (interaction_id, state, at)
      select id, 'queued', ${input.at}::timestamptz from opened where created
    )
    select id, agent_id, created from opened`);
  const [row] = (result as unknown as { rows: { id: string; agent_id: string | null; created: boolean }[] })
    .rows;
  if (!row) throw new Error('openOrJoin: the upsert returned no row');
  return row.created
    ? { kind: 'queued', interactionId: row.id, campaignId: campaign.id }
    : { kind: 'joined', interactionId: row.id, campaignId: campaign.id, agentId: row.agent_id };
}
