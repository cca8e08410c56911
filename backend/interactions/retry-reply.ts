import { and, eq } from 'drizzle-orm';
import type { OutgoingReply } from '../../shared/api/interactions.ts';
import { toOutgoing } from '../outbox/outgoing-view.ts';
import type { Database } from '../store/database.ts';
import { interactions, outbox } from '../store/schema.ts';
import { Changes } from './changes.ts';

export type RetryResult =
  | { ok: true; reply: OutgoingReply; changes: Changes }
  | { ok: false; code: 'NOT_FOUND' | 'NOT_YOURS' | 'CLOSED' | 'NO_REPLY' | 'NOT_FAILED' };

/**
 * The agent sends a failed reply again: it goes back to the queue as if just written (attempts
 * reset), keeping its place in the conversation's order. The sender checks Meta's rules again.
 */
export async function retryReply(
  db: Database,
  agentId: string,
  interactionId: string,
  replyId: number,
  now: Date,
): Promise<RetryResult> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const [i] = await t.select().from(interactions).where(eq(interactions.id, interactionId)).for('update');
    if (!i) return { ok: false, code: 'NOT_FOUND' } as const;
    if (i.agentId !== agentId) return { ok: false, code: 'NOT_YOURS' } as const;
    if (i.state !== 'assigned' && i.state !== 'answered') return { ok: false, code: 'CLOSED' } as const;
    const [row] = await t
      .select()
      .from(outbox)
      .where(and(eq(outbox.id, replyId), eq(outbox.interactionId, interactionId)))
      .for('update');
    if (!row) return { ok: false, code: 'NO_REPLY' } as const;
    if (row.status !== 'failed') return { ok: false, code: 'NOT_FAILED' } as const;
    const [again] = await t
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null })
      .where(eq(outbox.id, replyId))
      .returning();
    const changes = new Changes();
    changes.replies.add(replyId);
    return { ok: true, reply: toOutgoing({ ...again!, interactionId }), changes } as const;
  });
}
