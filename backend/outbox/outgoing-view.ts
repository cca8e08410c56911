import { and, asc, eq, inArray } from 'drizzle-orm';
import type { OutgoingReply } from '../../shared/api/interactions.ts';
import type { DomainEvent } from '../../shared/events.ts';
import type { Emit } from '../realtime/emit.ts';
import type { Database } from '../store/database.ts';
import { interactions, outbox } from '../store/schema.ts';
import type { OutboxPayload } from './outbox-payload.ts';

type OutboxRow = typeof outbox.$inferSelect;

/** What a held reply tells the agent, whatever Facebook said about the token (admins see that). */
export const HELD_REASON =
  "The Page's Facebook connection needs re-activation; this reply is held and will be sent after it.";

/** An outbox row as the composer shows it: the one place that builds the OutgoingReply view. */
export function toOutgoing(row: OutboxRow & { interactionId: string }): OutgoingReply {
  const p = row.payload as OutboxPayload;
  return {
    id: row.id,
    interactionId: row.interactionId,
    kind: row.kind,
    status: row.status,
    text: p.text ?? '',
    attachmentUrl:
      p.kind === 'comment_reply'
        ? (p.attachmentUrl ?? null)
        : p.kind === 'message'
          ? (p.attachment?.url ?? null)
          : null,
    commentId: p.kind === 'message' ? null : p.commentId,
    agentName: p.agentName ?? null,
    // A pending row's lastError is a transient failure being retried: nothing the agent must act on.
    error: row.status === 'held' ? HELD_REASON : row.status === 'failed' ? row.lastError : null,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    graphId: row.graphId,
  };
}

/** The interaction's replies Facebook has not taken yet (pending, held) or refused (failed), oldest first. */
export async function outgoingReplies(db: Database, interactionId: string): Promise<OutgoingReply[]> {
  const rows = await db
    .select()
    .from(outbox)
    .where(
      and(eq(outbox.interactionId, interactionId), inArray(outbox.status, ['pending', 'held', 'failed'])),
    )
    .orderBy(asc(outbox.id));
  return rows.map((r) => toOutgoing({ ...r, interactionId }));
}

// NOTIFY carries under 8000 bytes: a long reply's text is shortened in the event (the transcript has
// it whole), so a delivery change is never lost to its size.
const EVENT_BUDGET_BYTES = 6_000;

function fitted(event: Extract<DomainEvent, { type: 'reply.status' }>) {
  const size = (text: string) =>
    Buffer.byteLength(JSON.stringify({ ...event, reply: { ...event.reply, text } }));
  if (size(event.reply.text) <= EVENT_BUDGET_BYTES) return event;
  const chars = [...event.reply.text];
  let keep = chars.length;
  while (keep > 0 && size(`${chars.slice(0, keep).join('')}…`) > EVENT_BUDGET_BYTES) {
    keep = Math.floor(keep * 0.8);
  }
  const text = keep > 0 ? `${chars.slice(0, keep).join('')}…` : '';
  return { ...event, reply: { ...event.reply, text } };
}

/** `reply.status` for each row (rows not tied to an interaction have no composer to tell). */
export async function replyStatusEvents(db: Database, ids: number[]): Promise<DomainEvent[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ row: outbox, agentId: interactions.agentId, campaignId: interactions.campaignId })
    .from(outbox)
    .innerJoin(interactions, eq(interactions.id, outbox.interactionId))
    .where(inArray(outbox.id, ids))
    .orderBy(asc(outbox.id));
  return rows.map((r) =>
    fitted({
      type: 'reply.status',
      reply: toOutgoing({ ...r.row, interactionId: r.row.interactionId! }),
      agentId: r.agentId,
      campaignId: r.campaignId,
    }),
  );
}

/** Publishes the delivery state of these outbox rows, read after the write that changed them. */
export async function announceReplies(db: Database, emit: Emit, ids: Iterable<number>): Promise<void> {
  for (const event of await replyStatusEvents(db, [...new Set(ids)])) emit(event);
}
