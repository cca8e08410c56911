import { and, eq } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { campaignMembers, interactions } from '../store/schema.ts';
import { Changes } from './changes.ts';
import { enabledCampaign, openInteraction } from './find-open.ts';
import { recordTransition } from './transitions.ts';

/**
 * A private reply opened a Messenger chat: it becomes an interaction of the Page's Messenger
 * campaign, given straight to the agent who wrote the reply when they are a member of it (DOMAIN:
 * "routed to the same agent"), else queued for routing.
 */
export async function openPrivateChat(
  db: Database,
  input: { pageId: string; psid: string; customerName: string | null; agentId: string; at: Date },
): Promise<Changes> {
  const changes = new Changes();
  const campaign = await enabledCampaign(db, input.pageId, 'messenger');
  if (!campaign) return changes;
  if (await openInteraction(db, campaign.id, input.psid)) return changes;
  const [member] = await db
    .select({ userId: campaignMembers.userId })
    .from(campaignMembers)
    .where(and(eq(campaignMembers.campaignId, campaign.id), eq(campaignMembers.userId, input.agentId)));
  const [created] = await db
    .insert(interactions)
    .values({
      campaignId: campaign.id,
      pageId: input.pageId,
      channel: 'messenger',
      threadKey: input.psid,
      customerId: input.psid,
      customerName: input.customerName,
      state: member ? 'answered' : 'queued',
      agentId: member ? input.agentId : null,
      firstQueuedAt: input.at,
      assignedAt: member ? input.at : null,
      // The private reply is itself the first answer.
      answeredAt: member ? input.at : null,
    })
    .onConflictDoNothing()
    .returning({ id: interactions.id });
  if (!created) return changes;
  await recordTransition(db, {
    interactionId: created.id,
    state: 'queued',
    at: input.at,
    note: 'opened by a private reply',
  });
  if (member) {
    await recordTransition(db, {
      interactionId: created.id,
      state: 'assigned',
      at: input.at,
      agentId: input.agentId,
      note: 'private reply author',
    });
    await recordTransition(db, {
      interactionId: created.id,
      state: 'answered',
      at: input.at,
      agentId: input.agentId,
    });
  } else changes.route.add(campaign.id);
  changes.change(created.id);
  return changes;
}
