import { signWebhookBody } from '../../backend/facebook/webhook-signature.ts';
import { BENCH_FB_ENV } from './facebook-app.ts';

/**
 * Webhook bodies shaped like Meta's (backend/facebook/fixtures: messenger-*.json, feed-comment-*.json):
 * a customer's Messenger message, or a customer's top-level comment on a Page post. Each one is a new
 * conversation, so each opens an interaction.
 */

export interface Customer {
  /** The thread key the backend will use: the PSID (messenger) or the comment id (facebook). */
  threadKey: string;
  entry: Record<string, unknown>;
}

export function messengerMessage(pageId: string, seq: string, nowMs: number): Customer {
  const psid = `72${seq.padStart(14, '0')}`;
  return {
    threadKey: psid,
    entry: {
      id: pageId,
      time: nowMs,
      messaging: [
        {
          sender: { id: psid },
          recipient: { id: pageId },
          timestamp: nowMs,
          message: { mid: `m_bench-${seq}`, text: `Hello, is order ${seq} on its way?` },
        },
      ],
    },
  };
}

export function feedComment(pageId: string, postNumber: string, seq: string, nowMs: number): Customer {
  const postId = `${pageId}_${postNumber}`;
  const commentId = `${postNumber}_${seq.padStart(16, '0')}`;
  const seconds = Math.floor(nowMs / 1000);
  return {
    threadKey: commentId,
    entry: {
      id: pageId,
      time: seconds,
      changes: [
        {
          field: 'feed',
          value: {
            from: { id: `73${seq.padStart(14, '0')}`, name: `Customer ${seq}` },
            post: {
              status_type: 'added_photos',
              is_published: true,
              updated_time: new Date(seconds * 1000).toISOString().replace('.000Z', '+0000'),
              permalink_url: `https://www.facebook.com/${pageId}/posts/${postNumber}`,
              promotion_status: 'inactive',
              id: postId,
            },
            message: `Do you have size ${seq.slice(-2)} in black?`,
            post_id: postId,
            comment_id: commentId,
            created_time: seconds,
            item: 'comment',
            parent_id: postId,
            verb: 'add',
          },
        },
      ],
    },
  };
}

/** The raw bytes Meta would POST and the headers it would send with them. */
export function signedDelivery(entries: Record<string, unknown>[]): {
  body: Buffer;
  headers: Record<string, string>;
} {
  const body = Buffer.from(JSON.stringify({ object: 'page', entry: entries }));
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signWebhookBody(body, BENCH_FB_ENV.FB_APP_SECRET),
    },
  };
}
