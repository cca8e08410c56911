/**
 * The body of `POST /{page-id}/messages` (Send API), in Facebook's snake_case so it goes out as is.
 * FACEBOOK-PLATFORM.md §3.2-3.3.
 */

/**
 * A PSID (`id`), or a comment to answer privately (`comment_id`): a commenter who never wrote to the
 * Page can only be reached that way, once, within 7 days of the comment.
 */
export type SendApiRecipient = { id: string } | { comment_id: string };

export type AttachmentType = 'image' | 'audio' | 'video' | 'file';

export interface SendApiAttachment {
  type: AttachmentType;
  /** Either a public `url` (with `is_reusable` to get an attachment id back) or an uploaded `attachment_id`. */
  payload: { url?: string; is_reusable?: boolean; attachment_id?: string };
}

export interface SendApiMessage {
  text?: string;
  attachment?: SendApiAttachment;
  /** Comes back on the echo webhook, which is how our own sends are told apart from the Page inbox's. */
  metadata?: string;
}

/**
 * `RESPONSE` and `UPDATE` only work inside the standard 24 h window; after it, a human reply within
 * 7 days needs `MESSAGE_TAG` with `HUMAN_AGENT` (and the Human Agent feature approved).
 */
export type SendApiBody = {
  recipient: SendApiRecipient;
  message: SendApiMessage;
} & (
  | { messaging_type: 'RESPONSE' | 'UPDATE'; tag?: never }
  | { messaging_type: 'MESSAGE_TAG'; tag: 'HUMAN_AGENT' }
);
