import type {
  InteractionView,
  OutgoingReply,
  Transcript,
  TranscriptMessage,
} from '../../shared/api/interactions.ts';
import type { RuntimeResult } from '../../shared/runtime-messages.ts';
import type { request, watchRealtime } from '../ui/runtime-client.ts';

/** The agent of the sidebar's tests. */
export const ME = 'a1a1a1a1-0000-4000-8000-000000000001';
export const INTERACTION_ID = 'b2b2b2b2-0000-4000-8000-000000000002';

export const interactionView = (extra: Partial<InteractionView> = {}): InteractionView => ({
  id: INTERACTION_ID,
  campaignId: 'c1',
  campaignName: 'Shop comments',
  pageId: '111',
  pageName: 'Inbox Shop',
  channel: 'facebook',
  threadKey: '111222_333',
  customerId: 'cust-1',
  customerName: 'Dora Customer',
  state: 'assigned',
  agentId: ME,
  queuedAt: '2026-11-24T10:00:00.000Z',
  assignedAt: '2026-11-24T10:00:01.000Z',
  answeredAt: null,
  endedAt: null,
  lastCustomerAt: '2026-11-24T10:00:00.000Z',
  ...extra,
});

export const message = (extra: Partial<TranscriptMessage> = {}): TranscriptMessage => ({
  id: '111222_333',
  author: { kind: 'customer', name: 'Dora Customer', agentId: null },
  text: 'Do you ship to Porto?',
  attachments: [],
  at: '2026-11-24T10:00:00.000Z',
  parentId: null,
  removed: false,
  ...extra,
});

export const outgoing = (extra: Partial<OutgoingReply> = {}): OutgoingReply => ({
  id: 7,
  interactionId: INTERACTION_ID,
  kind: 'comment_reply',
  status: 'pending',
  text: 'Yes we do!',
  attachmentUrl: null,
  commentId: '111222_333',
  agentName: 'Iris Agent',
  error: null,
  createdAt: '2026-11-24T10:01:00.000Z',
  sentAt: null,
  graphId: null,
  ...extra,
});

/** A Facebook thread: the post, a customer's comment and the agent's answer under it. */
export const facebookTranscript = (extra: Partial<Transcript> = {}): Transcript => ({
  interaction: interactionView(),
  post: { id: '111222', message: 'New arrivals', photoUrl: null },
  messages: [
    message({ privateReply: { allowed: true, reason: null } }),
    message({
      id: '111222_444',
      author: { kind: 'agent', name: 'Ana', agentId: 'ana' },
      text: 'We do.',
      parentId: '111222_333',
    }),
  ],
  outgoing: [],
  context: {
    page: { id: '111', name: 'Inbox Shop', health: 'active', healthReason: null },
    cannedResponses: [
      { title: 'Hello', text: 'Hi! How can we help?' },
      { title: 'Shipping', text: 'We ship everywhere in 3 days.' },
    ],
    messengerCampaign: { id: 'm1', name: 'Shop chat' },
    window: null,
  },
  ...extra,
});

export const messengerTranscript = (extra: Partial<Transcript> = {}): Transcript =>
  facebookTranscript({
    interaction: interactionView({ channel: 'messenger', threadKey: 'psid-1', campaignName: 'Shop chat' }),
    post: null,
    messages: [message({ id: 'm.1', text: 'Hello?' })],
    ...extra,
    context: {
      ...facebookTranscript().context,
      messengerCampaign: null,
      window: { state: 'open', tag: 'RESPONSE', closesAt: '2026-11-25T10:00:00.000Z' },
      ...extra.context,
    },
  });

/** A fake background: records every request and answers from a script (or a function). */
export function fakeSend(
  answers: Record<string, RuntimeResult<unknown> | ((input: unknown) => RuntimeResult<unknown>)> = {},
) {
  const sent: { type: string; input: unknown }[] = [];
  const send = (async (type: string, input?: unknown) => {
    sent.push({ type, input });
    const a = answers[type];
    if (typeof a === 'function') return a(input);
    return a ?? { ok: true, value: { ok: true } };
  }) as unknown as typeof request;
  return { send, sent, of: (type: string) => sent.filter((s) => s.type === type).map((s) => s.input) };
}

/** A fake real-time relay: tests push updates into whoever watches. */
export function fakeWatch() {
  const listeners = new Set<Parameters<typeof watchRealtime>[0]>();
  const watch: typeof watchRealtime = (onUpdate, signal) => {
    listeners.add(onUpdate);
    signal.addEventListener('abort', () => listeners.delete(onUpdate), { once: true });
  };
  return {
    watch,
    push: (u: Parameters<Parameters<typeof watchRealtime>[0]>[0]) => {
      for (const l of listeners) l(u);
    },
    get watching() {
      return listeners.size;
    },
  };
}
