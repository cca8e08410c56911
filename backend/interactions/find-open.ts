import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { campaigns, interactions } from '../store/schema.ts';
import { OPEN_STATES } from './transitions.ts';

/** The Page's enabled campaign on a channel; a disabled campaign takes no new work. */
export async function enabledCampaign(db: Database, pageId: string, channel: 'facebook' | 'messenger') {
  const [campaign] = await db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(and(eq(campaigns.pageId, pageId), eq(campaigns.channel, channel), eq(campaigns.enabled, true)))
    .limit(1);
  return campaign;
}

/** The interaction still open for a thread (comment thread or chat) in a campaign, if any. */
export async function openInteraction(db: Database, campaignId: string, threadKey: string) {
  const [open] = await db
    .select({ id: interactions.id, agentId: interactions.agentId })
    .from(interactions)
    .where(
      and(
        eq(interactions.campaignId, campaignId),
        eq(interactions.threadKey, threadKey),
        inArray(interactions.state, [...OPEN_STATES]),
      ),
    )
    .limit(1);
  return open;
}
