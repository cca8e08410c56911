import { DAY_MS, HOUR_MS } from './clock.ts';
import type { SandboxContext } from './context.ts';
import {
  alreadyRepliedPrivately,
  capabilityMissing,
  invalidCommentId,
  invalidParameter,
  missingParameter,
  noMatchingUser,
  outsideWindow,
  personUnavailable,
} from './graph-error.ts';
import type { GraphParams } from './graph-params.ts';
import type { Comment, Conversation, MessageAttachment, Page } from './model.ts';

/** Send API limits and windows (FACEBOOK-PLATFORM.md §3.2, §3.3). */
export const STANDARD_WINDOW_MS = 24 * HOUR_MS;
export const HUMAN_AGENT_WINDOW_MS = 7 * DAY_MS;
export const PRIVATE_REPLY_MS = 7 * DAY_MS;
export const MAX_TEXT = 2000;
export const MAX_METADATA = 1000;

const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'];
const TAGS = ['HUMAN_AGENT', 'ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE'];
const MEDIA_TYPES = ['image', 'audio', 'video', 'file'];
const SENDER_ACTIONS = ['typing_on', 'typing_off', 'mark_seen'];

export interface SendRequest {
  recipient: Record<string, unknown>;
  messagingType: string;
  tag?: string;
  senderAction?: string;
  text?: string;
  attachment?: MessageAttachment;
  metadata?: string;
}

/** Validates the body of `POST /{page-id}/messages` (shape only; windows come later). */
export function parseSendRequest(ctx: SandboxContext, page: Page, params: GraphParams): SendRequest {
  const recipient = params.object('recipient');
  if (!recipient) throw missingParameter('recipient');
  const messagingType = params.string('messaging_type') ?? 'RESPONSE';
  if (!MESSAGING_TYPES.includes(messagingType)) {
    throw invalidParameter(
      `Param messaging_type must be one of {${MESSAGING_TYPES.join(', ')}} - got "${messagingType}"`,
    );
  }
  const tag = params.string('tag');
  if (messagingType === 'MESSAGE_TAG' && !tag) throw missingParameter('tag');
  if (tag !== undefined && !TAGS.includes(tag)) {
    throw invalidParameter(`Param tag must be one of {${TAGS.join(', ')}} - got "${tag}"`);
  }
  const senderAction = params.string('sender_action');
  if (senderAction !== undefined) {
    if (!SENDER_ACTIONS.includes(senderAction))
      throw invalidParameter(`Invalid sender_action "${senderAction}"`);
    return { recipient, messagingType, senderAction };
  }
  const message = params.object('message');
  if (!message) throw missingParameter('message');
  const text = message.text;
  if (text !== undefined && typeof text !== 'string')
    throw invalidParameter('Param message[text] must be a string');
  if (typeof text === 'string' && text.length > MAX_TEXT) {
    throw invalidParameter(`Length of param message[text] must be less than or equal to ${MAX_TEXT}`);
  }
  const metadata = message.metadata;
  if (metadata !== undefined && (typeof metadata !== 'string' || metadata.length > MAX_METADATA)) {
    throw invalidParameter(`Length of param message[metadata] must be less than or equal to ${MAX_METADATA}`);
  }
  const attachment =
    message.attachment === undefined ? undefined : parseAttachment(ctx, page, message.attachment);
  if ((typeof text !== 'string' || text.length === 0) && !attachment) {
    throw invalidParameter('Message cannot be empty, must provide valid attachment or text');
  }
  if (typeof text === 'string' && text.length > 0 && attachment) {
    throw invalidParameter('Only one of message[text] or message[attachment] can be set');
  }
  return {
    recipient,
    messagingType,
    ...(tag ? { tag } : {}),
    ...(typeof text === 'string' && text.length > 0 ? { text } : {}),
    ...(attachment ? { attachment } : {}),
    ...(typeof metadata === 'string' ? { metadata } : {}),
  };
}

/** `{type, payload:{url}|{attachment_id}}`, or a template with its payload kept as given. */
export function parseAttachment(ctx: SandboxContext, page: Page, raw: unknown): MessageAttachment {
  const att = raw as { type?: unknown; payload?: Record<string, unknown> } | null;
  if (!att || typeof att !== 'object' || typeof att.type !== 'string') {
    throw invalidParameter(
      'param message[attachment][type] must be one of {image, audio, video, file, template}',
    );
  }
  const payload = att.payload ?? {};
  if (att.type === 'template') return { type: 'template', payload };
  if (!MEDIA_TYPES.includes(att.type)) {
    throw invalidParameter(
      'param message[attachment][type] must be one of {image, audio, video, file, template}',
    );
  }
  if (payload.attachment_id !== undefined) {
    const stored = ctx.state.attachments.get(String(payload.attachment_id));
    if (!stored || stored.pageId !== page.id) throw invalidParameter('Attachment id is invalid');
    return { type: att.type, url: stored.url };
  }
  if (typeof payload.url !== 'string' || !/^https?:\/\//.test(payload.url)) {
    throw invalidParameter('param message[attachment][payload][url] must be a valid URL');
  }
  return { type: att.type, url: payload.url };
}

export interface SendTarget {
  psid: string;
  conversation: Conversation;
  /** Set for a private reply: the comment it answers. */
  comment?: Comment;
}

/**
 * Who the message goes to, enforcing Meta's rules: a PSID of this Page within 24 h of the
 * customer's last message (7 days with HUMAN_AGENT, when the Page has the feature); a comment of
 * this Page's, answered privately once and within 7 days; nobody who blocked the Page.
 */
export function resolveTarget(ctx: SandboxContext, page: Page, req: SendRequest): SendTarget {
  const now = ctx.clock.now();
  const commentId = req.recipient.comment_id;
  if (commentId !== undefined) {
    const comment = ctx.state.comments.get(String(commentId));
    if (!comment || comment.deleted || comment.pageId !== page.id || comment.from.kind !== 'person') {
      throw invalidCommentId();
    }
    if (comment.privateReplyAt !== undefined) throw alreadyRepliedPrivately();
    if (now - comment.createdAt > PRIVATE_REPLY_MS) throw outsideWindow();
    const person = ctx.state.people.get(comment.from.id)!;
    if (person.blockedPageIds.has(page.id)) throw personUnavailable();
    const psid = ctx.state.psidFor(person, page.id);
    return { psid, conversation: ctx.state.conversation(page.id, psid), comment };
  }
  if (req.recipient.post_id !== undefined) throw invalidParameter('Invalid post_id parameter');
  const id = req.recipient.id;
  if (id === undefined) throw invalidParameter('param recipient must have one of id, comment_id, post_id');
  const owner = ctx.state.psids.get(String(id));
  if (!owner || owner.pageId !== page.id) throw noMatchingUser();
  if (ctx.state.people.get(owner.userId)?.blockedPageIds.has(page.id)) throw personUnavailable();
  const psid = String(id);
  const conversation = ctx.state.conversation(page.id, psid);
  if (req.senderAction) return { psid, conversation };
  const since =
    conversation.lastInboundAt === undefined ? Number.POSITIVE_INFINITY : now - conversation.lastInboundAt;
  if (req.messagingType === 'MESSAGE_TAG') {
    if (req.tag === 'HUMAN_AGENT') {
      if (!page.humanAgent) throw capabilityMissing();
      if (since > HUMAN_AGENT_WINDOW_MS) throw outsideWindow();
    } else if (since === Number.POSITIVE_INFINITY) {
      // Other tags work after the window but never towards someone who never wrote to the Page.
      throw outsideWindow();
    }
  } else if (since > STANDARD_WINDOW_MS) {
    throw outsideWindow();
  }
  return { psid, conversation };
}
