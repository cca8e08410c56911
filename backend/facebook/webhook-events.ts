/**
 * The normalized form of Meta Page webhooks (`feed` changes and Messenger events), discriminated by
 * `kind`. What the rest of Pagedesk sees instead of raw payloads:
 * - every id is a string (Meta sends some as JSON numbers, and 17-digit ids do not fit a double);
 * - every time is epoch milliseconds (feed sends seconds, Messenger milliseconds, Graph ISO strings);
 * - every event except `ignored` has `pageId` (the entry's Page, which is how a batch is routed) and a
 *   `dedupeKey`: Meta retries and sometimes sends the same event twice, so consumers store events
 *   idempotently under this key.
 */

/** Whoever wrote a comment, post or reaction. `name` is missing when Meta left it out. */
export interface WebhookActor {
  id: string;
  name?: string;
}

interface Keyed {
  /** The Page the entry belongs to (`entry.id`); one POST can carry several Pages. */
  pageId: string;
  /** Stable across Meta's retries and duplicate deliveries of the same event. */
  dedupeKey: string;
}

// ---------------------------------------------------------------------------------------------------
// Feed: comments

/** A comment as `add` and `edited` describe it. */
export interface CommentFields {
  /** `{page-id}_{post-id}`. */
  postId: string;
  /** `{post-id}_{comment-id}`. */
  commentId: string;
  /** The comment replied to, or the post itself for a top-level comment. */
  parentId: string;
  /** True when `parentId` is a comment rather than the post. */
  isReply: boolean;
  /** Null when Meta left the author out (it does for some users and app access levels). */
  from: WebhookActor | null;
  /**
   * The Page wrote it: the agents' own replies come back as feed events and must not open a new
   * interaction.
   */
  fromPage: boolean;
  /** The text; '' for a photo-, sticker- or GIF-only comment. */
  message: string;
  photoUrl?: string;
  /** A video or GIF (Meta delivers GIF comments as `video`). */
  videoUrl?: string;
  /** For `comment.added` the creation time; for `comment.edited` the time Meta gives for the edit. */
  createdAt: number;
}

export interface CommentAddedEvent extends Keyed, CommentFields {
  kind: 'comment.added';
}

/** `message`, `photoUrl` and `videoUrl` are the comment's new content. */
export interface CommentEditedEvent extends Keyed, CommentFields {
  kind: 'comment.edited';
}

/** A comment deleted by its author or the Page. Meta sends no text for removals. */
export interface CommentRemovedEvent extends Keyed {
  kind: 'comment.removed';
  postId: string;
  commentId: string;
  parentId?: string;
  from?: WebhookActor;
  createdAt?: number;
}

/** The Page hid (or unhid) a comment: only the Page and the author can still see a hidden one. */
export interface CommentVisibilityEvent extends Keyed {
  kind: 'comment.hidden' | 'comment.unhidden';
  postId: string;
  commentId: string;
  /**
   * When the hide/unhide happened, if Meta said so. Hides can toggle back and forth and feed events
   * have no ordering promise, so consumers compare this before applying one.
   */
  createdAt?: number;
}

// ---------------------------------------------------------------------------------------------------
// Feed: posts and reactions

/** The feed `item` a post event came from: the Page's own status, a visitor post, a photo or a video. */
export type PostItem = 'status' | 'post' | 'photo' | 'video';

export interface PostEvent extends Keyed {
  kind: 'post.added' | 'post.edited' | 'post.removed';
  item: PostItem;
  postId: string;
  from: WebhookActor | null;
  fromPage: boolean;
  /** '' when the post has no text, and always for removals. */
  message: string;
  /** The photo of a `photo` item, or the first photo of a multi-photo status. */
  photoUrl?: string;
  /** The shared link of a status/post, or the video of a `video` item. */
  link?: string;
  createdAt: number;
}

/** A reaction on a post or comment. Kept for completeness; never an interaction. */
export interface ReactionEvent extends Keyed {
  kind: 'reaction';
  postId: string;
  /** Present only when the reaction is on a comment. */
  commentId?: string;
  parentId?: string;
  /** `like`, `love`, `wow`, ...: whatever Meta sent, when it sent one. */
  reactionType?: string;
  /** Reactions use `edit`, not `edited` like comments and posts. */
  verb: 'add' | 'edit' | 'remove';
  from: WebhookActor | null;
  createdAt?: number;
}

// ---------------------------------------------------------------------------------------------------
// Messenger

export type AttachmentType =
  | 'image'
  | 'video'
  | 'audio'
  | 'file'
  | 'location'
  | 'fallback'
  | 'sticker'
  | 'template'
  | 'reel'
  | 'ig_reel'
  | 'unknown';

export interface MessageAttachment {
  type: AttachmentType;
  /** http(s) only; other schemes are dropped with a problem. */
  url?: string;
  /** Fallback (shared link) and template attachments. */
  title?: string;
  stickerId?: string;
  coordinates?: { lat: number; long: number };
  /**
   * For `unknown`: the type Meta sent (`post`, `ig_post`, `appointment_booking`, ...), or
   * `unsupported` for `message.is_unsupported`, so the UI can say what it cannot show.
   */
  rawType?: string;
}

interface MessengerEvent extends Keyed {
  /** True when the event came in `standby[]`: another app owns the thread (handover protocol). */
  standby: boolean;
}

/** A message a person sent to the Page. */
export interface MessageReceivedEvent extends MessengerEvent {
  kind: 'message.received';
  /** The sender's Page-scoped id. */
  psid: string;
  mid: string;
  text?: string;
  attachments: MessageAttachment[];
  quickReplyPayload?: string;
  /** The message this one replies to (Messenger "reply"). */
  replyToMid?: string;
  timestamp: number;
}

/** A button, persistent-menu or get-started tap. */
export interface PostbackReceivedEvent extends MessengerEvent {
  kind: 'postback.received';
  psid: string;
  /** Present since Graph v11.0. */
  mid?: string;
  title?: string;
  payload?: string;
  timestamp: number;
}

/**
 * A message the Page sent, from any app, the Page inbox or the Messenger app. Ours carry our `appId`
 * and the `metadata` we set on send; others are humans answering outside Pagedesk.
 */
export interface MessageEchoEvent extends MessengerEvent {
  kind: 'message.echo';
  /** The person the Page wrote to (the echo's `recipient`). */
  psid: string;
  mid: string;
  appId?: string;
  metadata?: string;
  text?: string;
  attachments: MessageAttachment[];
  timestamp: number;
}

/** The person has read everything the Page sent up to `watermark` (epoch ms). */
export interface MessageReadEvent extends MessengerEvent {
  kind: 'message.read';
  psid: string;
  watermark: number;
}

/** Everything the Page sent up to `watermark` reached the person; `mids` may be empty. */
export interface MessageDeliveredEvent extends MessengerEvent {
  kind: 'message.delivered';
  psid: string;
  mids: string[];
  watermark: number;
}

// ---------------------------------------------------------------------------------------------------

/**
 * Something well-formed that Pagedesk knowingly does not handle (opt-ins, message reactions, shares,
 * likes, unsubscribed change fields, ...). It has no `dedupeKey`: it is counted and logged, never
 * stored.
 */
export interface IgnoredEvent {
  kind: 'ignored';
  pageId: string;
  /** The webhook field it belongs to (`feed`, `messaging_optins`, `mention`, ...). */
  field: string;
  reason: string;
  standby?: boolean;
}

export type WebhookEvent =
  | CommentAddedEvent
  | CommentEditedEvent
  | CommentRemovedEvent
  | CommentVisibilityEvent
  | PostEvent
  | ReactionEvent
  | MessageReceivedEvent
  | PostbackReceivedEvent
  | MessageEchoEvent
  | MessageReadEvent
  | MessageDeliveredEvent
  | IgnoredEvent;

export type WebhookEventKind = WebhookEvent['kind'];

/** Every event that should be stored (all but `ignored`). */
export type ActionableWebhookEvent = Exclude<WebhookEvent, IgnoredEvent>;

export interface NormalizedWebhook {
  events: WebhookEvent[];
  /** One line per malformed part that was skipped or trimmed, with its path (`entry[0].messaging[2]`). */
  problems: string[];
}
