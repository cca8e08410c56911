import { and, eq, inArray } from 'drizzle-orm';
import { type PrivateReplyVerdict, privateReplyVerdict } from '../domain/private-reply.ts';
import { commentConversation } from '../outbox/outbox-payload.ts';
import type { Database } from '../store/database.ts';
import { type comments, outbox } from '../store/schema.ts';
import { enabledCampaign } from './find-open.ts';

type CommentRow = typeof comments.$inferSelect;

/**
 * Reads what `privateReplyVerdict` decides on for some comments of one Page: its Messenger campaign
 * and the private replies still in the outbox. The transcript and the reply route ask the same way.
 */
export async function privateReplyJudge(db: Database, pageId: string, commentIds: string[]) {
  const messengerCampaign = (await enabledCampaign(db, pageId, 'messenger')) ?? null;
  const waiting = commentIds.length
    ? await db
        .select({ key: outbox.conversationKey })
        .from(outbox)
        .where(
          and(
            eq(outbox.kind, 'private_reply'),
            inArray(outbox.status, ['pending', 'held']),
            inArray(outbox.conversationKey, commentIds.map(commentConversation)),
          ),
        )
    : [];
  const onItsWay = new Set(waiting.map((w) => w.key));
  return {
    messengerCampaign,
    verdict(c: CommentRow, now: Date): PrivateReplyVerdict {
      return privateReplyVerdict(
        {
          fromCustomer: !c.fromPage && !c.agentId,
          commentCreatedMs: c.createdAt?.getTime() ?? null,
          alreadySent: c.privateReplySentAt !== null,
          onItsWay: onItsWay.has(commentConversation(c.id)),
          messengerCampaign: messengerCampaign !== null,
        },
        now.getTime(),
      );
    },
  };
}
