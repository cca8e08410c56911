import { graphTime, unixSeconds } from './clock.ts';
import { JsonNumber } from './meta-json.ts';
import type { Comment, Message, Page, Post } from './model.ts';
import { postNumber } from './state.ts';

/**
 * The `value` of `feed` changes and the `messaging[]` events, shaped and ordered like the captured
 * payloads (fixtures/graph-samples: feed-comment-add, feed-comment-remove, feed-status-add-page-post,
 * messenger-text, messenger-echo). Times: `created_time` in seconds, Messenger `timestamp` in ms.
 */

export type CommentVerb = 'add' | 'edited' | 'remove' | 'hide' | 'unhide';

export function permalinkOf(post: Post, comment?: Comment): string {
  const base = `https://www.facebook.com/${post.pageId}/posts/${postNumber(post.id)}`;
  if (!comment) return base;
  const top = comment.parentId === post.id ? comment.id : comment.parentId;
  const commentParam = `comment_id=${postNumber(top)}`;
  return top === comment.id
    ? `${base}?${commentParam}`
    : `${base}?${commentParam}&reply_comment_id=${postNumber(comment.id)}`;
}

/** The `post{}` object current feed events carry beside a comment. */
function postSummary(post: Post, updatedAt: number) {
  return {
    status_type: post.photoUrl ? 'added_photos' : 'mobile_status_update',
    is_published: true,
    updated_time: graphTime(updatedAt),
    permalink_url: permalinkOf(post),
    promotion_status: 'inactive',
    id: post.id,
  };
}

/** A comment change; `at` is when the change happened (the edit, hide or removal time). */
export function commentChangeValue(comment: Comment, post: Post, verb: CommentVerb, at: number) {
  const from = { id: comment.from.id, name: comment.from.name };
  if (verb === 'remove') {
    // feed-comment-remove.json: no message, no created_time.
    return {
      from,
      post_id: post.id,
      comment_id: comment.id,
      item: 'comment',
      parent_id: comment.parentId,
      verb,
    };
  }
  return {
    from,
    post: postSummary(post, at),
    message: comment.message,
    ...(comment.photoUrl ? { photo: comment.photoUrl } : {}),
    post_id: post.id,
    comment_id: comment.id,
    created_time: unixSeconds(verb === 'add' ? comment.createdAt : at),
    item: 'comment',
    parent_id: comment.parentId,
    verb,
  };
}

/** The Page publishing a post (feed-status-add-page-post.json; `photo` for photo posts). */
export function postChangeValue(post: Post, page: Page) {
  return {
    item: post.photoUrl ? 'photo' : 'status',
    verb: 'add',
    from: { name: page.name, id: page.id },
    post_id: post.id,
    ...(post.photoUrl ? { link: post.photoUrl } : {}),
    published: 1,
    created_time: unixSeconds(post.createdAt),
    message: post.message,
  };
}

function attachmentsOf(message: Message) {
  return message.attachments?.map((a) => ({ type: a.type, payload: a.payload ?? { url: a.url } }));
}

/** A customer's message to the Page (`messages` field). */
export function inboundMessageEvent(pageId: string, psid: string, message: Message) {
  return {
    sender: { id: psid },
    recipient: { id: pageId },
    timestamp: message.createdAt,
    message: {
      mid: message.mid,
      ...(message.text !== undefined ? { text: message.text } : {}),
      ...(message.attachments ? { attachments: attachmentsOf(message) } : {}),
      ...(message.quickReplyPayload !== undefined
        ? { quick_reply: { payload: message.quickReplyPayload } }
        : {}),
      ...(message.replyToMid ? { reply_to: { mid: message.replyToMid } } : {}),
    },
  };
}

/** The Page's own message coming back (`message_echoes`), with `app_id` as a JSON number (§2.2). */
export function echoEvent(pageId: string, psid: string, message: Message, appId: string) {
  return {
    sender: { id: pageId },
    recipient: { id: psid },
    timestamp: message.createdAt,
    message: {
      is_echo: true,
      app_id: new JsonNumber(appId),
      ...(message.metadata !== undefined ? { metadata: message.metadata } : {}),
      mid: message.mid,
      ...(message.text !== undefined ? { text: message.text } : {}),
      ...(message.attachments ? { attachments: attachmentsOf(message) } : {}),
    },
  };
}
