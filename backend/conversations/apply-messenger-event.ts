import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type {
  MessageDeliveredEvent,
  MessageEchoEvent,
  MessageReadEvent,
  MessageReceivedEvent,
  PostbackReceivedEvent,
} from '../facebook/webhook-events.ts';
import type { Database } from '../store/database.ts';
import { messengerMessages } from '../store/schema.ts';

/** A customer's message or button tap; a postback is kept as a message whose text is its title. */
export async function applyInbound(db: Database, e: MessageReceivedEvent | PostbackReceivedEvent) {
  await applyInbounds(db, [e]);
}

/** Many customers' messages in one statement (a webhook round's), each kept once per mid. */
export async function applyInbounds(db: Database, events: (MessageReceivedEvent | PostbackReceivedEvent)[]) {
  if (events.length === 0) return;
  await db
    .insert(messengerMessages)
    .values(
      events.map((e) => {
        const isPostback = e.kind === 'postback.received';
        return {
          mid: e.mid ?? `postback:${e.dedupeKey}`,
          pageId: e.pageId,
          psid: e.psid,
          direction: 'in' as const,
          text: isPostback ? (e.title ?? e.payload ?? null) : (e.text ?? null),
          attachments: isPostback ? [] : e.attachments,
          quickReplyPayload: isPostback ? (e.payload ?? null) : (e.quickReplyPayload ?? null),
          replyToMid: isPostback ? null : (e.replyToMid ?? null),
          sentAt: new Date(e.timestamp),
        };
      }),
    )
    .onConflictDoNothing();
}

/**
 * The Page sent a message. Ours may already be stored (the Send API answered first) or not yet
 * (the echo raced ahead): either way one row per mid, and the agent's name set by the sender stays.
 * Echoes from other apps or the Page inbox are humans answering outside Pagedesk: kept as such.
 */
export async function applyEcho(db: Database, e: MessageEchoEvent) {
  await db
    .insert(messengerMessages)
    .values({
      mid: e.mid,
      pageId: e.pageId,
      psid: e.psid,
      direction: 'out',
      text: e.text ?? null,
      attachments: e.attachments,
      appId: e.appId ?? null,
      metadata: e.metadata ?? null,
      sentAt: new Date(e.timestamp),
    })
    .onConflictDoUpdate({
      target: messengerMessages.mid,
      set: {
        appId: sql`coalesce(${messengerMessages.appId}, excluded.app_id)`,
        metadata: sql`coalesce(${messengerMessages.metadata}, excluded.metadata)`,
      },
    });
}

/** Everything the Page sent up to the watermark was read (or delivered). */
export async function applyReceipt(db: Database, e: MessageReadEvent | MessageDeliveredEvent) {
  const column = e.kind === 'message.read' ? messengerMessages.readAt : messengerMessages.deliveredAt;
  const key = e.kind === 'message.read' ? 'readAt' : 'deliveredAt';
  const watermark = new Date(e.watermark);
  await db
    .update(messengerMessages)
    .set({ [key]: watermark })
    .where(
      and(
        eq(messengerMessages.pageId, e.pageId),
        eq(messengerMessages.psid, e.psid),
        eq(messengerMessages.direction, 'out'),
        lte(messengerMessages.sentAt, watermark),
        isNull(column),
      ),
    );
}
