import { eq } from 'drizzle-orm';
import { enqueueReply } from '../outbox/enqueue.ts';
import type { Database } from '../store/database.ts';
import { interactions, type UserRow } from '../store/schema.ts';
import { markAnswered } from './agent-actions.ts';
import { Changes } from './changes.ts';

export type ReplyResult =
  | { ok: true; outboxId: number; changes: Changes }
  | { ok: false; code: 'NOT_FOUND' | 'NOT_YOURS' | 'CLOSED' };

/**
 * An agent's reply: stored first (the outbox sends it), and the interaction is answered from this
 * moment — the agent's name goes with the reply wherever it is shown.
 */
export async function reply(
  db: Database,
  agent: UserRow,
  interactionId: string,
  input: { text?: string; attachmentUrl?: string; commentId?: string; privately?: boolean },
  now: Date,
): Promise<ReplyResult> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const [i] = await t.select().from(interactions).where(eq(interactions.id, interactionId)).for('update');
    if (!i) return { ok: false, code: 'NOT_FOUND' } as const;
    if (i.agentId !== agent.id) return { ok: false, code: 'NOT_YOURS' } as const;
    if (i.state !== 'assigned' && i.state !== 'answered') return { ok: false, code: 'CLOSED' } as const;
    const who = { agentId: agent.id, agentName: agent.name };
    const commentId = input.commentId ?? i.threadKey;
    const row =
      i.channel === 'facebook' && input.privately
        ? await enqueueReply(
            t,
            i.pageId,
            { kind: 'private_reply', commentId, text: input.text ?? '', ...who },
            now,
          )
        : i.channel === 'facebook'
          ? await enqueueReply(
              t,
              i.pageId,
              {
                kind: 'comment_reply',
                commentId: input.commentId ?? i.threadKey,
                text: input.text,
                attachmentUrl: input.attachmentUrl,
                ...who,
              },
              now,
            )
          : await enqueueReply(
              t,
              i.pageId,
              {
                kind: 'message',
                psid: i.threadKey,
                text: input.text,
                ...(input.attachmentUrl
                  ? { attachment: { type: 'image' as const, url: input.attachmentUrl } }
                  : {}),
                ...who,
              },
              now,
            );
    const changes = new Changes();
    await markAnswered(t, interactionId, agent.id, now, changes);
    return { ok: true, outboxId: row.id, changes } as const;
  });
}
