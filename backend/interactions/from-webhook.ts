import type { ActionableWebhookEvent } from '../facebook/webhook-events.ts';
import type { Database } from '../store/database.ts';
import { Changes } from './changes.ts';
import { type CustomerWrote, type FindCampaign, type Opened, openOrJoinMany } from './open-interaction.ts';
import { abandonRemovedThread } from './sweeps.ts';

/**
 * What a stored webhook event means for the work: a customer's comment or message opens (or joins)
 * an interaction; the Page's own comments, echoes, reactions and receipts never do.
 */
export async function interactionEffects(
  db: Database,
  e: ActionableWebhookEvent,
  receivedAt: Date,
  findCampaign?: FindCampaign,
): Promise<Changes> {
  if (e.kind === 'comment.removed' && (!e.parentId || e.parentId === e.postId)) {
    return abandonRemovedThread(db, e.commentId, receivedAt);
  }
  return customersWrote(db, [e], findCampaign);
}

/** Events that can only open or join interactions, a round's at once (one statement). */
export async function customersWrote(
  db: Database,
  events: ActionableWebhookEvent[],
  findCampaign?: FindCampaign,
): Promise<Changes> {
  const inputs = events.flatMap((e) => {
    const input = customerWrote(e);
    return input ? [input] : [];
  });
  const changes = new Changes();
  if (inputs.length === 0) return changes;
  for (const opened of await openOrJoinMany(db, inputs, findCampaign)) record(changes, opened);
  return changes;
}

/** The customer's words an event carries, if it is one that brings work. */
export function customerWrote(e: ActionableWebhookEvent): CustomerWrote | null {
  if (e.kind === 'comment.added' && !e.fromPage) {
    return {
      pageId: e.pageId,
      channel: 'facebook',
      threadKey: e.isReply ? e.parentId : e.commentId,
      customerId: e.from?.id ?? null,
      customerName: e.from?.name ?? null,
      at: new Date(e.createdAt),
    };
  }
  if ((e.kind === 'message.received' || e.kind === 'postback.received') && !e.standby) {
    return {
      pageId: e.pageId,
      channel: 'messenger',
      threadKey: e.psid,
      customerId: e.psid,
      customerName: null,
      at: new Date(e.timestamp),
    };
  }
  return null;
}

function record(changes: Changes, opened: Opened) {
  if (opened.kind === 'queued') {
    changes.change(opened.interactionId);
    changes.route.add(opened.campaignId);
  } else if (opened.kind === 'joined') {
    changes.messages.push({
      id: opened.interactionId,
      agentId: opened.agentId,
      campaignId: opened.campaignId,
    });
  }
}
