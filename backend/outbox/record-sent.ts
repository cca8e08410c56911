import { eq, sql } from 'drizzle-orm';
import type { PageRow } from '../pages/page-store.ts';
import type { Database } from '../store/database.ts';
import { comments, messengerMessages } from '../store/schema.ts';
import type { OutboxPayload } from './outbox-payload.ts';

/**
 * Stores what Facebook accepted, with the agent's name. The Page's feed event or message echo may
 * have arrived first (stored without an agent): one row per Graph id either way.
 */
export async function recordSent(
  db: Database,
  page: PageRow,
  payload: OutboxPayload,
  result: { id: string; recipientId?: string },
  now: Date,
): Promise<void> {
  const agent = { agentId: payload.agentId, agentName: payload.agentName };
  if (payload.kind === 'comment_reply') {
    const [parent] = await db.select().from(comments).where(eq(comments.id, payload.commentId)).limit(1);
    await db
      .insert(comments)
      .values({
        id: result.id,
        pageId: page.id,
        postId: parent?.postId ?? payload.commentId.split('_')[0]!,
        parentId: payload.commentId,
        threadId: parent?.threadId ?? payload.commentId,
        fromId: page.id,
        fromName: page.name,
        fromPage: true,
        message: payload.text ?? '',
        photoUrl: payload.attachmentUrl ?? null,
        createdAt: now,
        ...agent,
      })
      // The feed event may have come first with Facebook's whole-second created_time: our send time
      // (milliseconds) keeps the agent's replies in the order they went, even several a second.
      .onConflictDoUpdate({ target: comments.id, set: { ...agent, createdAt: now } });
    return;
  }
  if (payload.kind === 'private_reply') {
    await db.update(comments).set({ privateReplySentAt: now }).where(eq(comments.id, payload.commentId));
  }
  const psid =
    payload.kind === 'message' ? payload.psid : (result.recipientId ?? `comment:${payload.commentId}`);
  await db
    .insert(messengerMessages)
    .values({
      mid: result.id,
      pageId: page.id,
      psid,
      direction: 'out',
      text: payload.text ?? null,
      attachments: payload.kind === 'message' && payload.attachment ? [payload.attachment] : [],
      sentAt: now,
      ...agent,
    })
    .onConflictDoUpdate({
      target: messengerMessages.mid,
      set: { ...agent, text: sql`coalesce(${messengerMessages.text}, excluded.text)` },
    });
}
