import {
  applyComment,
  applyCommentRemoved,
  applyCommentVisibility,
  applyPost,
} from '../conversations/apply-feed-event.ts';
import { applyEcho, applyInbound, applyReceipt } from '../conversations/apply-messenger-event.ts';
import type { ActionableWebhookEvent } from '../facebook/webhook-events.ts';
import type { Database } from '../store/database.ts';

/** Applies one normalized event to the conversations; the caller guarantees once per dedupe key. */
export async function applyEvent(db: Database, e: ActionableWebhookEvent, receivedAt: Date): Promise<void> {
  switch (e.kind) {
    case 'comment.added':
    case 'comment.edited':
      return applyComment(db, e);
    case 'comment.removed':
      return applyCommentRemoved(db, e, receivedAt);
    case 'comment.hidden':
    case 'comment.unhidden':
      return applyCommentVisibility(db, e);
    case 'post.added':
    case 'post.edited':
    case 'post.removed':
      return applyPost(db, e, receivedAt);
    case 'reaction':
      return; // reactions are never work: deduplicated and dropped
    case 'message.received':
    case 'postback.received':
      return applyInbound(db, e);
    case 'message.echo':
      return applyEcho(db, e);
    case 'message.read':
    case 'message.delivered':
      return applyReceipt(db, e);
  }
}
