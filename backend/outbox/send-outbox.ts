import { and, eq, sql } from 'drizzle-orm';
import { messengerPolicy } from '../conversations/messenger-window.ts';
import { privateReplyAllowed } from '../domain/messaging-window.ts';
import type { FacebookDeps } from '../facebook/facebook-deps.ts';
import { describeGraphError, GraphError } from '../facebook/graph-errors.ts';
import type { SendApiBody } from '../facebook/send-api-body.ts';
import { Changes } from '../interactions/changes.ts';
import { openPrivateChat } from '../interactions/private-chat.ts';
import type { Logger } from '../log/logger.ts';
import { markPageInvalid } from '../pages/page-health.ts';
import { findPage, type PageRow, pageToken } from '../pages/page-store.ts';
import type { Emit } from '../realtime/emit.ts';
import type { Database } from '../store/database.ts';
import { comments, outbox } from '../store/schema.ts';
import type { OutboxPayload } from './outbox-payload.ts';
import { recordSent } from './record-sent.ts';
import { afterFailure } from './retry-policy.ts';

type OutboxRow = typeof outbox.$inferSelect;

export interface SenderDeps {
  db: Database;
  facebook: FacebookDeps;
  logger: Logger;
  now: () => Date;
  random: () => number;
  emit: Emit;
  settle: (changes: Changes) => Promise<void>;
}

const BATCH = 10;

/**
 * One round of the sender. Only the oldest unsent row of each conversation is eligible, so replies
 * leave in the order they were written even across retries and instances; rows are claimed with
 * SKIP LOCKED and the Graph call happens outside any transaction.
 */
export async function sendDueReplies(deps: SenderDeps): Promise<boolean> {
  const now = deps.now();
  const held = await holdDeadPages(deps.db, now);
  if (held.length > 0) {
    // Each held reply's composer says so at once (reply.status), not only the head of its conversation.
    const changes = new Changes();
    for (const id of held) changes.replies.add(id);
    await deps.settle(changes);
  }
  const claimed = await deps.db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      select o.id from outbox o
      where o.status = 'pending' and o.next_attempt_at <= ${now}
        and not exists (select 1 from outbox p where p.conversation_key = o.conversation_key
                        and p.id < o.id and p.status in ('pending', 'held'))
      order by o.id limit ${BATCH} for update skip locked`);
    const ids = (result as unknown as { rows: { id: number | string }[] }).rows.map((r) => Number(r.id));
    if (ids.length === 0) return [];
    // Push the claimed rows' next attempt out while they are in flight, so no other round takes them.
    const lease = new Date(now.getTime() + 60_000);
    return tx
      .update(outbox)
      .set({ nextAttemptAt: lease, attempts: sql`${outbox.attempts} + 1` })
      .where(
        sql`${outbox.id} in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      )
      .returning();
  });
  for (const row of claimed) await sendOne(deps, row);
  return claimed.length === BATCH;
}

/**
 * Every due reply of a Page whose token is invalid is held, not only the head of each conversation:
 * those written behind it would otherwise wait as "pending" with no reason given. Rows in flight or
 * backing off (next attempt later) are left to their own outcome.
 */
async function holdDeadPages(db: Database, now: Date): Promise<number[]> {
  const res = await db.execute(sql`
    update outbox o set status = 'held',
      last_error = 'Held until the Page is re-activated: ' || coalesce(p.health_reason, '')
    from pages p
    where p.id = o.page_id and p.health = 'invalid' and o.status = 'pending' and o.next_attempt_at <= ${now}
    returning o.id`);
  return (res as unknown as { rows: { id: number | string }[] }).rows.map((r) => Number(r.id));
}

async function sendOne(deps: SenderDeps, row: OutboxRow) {
  const { db } = deps;
  const page = await findPage(db, row.pageId);
  if (!page) return mark(deps, row.id, { status: 'failed', lastError: 'The Page is no longer linked.' });
  if (page.health === 'invalid') {
    return mark(deps, row.id, {
      status: 'held',
      lastError: `Held until the Page is re-activated: ${page.healthReason ?? ''}`,
    });
  }
  const payload = row.payload as OutboxPayload;
  const refusal = await checkRules(db, page, payload, deps.now());
  if (refusal) return mark(deps, row.id, { status: 'failed', lastError: refusal });
  try {
    const result = await send(deps, page, payload, row.id);
    const changes = new Changes();
    changes.replies.add(row.id);
    // The chat a private reply opens is written in the same transaction that marks the reply sent:
    // a crash in between cannot lose it, and nobody sees it half made (assigned but not answered).
    await db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      await recordSent(t, page, payload, result, deps.now());
      await tx
        .update(outbox)
        .set({ status: 'sent', graphId: result.id, sentAt: deps.now(), lastError: null })
        .where(eq(outbox.id, row.id));
      if (payload.kind === 'private_reply' && result.recipientId) {
        const [c] = await t
          .select({ fromName: comments.fromName })
          .from(comments)
          .where(eq(comments.id, payload.commentId));
        changes.merge(
          await openPrivateChat(t, {
            pageId: page.id,
            psid: result.recipientId,
            customerName: c?.fromName ?? null,
            agentId: payload.agentId,
            at: deps.now(),
          }),
        );
      }
    });
    await deps.settle(changes);
  } catch (err) {
    if (!(err instanceof GraphError)) throw err;
    const waitingMs = deps.now().getTime() - row.createdAt.getTime();
    const verdict = afterFailure(err, row.attempts, deps.random(), waitingMs);
    const reason = describeGraphError(err);
    deps.logger.warn('send failed', {
      outboxId: row.id,
      pageId: page.id,
      class: err.errorClass,
      code: err.code,
      action: verdict.action,
    });
    if (verdict.action === 'hold') {
      await markPageInvalid(db, page.id, reason, deps.now(), deps.emit);
      return mark(deps, row.id, { status: 'held', lastError: reason });
    }
    if (verdict.action === 'retry') {
      // Still pending: the composer has nothing new to show, so nothing is announced.
      return db
        .update(outbox)
        .set({ lastError: reason, nextAttemptAt: new Date(deps.now().getTime() + verdict.delayMs) })
        .where(eq(outbox.id, row.id));
    }
    return mark(deps, row.id, { status: 'failed', lastError: reason });
  }
}

/** Meta's rules we can check before calling: the messaging window and one private reply per comment. */
async function checkRules(db: Database, page: PageRow, p: OutboxPayload, now: Date): Promise<string | null> {
  if (p.kind === 'private_reply') {
    const [c] = await db.select().from(comments).where(eq(comments.id, p.commentId)).limit(1);
    const rule = privateReplyAllowed(
      c?.createdAt?.getTime() ?? null,
      Boolean(c?.privateReplySentAt),
      now.getTime(),
    );
    return rule.ok ? null : rule.reason;
  }
  if (p.kind === 'message') {
    const policy = await messengerPolicy(db, page, p.psid, now);
    return policy.send === 'closed' ? policy.reason : null;
  }
  return null;
}

async function send(deps: SenderDeps, page: PageRow, p: OutboxPayload, outboxId: number) {
  const token = pageToken(deps.facebook, page);
  const graph = deps.facebook.graph;
  // Our metadata comes back on the echo, so the echo is matched to this row, never a new message.
  const metadata = `pagedesk:${outboxId}`;
  if (p.kind === 'comment_reply') {
    const res = await graph.replyToComment(p.commentId, token, {
      message: p.text,
      attachmentUrl: p.attachmentUrl,
    });
    return { id: res.id };
  }
  let body: SendApiBody;
  if (p.kind === 'private_reply') {
    body = {
      recipient: { comment_id: p.commentId },
      messaging_type: 'RESPONSE',
      message: { text: p.text, metadata },
    };
  } else {
    const policy = await messengerPolicy(deps.db, page, p.psid, deps.now());
    const message = p.attachment
      ? {
          attachment: { type: p.attachment.type, payload: { url: p.attachment.url, is_reusable: true } },
          metadata,
        }
      : { text: p.text, metadata };
    body =
      policy.send === 'HUMAN_AGENT'
        ? { recipient: { id: p.psid }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message }
        : { recipient: { id: p.psid }, messaging_type: 'RESPONSE', message };
  }
  const res = await graph.sendMessage(page.id, token, body);
  return { id: res.messageId, recipientId: res.recipientId };
}

/** A row's delivery changed: store it, then tell the agent's composer. */
async function mark(
  deps: SenderDeps,
  id: number,
  set: { status: 'failed' | 'held'; lastError: string },
): Promise<void> {
  await deps.db.update(outbox).set(set).where(eq(outbox.id, id));
  const changes = new Changes();
  changes.replies.add(id);
  await deps.settle(changes);
}

/** A re-activated Page's held replies go back to the queue, in their original order; returns their ids. */
export async function releaseHeld(db: Database, pageId: string, now: Date): Promise<number[]> {
  const released = await db
    .update(outbox)
    .set({ status: 'pending', nextAttemptAt: now })
    .where(and(eq(outbox.pageId, pageId), eq(outbox.status, 'held')))
    .returning({ id: outbox.id });
  return released.map((r) => r.id);
}
