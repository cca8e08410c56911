import type { ActionableWebhookEvent } from '../facebook/webhook-events.ts';
import type { Database } from '../store/database.ts';
import { Changes } from './changes.ts';
import { type FindCampaign, openOrJoin } from './open-interaction.ts';
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
  const changes = new Changes();
  let opened: Awaited<ReturnType<typeof openOrJoin>> | undefined;
  if (e.kind === 'comment.added' && !e.fromPage) {
    opened = await openOrJoin(
      db,
      {
        pageId: e.pageId,
        channel: 'facebook',
        threadKey: e.isReply ? e.parentId : e.commentId,
        customerId: e.from?.id ?? null,
        customerName: e.from?.name ?? null,
        at: new Date(e.createdAt),
      },
      findCampaign,
    );
  } else if ((e.kind === 'message.received' || e.kind === 'postback.received') && !e.standby) {
    opened = await openOrJoin(
      db,
      {
        pageId: e.pageId,
        channel: 'messenger',
        threadKey: e.psid,
        customerId: e.psid,
        customerName: null,
        at: new Date(e.timestamp),
      },
      findCampaign,
    );
  } else if (e.kind === 'comment.removed' && (!e.parentId || e.parentId === e.postId)) {
    return abandonRemovedThread(db, e.commentId, receivedAt);
  }
  if (opened?.kind === 'queued') {
    changes.change(opened.interactionId);
    changes.route.add(opened.campaignId);
  } else if (opened?.kind === 'joined') {
    changes.messages.push({
      id: opened.interactionId,
      agentId: opened.agentId,
      campaignId: opened.campaignId,
    });
  }
  return changes;
}
