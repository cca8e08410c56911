import { eq } from 'drizzle-orm';
import { messengerPolicy } from '../conversations/messenger-window.ts';
import { enqueueReply } from '../outbox/enqueue.ts';
import type { OutboxPayload } from '../outbox/outbox-payload.ts';
import { findPage } from '../pages/page-store.ts';
import type { Database } from '../store/database.ts';
import { comments, interactions, type UserRow } from '../store/schema.ts';
import { markAnswered } from './agent-actions.ts';
import { Changes } from './changes.ts';
import { privateReplyJudge } from './private-reply-facts.ts';

export type ReplyResult =
  | { ok: true; outboxId: number; changes: Changes }
  | { ok: false; code: 'NOT_FOUND' | 'NOT_YOURS' | 'CLOSED' }
  /** Facebook would refuse it (or it could not land anywhere): nothing was stored. */
  | { ok: false; code: 'REFUSED'; reason: string };

type ReplyInput = { text?: string; attachmentUrl?: string; commentId?: string; privately?: boolean };
type Interaction = typeof interactions.$inferSelect;
type Who = { agentId: string; agentName: string };

/**
 * An agent's reply: checked against Meta's rules first (so a reply Facebook would refuse is refused
 * now, with the reason, instead of failing later), then stored (the outbox sends it), and the
 * interaction is answered from this moment — the agent's name goes with the reply wherever shown.
 */
export async function reply(
  db: Database,
  agent: UserRow,
  interactionId: string,
  input: ReplyInput,
  now: Date,
): Promise<ReplyResult> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    // The row lock also serializes an interaction's replies: two quick private replies see each other.
    const [i] = await t.select().from(interactions).where(eq(interactions.id, interactionId)).for('update');
    if (!i) return { ok: false, code: 'NOT_FOUND' } as const;
    if (i.agentId !== agent.id) return { ok: false, code: 'NOT_YOURS' } as const;
    if (i.state !== 'assigned' && i.state !== 'answered') return { ok: false, code: 'CLOSED' } as const;
    const payload = await payloadFor(t, i, input, { agentId: agent.id, agentName: agent.name }, now);
    if ('refused' in payload) return { ok: false, code: 'REFUSED', reason: payload.refused } as const;
    const row = await enqueueReply(t, i.pageId, payload, now, i.id);
    const changes = new Changes();
    changes.replies.add(row.id);
    await markAnswered(t, interactionId, agent.id, now, changes);
    return { ok: true, outboxId: row.id, changes } as const;
  });
}

/** What the outbox will send, or why Facebook would refuse it. */
async function payloadFor(
  db: Database,
  i: Interaction,
  input: ReplyInput,
  who: Who,
  now: Date,
): Promise<OutboxPayload | { refused: string }> {
  if (i.channel === 'messenger') {
    const page = await findPage(db, i.pageId);
    if (!page) return { refused: 'The Page is no longer linked.' };
    const policy = await messengerPolicy(db, page, i.threadKey, now);
    if (policy.send === 'closed') return { refused: policy.reason };
    return {
      kind: 'message',
      psid: i.threadKey,
      text: input.text,
      ...(input.attachmentUrl ? { attachment: { type: 'image' as const, url: input.attachmentUrl } } : {}),
      ...who,
    };
  }
  const commentId = input.commentId ?? i.threadKey;
  const [comment] = await db.select().from(comments).where(eq(comments.id, commentId)).limit(1);
  // An explicit comment must belong to this thread: the agent answers their own interaction only.
  const inThread = comment && (comment.id === i.threadKey || comment.threadId === i.threadKey);
  if (input.commentId && !inThread) return { refused: "That comment is not in this interaction's thread." };
  if (!input.privately) {
    return { kind: 'comment_reply', commentId, text: input.text, attachmentUrl: input.attachmentUrl, ...who };
  }
  if (!input.text || input.attachmentUrl)
    return { refused: 'A private reply is text only: write the message.' };
  if (!comment) return { refused: "That comment is not in this interaction's thread." };
  const judge = await privateReplyJudge(db, i.pageId, [commentId]);
  const verdict = judge.verdict(comment, now);
  if (!verdict.allowed) return { refused: verdict.reason };
  return { kind: 'private_reply', commentId, text: input.text, ...who };
}
