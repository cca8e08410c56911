import type { Database } from '../store/database.ts';
import { outbox } from '../store/schema.ts';
import { conversationKey, type OutboxPayload } from './outbox-payload.ts';

/**
 * Stores a reply to send; it is never lost from here on, whatever Facebook does. `interactionId`:
 * the interaction it was written in, whose composer follows its delivery.
 */
export async function enqueueReply(
  db: Database,
  pageId: string,
  payload: OutboxPayload,
  now: Date,
  interactionId: string | null = null,
) {
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
      interactionId,
    })
    .returning();
  return row!;
}
