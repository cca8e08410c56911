import type { InteractionView, Transcript } from '../../shared/api/interactions.ts';
import type { Board, BoardAgentRow, BoardQueueRow, CampaignBoard } from '../../shared/api/supervisor.ts';
import type { request } from '../ui/runtime-client.ts';

/** A board as the API answers it, for the supervisor's tests. The server's clock reads 12:00 UTC. */
export const GENERATED_AT = '2026-11-24T12:00:00.000Z';

export const agentRow = (extra: Partial<BoardAgentRow> = {}): BoardAgentRow => ({
  agentId: 'a-iris',
  name: 'Iris',
  status: 'available',
  breakReason: null,
  statusSince: '2026-11-24T11:59:00.000Z',
  loginAt: '2026-11-24T08:00:00.000Z',
  channels: [],
  activeByChannel: { facebook: 0, messenger: 0 },
  completedToday: 4,
  activeInteractionIds: [],
  ...extra,
});

export const queueRow = (extra: Partial<BoardQueueRow> = {}): BoardQueueRow => ({
  interactionId: 'i-q1',
  customerId: '9001',
  customerName: 'Dora',
  channel: 'facebook',
  state: 'queued',
  queuedAt: '2026-11-24T11:58:00.000Z',
  ...extra,
});

export const campaignBoard = (extra: Partial<CampaignBoard> = {}): CampaignBoard => ({
  campaign: {
    id: 'c-fb',
    name: 'Shop comments',
    channel: 'facebook',
    pageId: '111',
    pageName: 'Shop',
    pageHealth: 'active',
    timeZone: 'Europe/Lisbon',
    thresholds: { serviceLevel: 30, dropout: 600, chatTime: 1_800, acd: 5 },
    enabled: true,
    openNow: true,
  },
  dayStart: '2026-11-24T00:00:00.000Z',
  tiles: {
    serviceLevel: {
      pct: 66.7,
      formula: '12 answered within 30 s / (15 answered + 3 abandoned) = 66.7 %',
      answered: 15,
      answeredWithinSl: 12,
      abandoned: 3,
      level: 'warn',
    },
    abandoned: { value: 3, level: 'warn' },
    asa: { ms: 25_000, level: 'ok' },
    aht: { ms: 300_000, level: 'ok' },
    longestWaiting: { ms: 120_000, oldestQueuedAt: '2026-11-24T11:58:00.000Z', level: 'ok' },
    waiting: { value: 1, acd: 5, level: 'ok' },
    chatsOverTime: { value: 0, interactionIds: [], level: 'ok' },
    answered: { value: 15 },
    completed: { value: 11 },
  },
  agents: [agentRow()],
  queue: [queueRow()],
  series: {
    bucketMs: 900_000,
    points: [
      { at: '2026-11-24T11:45:00.000Z', serviceLevelPct: 70, waiting: 0 },
      { at: GENERATED_AT, serviceLevelPct: 66.7, waiting: 1 },
    ],
  },
  ...extra,
});

export const board = (campaigns: CampaignBoard[] = [campaignBoard()], generatedAt = GENERATED_AT): Board => ({
  generatedAt,
  campaigns,
});

export const interaction = (id: string, extra: Partial<InteractionView> = {}): InteractionView => ({
  id,
  campaignId: 'c-fb',
  campaignName: 'Shop comments',
  pageId: '111',
  pageName: 'Shop',
  channel: 'facebook',
  threadKey: `t-${id}`,
  customerId: '9001',
  customerName: 'Dora',
  state: 'assigned',
  agentId: 'a-iris',
  queuedAt: '2026-11-24T11:50:00.000Z',
  assignedAt: '2026-11-24T11:50:05.000Z',
  answeredAt: null,
  endedAt: null,
  lastCustomerAt: '2026-11-24T11:50:00.000Z',
  ...extra,
});

/** Shows catalog keys and their substitutions, so tests read which message was chosen. */
export const keys = (key: string, subs?: string | string[]) =>
  subs === undefined ? key : `${key}(${[subs].flat().join(',')})`;

export const transcript = (id: string, texts: string[] = ['Do you ship to Porto?']): Transcript => ({
  interaction: interaction(id),
  post: null,
  messages: texts.map((text, n) => ({
    id: `m${n}`,
    author: { kind: 'customer', name: 'Dora', agentId: null },
    text,
    attachments: [],
    at: '2026-11-24T11:50:00.000Z',
    parentId: null,
    removed: false,
  })),
  outgoing: [],
  context: {
    page: { id: '111', name: 'Shop', health: 'active', healthReason: null },
    cannedResponses: [],
    messengerCampaign: null,
    window: null,
  },
});

/** A background that answers from a script (a list of answers is used one per call), recording calls. */
export function fakeSend(answers: Record<string, unknown>) {
  const sent: { type: string; input: unknown }[] = [];
  const send = (async (type: string, input?: unknown) => {
    sent.push({ type, input });
    const answer = answers[type];
    const next = Array.isArray(answer) ? answer.shift() : answer;
    return next ?? { ok: false, error: { code: 'INTERNAL', message: `unscripted ${type}` } };
  }) as unknown as typeof request;
  return { send, sent };
}

export const ok = <T>(value: T) => ({ ok: true as const, value });
