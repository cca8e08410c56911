/** The sandbox's world, as plain records (held in memory by state.ts). Times are epoch milliseconds. */

/** Everything a Page inbox can be granted (FACEBOOK-PLATFORM.md §4.4); sandbox-made tokens get all. */
export const ALL_SCOPES = [
  'public_profile',
  'pages_show_list',
  'pages_manage_metadata',
  'pages_read_engagement',
  'pages_read_user_content',
  'pages_manage_engagement',
  'pages_messaging',
  'business_management',
] as const;

/** `tasks` of an admin in /me/accounts (graph-me-accounts.json). */
export const ADMIN_TASKS = ['ANALYZE', 'ADVERTISE', 'MESSAGING', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'];

/** A Facebook account that can log in to the app and administer Pages. */
export interface User {
  id: string;
  name: string;
}

export interface Page {
  id: string;
  name: string;
  category: string;
  adminIds: string[];
  /** Whether the app may use the HUMAN_AGENT tag for this Page (App Review feature; default on). */
  humanAgent: boolean;
  createdAt: number;
}

/** What a user granted the app in the last login dialog: Meta keeps one grant per user and app. */
export interface Grant {
  userId: string;
  scopes: string[];
  pageIds: string[];
  grantedAt: number;
}

export interface Token {
  value: string;
  kind: 'user' | 'page';
  userId: string;
  pageId?: string;
  /** `login`: scopes and Pages follow the user's current grant; `sandbox`: made by the control API, all scopes. */
  source: 'login' | 'sandbox';
  longLived: boolean;
  issuedAt: number;
  /** 0 = never expires (Page tokens taken from a long-lived user token, §4.1). */
  expiresAt: number;
  invalidated?: { subcode: number; at: number };
}

export interface AuthCode {
  code: string;
  userId: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
}

export interface Post {
  /** `{page-id}_{post-number}` */
  id: string;
  pageId: string;
  message: string;
  photoUrl?: string;
  createdAt: number;
}

/** Who wrote a comment: the Page itself (its replies) or a person. */
export type Author =
  | { kind: 'page'; id: string; name: string }
  | { kind: 'person'; id: string; name: string };

export interface Comment {
  /** `{post-number}_{comment-number}` (the current format, §0). */
  id: string;
  postId: string;
  pageId: string;
  /** The post id for a top-level comment, else the top-level comment's id (Facebook nests one level). */
  parentId: string;
  from: Author;
  message: string;
  photoUrl?: string;
  createdAt: number;
  editedAt?: number;
  hidden: boolean;
  deleted: boolean;
  privateReplyAt?: number;
}

/**
 * A customer. `userId` is the id shown as `from.id` on their comments; Messenger knows them by a
 * different page-scoped id (PSID) per Page, as on Facebook.
 */
export interface Person {
  userId: string;
  name: string;
  psids: Map<string, string>;
  blockedPageIds: Set<string>;
}

export interface MessageAttachment {
  type: string;
  /** Media URL; absent for templates, which keep their payload instead. */
  url?: string;
  payload?: Record<string, unknown>;
}

export interface Message {
  mid: string;
  direction: 'in' | 'out';
  createdAt: number;
  text?: string;
  attachments?: MessageAttachment[];
  quickReplyPayload?: string;
  replyToMid?: string;
  metadata?: string;
  messagingType?: string;
  tag?: string;
  /** The comment this message privately answers (private replies). */
  commentId?: string;
}

export interface Conversation {
  /** `t_…` like Graph conversation ids. */
  id: string;
  pageId: string;
  psid: string;
  messages: Message[];
  /** The customer's last message: the 24 h and 7 day windows start here. */
  lastInboundAt?: number;
}

/** A file sent to `/{page-id}/message_attachments`, reusable by `attachment_id`. */
export interface UploadedAttachment {
  id: string;
  pageId: string;
  type: string;
  url: string;
  bytes?: Uint8Array;
  contentType?: string;
}

export interface AppSubscription {
  fields: string[];
  subscribedAt: number;
}
