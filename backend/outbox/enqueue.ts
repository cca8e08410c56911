import type { Database } from '../store/database.ts';
import { outbox } from '../store/schema.ts';
import { conversationKey, type OutboxPayload } from './outbox-payload.ts';

/** Stores a reply to send; it is never lost from here on, whatever Facebook does. */
export async function enqueueReply(db: Database, pageId: string, payload: OutboxPayload, now: Date) {
  const [row] = await db
    .insert(outbox)
    .values({
      pageId,
      conversationKey: conversationKey(pageId, payload),
      kind: payload.kind,
      payload,
      createdBy: payload.agentId,
      createdAt: now,
      nextAttemptAt: now,
    })
    .returning();
  return row!;
}
