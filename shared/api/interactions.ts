import { z } from 'zod';
import type { ATTACHMENT_TYPES } from './interaction-limits.ts';

export { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, VIEWER_TTL_MS } from './interaction-limits.ts';

export const INTERACTION_STATES = [
  'queued',
  'offered',
  'assigned',
  'answered',
  'completed',
  'abandoned',
  'expired',
] as const;
export type InteractionState = (typeof INTERACTION_STATES)[number];

/** An interaction as agents and supervisors see it in lists and events. */
export interface InteractionView {
  id: string;
  campaignId: string;
  campaignName: string;
  pageId: string;
  pageName: string;
  channel: 'facebook' | 'messenger';
  threadKey: string;
  customerId: string | null;
  customerName: string | null;
  state: InteractionState;
  agentId: string | null;
  queuedAt: string;
  assignedAt: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  lastCustomerAt: string | null;
}

export const AGENT_STATUSES = ['offline', 'available', 'break'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export interface PresenceView {
  agentId: string;
  status: AgentStatus;
  breakReason: string | null;
  since: string;
}

export const setStatusSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('available') }),
  z.strictObject({ status: z.literal('break'), reason: z.string().trim().min(1).max(100).default('Break') }),
]);

export const interactionIdParamsSchema = z.strictObject({
  id: z.uuid({ message: 'Not an interaction id.' }),
});

export const completeSchema = z.strictObject({ disposition: z.string().trim().max(100).optional() });

export const replySchema = z
  .strictObject({
    text: z.string().trim().max(8_000).optional(),
    attachmentUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Facebook: the comment answered (default: the thread's top comment). */
    commentId: z
      .string()
      .regex(/^[\d_]{1,80}$/)
      .optional(),
    /** Facebook: answer the comment privately in Messenger (once per comment, within 7 days). */
    privately: z.boolean().optional(),
  })
  .refine((r) => Boolean(r.text) || Boolean(r.attachmentUrl), {
    message: 'Write something or attach a file.',
  });

/** One message of a transcript, whoever wrote it. */
export interface TranscriptMessage {
  id: string;
  /** A customer, our agent (with their name), the Page itself outside Pagedesk, or the system. */
  author: { kind: 'customer' | 'agent' | 'page'; name: string | null; agentId: string | null };
  text: string;
  attachments: { type: string; url?: string }[];
  at: string | null;
  /** Facebook: the comment replied to; null for the thread's top comment. */
  parentId: string | null;
  removed: boolean;
  /** Facebook: the private reply already went (a comment gets one). */
  privateReplySent?: boolean;
  /**
   * Facebook, customer comments: may the agent answer it privately in Messenger now? `reason` says
   * why not (no enabled Messenger campaign, already answered privately, older than 7 days).
   */
  privateReply?: { allowed: boolean; reason: string | null };
}

/** A reply the agent wrote that Facebook has not accepted yet (or refused): the composer's state. */
export interface OutgoingReply {
  /** The outbox row's id: what a retry names. */
  id: number;
  interactionId: string;
  kind: 'comment_reply' | 'private_reply' | 'message';
  /** pending: waiting to be sent; held: the Page's token is invalid; sent: accepted; failed: refused. */
  status: 'pending' | 'held' | 'sent' | 'failed';
  text: string;
  attachmentUrl: string | null;
  /** Facebook: the comment it answers. */
  commentId: string | null;
  agentName: string | null;
  /** Why it failed (permanent) or is held, in words an agent understands. */
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  /** The Graph id once sent: the transcript message it became. */
  graphId: string | null;
}

/** The Messenger window as the composer shows it (DOMAIN: 24 h, or 7 days with HUMAN_AGENT). */
export type MessengerWindow =
  | { state: 'open'; tag: 'RESPONSE' | 'HUMAN_AGENT'; closesAt: string }
  | { state: 'closed'; reason: string };

/** What the sidebar needs around a transcript to reply well. */
export interface InteractionContext {
  /** The Page's token health: when invalid the composer warns before the agent types. */
  page: { id: string; name: string; health: 'active' | 'invalid'; healthReason: string | null };
  /** The campaign's canned responses, in the admin's order. */
  cannedResponses: { title: string; text: string }[];
  /** Facebook: the Page's enabled Messenger campaign, which a private reply opens an interaction in. */
  messengerCampaign: { id: string; name: string } | null;
  /** Messenger only. */
  window: MessengerWindow | null;
}

export interface Transcript {
  interaction: InteractionView;
  /** Facebook: the post the thread hangs on. */
  post: { id: string; message: string; photoUrl: string | null } | null;
  messages: TranscriptMessage[];
  /** The agents' replies not yet on Facebook (pending, held, failed), oldest first. */
  outgoing: OutgoingReply[];
  context: InteractionContext;
}

/** `POST /api/attachments` answers this: `url` is public (Facebook fetches it) and unguessable. */
export interface UploadedAttachment {
  id: string;
  url: string;
  type: (typeof ATTACHMENT_TYPES)[number];
  size: number;
  name: string;
}

/** Collision control: a person viewing (or typing in) an interaction. Clients forget it after `ttlMs`. */
export interface ViewerView {
  interactionId: string;
  userId: string;
  name: string;
  role: 'agent' | 'supervisor' | 'admin';
  activity: 'viewing' | 'replying' | 'left';
}
