import { eq } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { interactions } from '../store/schema.ts';
import { enabledCampaign, openInteraction } from './find-open.ts';
import { recordTransition } from './transitions.ts';

export type Opened =
  | { kind: 'none' } // no enabled campaign for this Page and channel: stored, not routed
  | { kind: 'queued'; interactionId: string; campaignId: string }
  | { kind: 'joined'; interactionId: string; campaignId: string; agentId: string | null };

/**
 * A customer wrote: in a thread (facebook) or a chat (messenger). It joins the open interaction of
 * that thread, or opens a new one at the tail of the campaign's queue. A disabled campaign takes
 * no new work.
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
): Promise<Opened> {
  const campaign = await enabledCampaign(db, input.pageId, input.channel);
  if (!campaign) return { kind: 'none' };
  const open = await openInteraction(db, campaign.id, input.threadKey);
  if (open) {
    await db.update(interactions).set({ lastCustomerAt: input.at }).where(eq(interactions.id, open.id));
    return { kind: 'joined', interactionId: open.id, campaignId: campaign.id, agentId: open.agentId };
  }
  const [created] = await db
    .insert(interactions)
    .values({
      campaignId: campaign.id,
      pageId: input.pageId,
      channel: input.channel,
      threadKey: input.threadKey,
      customerId: input.customerId,
      customerName: input.customerName,
      state: 'queued',
      firstQueuedAt: input.at,
      lastCustomerAt: input.at,
    })
    .onConflictDoNothing()
    .returning({ id: interactions.id });
  if (!created) {
    // Another instance opened it a moment ago (the unique open-thread index): join that one.
    return openOrJoin(db, input);
  }
  await recordTransition(db, { interactionId: created.id, state: 'queued', at: input.at });
  return { kind: 'queued', interactionId: created.id, campaignId: campaign.id };
}
