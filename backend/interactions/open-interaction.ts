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

export interface CustomerWrote {
  pageId: string;
  channel: 'facebook' | 'messenger';
  threadKey: string;
  customerId: string | null;
  customerName: string | null;
  at: Date;
}

/**
 * A customer wrote: in a thread (facebook) or a chat (messenger). It joins the open interaction of
 * that thread, or opens a new one at the tail of the campaign's queue. A disabled campaign takes
 * no new work.
 */
export async function openOrJoin(
  db: Database,
  input: CustomerWrote,
  findCampaign: FindCampaign = (pageId, channel) => enabledCampaign(db, pageId, channel),
): Promise<Opened> {
  const [opened] = await openOrJoinMany(db, [input], findCampaign);
  return opened!;
}

/**
 * What many customers wrote (a webhook round), in one statement, with the same outcome as one
 * `openOrJoin` each in order: per thread, the first message opens the interaction (or joins the
 * open one) and the later ones join it; the interaction keeps the first message's time as its
 * queue time and the last one's as the customer's last word; new interactions queue in order.
 *
 * The statement is the insert of the new interactions (with their `queued` transitions), or, when
 * the thread is open, the update of its customer time, on the one-open-interaction-per-thread
 * index: concurrent instances meet on that index, so a thread never opens twice. `xmax = 0` tells
 * a row this statement inserted from one it updated (PostgreSQL sets xmax on update).
 */
export async function openOrJoinMany(
  db: Database,
  inputs: CustomerWrote[],
  findCampaign: FindCampaign = (pageId, channel) => enabledCampaign(db, pageId, channel),
): Promise<Opened[]> {
  const outcomes: Opened[] = inputs.map(() => ({ kind: 'none' }));
  // One row per thread: its first input, the time of its last one, and every input it stands for.
  const threads = new Map<string, { campaignId: string; first: CustomerWrote; lastAt: Date; of: number[] }>();
  for (const [n, input] of inputs.entries()) {
    const campaign = await findCampaign(input.pageId, input.channel);
    if (!campaign) continue;
    const key = `${campaign.id}\u0000${input.threadKey}`;
    const thread = threads.get(key);
    if (thread) {
      thread.lastAt = input.at;
      thread.of.push(n);
    } else threads.set(key, { campaignId: campaign.id, first: input, lastAt: input.at, of: [n] });
  }
  if (threads.size === 0) return outcomes;
  const list = [...threads.values()];
  const values = sql.join(
    list.map(
      (t, ord) =>
        sql`(${t.campaignId}::uuid, ${t.first.pageId}::text, ${t.first.channel}::text, ${t.first.threadKey}::text,
          ${t.first.customerId}::text, ${t.first.customerName}::text, ${t.first.at}::timestamptz,
          ${t.lastAt}::timestamptz, ${ord}::int)`,
    ),
    sql`, `,
  );
  const result = await db.execute(sql`
    with v (campaign_id, page_id, channel, thread_key, customer_id, customer_name, first_at, last_at, ord) as (
      values ${values}
    ), opened as (
      insert into interactions (campaign_id, page_id, channel, thread_key, customer_id, customer_name,
        state, first_queued_at, last_customer_at)
      select campaign_id, page_id, channel, thread_key, customer_id, customer_name, 'queued', first_at, last_at
      from v order by ord
      on conflict (campaign_id, thread_key) where state in ('queued', 'offered', 'assigned', 'answered')
      do update set last_customer_at = excluded.last_customer_at
      returning id, campaign_id, thread_key, agent_id, first_queued_at, (xmax = 0) as created
    ), queued as (
      insert into interaction_transitions (interaction_id, state, at)
      select id, 'queued', first_queued_at from opened where created
    )
    select id, campaign_id, thread_key, agent_id, created from opened`);
  const rows = (
    result as unknown as {
      rows: {
        id: string;
        campaign_id: string;
        thread_key: string;
        agent_id: string | null;
        created: boolean;
      }[];
    }
  ).rows;
  for (const row of rows) {
    const thread = threads.get(`${row.campaign_id}\u0000${row.thread_key}`);
    if (!thread) throw new Error('openOrJoinMany: the upsert returned a thread it was not given');
    for (const [i, n] of thread.of.entries()) {
      outcomes[n] =
        row.created && i === 0
          ? { kind: 'queued', interactionId: row.id, campaignId: row.campaign_id }
          : { kind: 'joined', interactionId: row.id, campaignId: row.campaign_id, agentId: row.agent_id };
    }
  }
  if (rows.length !== threads.size) throw new Error('openOrJoinMany: the upsert returned fewer rows');
  return outcomes;
}
