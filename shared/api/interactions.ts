import { z } from 'zod';

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
}

export interface Transcript {
  interaction: InteractionView;
  /** Facebook: the post the thread hangs on. */
  post: { id: string; message: string; photoUrl: string | null } | null;
  messages: TranscriptMessage[];
}
