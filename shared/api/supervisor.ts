/**
 * The supervisor board, its actions, the drill-down and the audit log (issue 6).
 *
 * ROUTES (all JSON unless said; errors are the usual `{ error: { code, message, requestId } }`)
 *
 * Scope: a supervisor sees only the campaigns they are assigned to (`Campaign.supervisorIds`),
 * admins see every campaign, agents none of these routes. A supervisor asking about a campaign,
 * agent or interaction outside their campaigns gets 404 NOT_FOUND (never 403: the answer does not
 * tell that it exists).
 *
 * GET  /api/supervisor/board?campaignId=<uuid>                    supervisor | admin
 *      query: boardQuerySchema (campaignId optional: one campaign, else all visible ones)
 *      200:   Board
 * GET  /api/supervisor/campaigns/:id/drill?metric=<name>[&agentId=<uuid>]   supervisor | admin
 *      params: campaignIdParamsSchema (shared/api/campaigns.ts); query: drillQuerySchema
 *      200:   DrillDown — the interactions behind one number of the board, in the order the
 *             number is computed from (see backend/domain/stats/drill-down.ts).
 * POST /api/supervisor/spy/:interactionId                         supervisor | admin
 *      params: spyParamsSchema; no body
 *      200:   Transcript (shared/api/interactions.ts), the same as GET /api/interactions/:id.
 *             Logs `spy` in the audit log once per call: call it when the Spy view opens, then
 *             follow the live events (interaction.message, interaction.changed, reply.status …
 *             reach supervisors of the campaign) and refetch GET /api/interactions/:id on them.
 *             Neither route ever marks anything read or changes state.
 * GET  /api/supervisor/agents/:id                                 supervisor | admin
 *      params: agentIdParamsSchema
 *      200:   AgentInfo (logs `info`). The agent must be a member of one of the viewer's campaigns.
 * POST /api/supervisor/agents/:id/pause                           supervisor | admin
 *      params: agentIdParamsSchema; no body
 *      200:   PresenceView — the agent on break with the reason PAUSED_BY_SUPERVISOR (logs `pause`).
 *             Their current work stays with them; they take no new work; open offers are withdrawn.
 *             The agent's sidebar gets `agent.status`. 409 CONFLICT when the agent is offline.
 * POST /api/supervisor/agents/:id/logout                          supervisor | admin
 *      params: agentIdParamsSchema; no body
 *      200:   LogoutResult (logs `logout`). Ends every session of the agent (their sockets close
 *             with WS_CLOSE.sessionEnded via `user.sessions-ended`), sets them offline, withdraws
 *             their offers and returns their ASSIGNED-but-unanswered work to the queue at its place
 *             (the queue is ordered by first arrival). ANSWERED work stays assigned to the agent:
 *             the customer is mid-conversation with them (DOMAIN: "answered" is the first agent
 *             reply), and the chat-time alarm flags it if nobody continues; `kept` lists it so the
 *             supervisor can see what is left.
 * GET  /api/audit?cursor&limit&action&actorId&targetUserId        admin
 *      query: auditQuerySchema
 *      200:   AuditPage — newest first, keyset-paginated (`nextCursor` is opaque; null at the end).
 *
 * Campaign API (shared/api/campaigns.ts): `supervisorIds: string[]` on create, update (replaces the
 * list) and view; every id must be an active user with role `supervisor` (400 otherwise).
 *
 * Recordings: see shared/api/recordings.ts.
 *
 * REAL TIME (shared/realtime.ts, shared/events.ts)
 * - The `ready` snapshot of a supervisor or admin carries `supervisor: { board: Board }`.
 * - Supervisors receive, for their campaigns only: interaction.changed / offered / withdrawn /
 *   message, reply.status, interaction.viewer, and agent.status for members of their campaigns;
 *   plus `campaign.changed` of their campaigns (a supervisor just given one hears it once given) —
 *   admins receive everything.
 * - What the client recomputes vs refetches: the board carries absolute instants (`statusSince`,
 *   `queuedAt`, `oldestQueuedAt`, `generatedAt`), so the client ticks "time in status", "time on
 *   hold" and "longest waiting" locally every second from its own clock (corrected by
 *   `generatedAt` vs its clock at receipt). On `agent.status` it may patch the row's status and
 *   `statusSince` at once. For everything else (interaction.changed / offered / withdrawn,
 *   agent.status, campaign.changed) it refetches GET /api/supervisor/board, debounced (≈ 500 ms,
 *   at most one request in flight), because the tiles and series follow the domain's rules
 *   (dropout, first queued time…) which only the server applies. It also refetches every 60 s so
 *   the tiles that move with time alone (dropout passing, chats going over chat time) stay true.
 */
import { z } from 'zod';
import type { Channel, Thresholds } from './campaigns.ts';
import type { InteractionView, PresenceView } from './interactions.ts';

/** The reason a supervisor's Pause writes on the agent's break. */
export const PAUSED_BY_SUPERVISOR = 'paused by supervisor';

/** Tile colours (backend/domain/stats/levels.ts): ok, warn, alarm. */
export type Level = 'ok' | 'warn' | 'alarm';

/** Board status: `busy` = available and holding at least one assigned or answered interaction. */
export type BoardAgentStatus = 'offline' | 'available' | 'busy' | 'break';

export const boardQuerySchema = z.strictObject({
  campaignId: z.uuid({ message: 'Not a campaign id.' }).optional(),
});
export type BoardQuery = z.infer<typeof boardQuerySchema>;

/** A campaign's tiles, live. Durations are ms; "today" is in the campaign's time zone. */
export interface BoardTiles {
  /** DOMAIN: answered within serviceLevel s / (answered + abandoned), in percent, one decimal. */
  serviceLevel: {
    pct: number | null;
    /** E.g. "12 answered within 30 s / (15 answered + 3 abandoned) = 66.7 %". Shown beside the number. */
    formula: string;
    answered: number;
    answeredWithinSl: number;
    abandoned: number;
    level: Level;
  };
  /** Abandoned today: ok at 0, warn otherwise, alarm when they are a fifth or more of answered + abandoned. */
  abandoned: { value: number; level: Level };
  /** Average speed of answer today; ok ≤ serviceLevel threshold, warn ≤ 2×, alarm beyond; null when none. */
  asa: { ms: number | null; level: Level };
  /** Average handle time today (assigned → completed); informational, always ok. */
  aht: { ms: number | null; level: Level };
  /** Oldest waiting customer; tick it from `oldestQueuedAt`. Level against dropout (half: warn). */
  longestWaiting: { ms: number; oldestQueuedAt: string | null; level: Level };
  /** Customers waiting now vs the ACD threshold: alarm when waiting > acd. */
  waiting: { value: number; acd: number; level: Level };
  /** Active chats held longer than chatTime: alarm when any. */
  chatsOverTime: { value: number; interactionIds: string[]; level: Level };
  answered: { value: number };
  completed: { value: number };
}

export interface BoardAgentRow {
  agentId: string;
  name: string;
  status: BoardAgentStatus;
  breakReason: string | null;
  /**
   * Last status change (of the stored status: available / break / offline); tick from here. Null
   * for an agent who never logged in.
   */
  statusSince: string | null;
  loginAt: string | null;
  /** Channels in which the agent holds open (assigned or answered) interactions, in the campaigns you watch. */
  channels: Channel[];
  /**
   * Held now, by channel, in every campaign you watch (so an agent of both a Page's campaigns shows
   * both icons on both boards). `busy` counts what they hold anywhere: capacity is the agent's.
   */
  activeByChannel: Record<Channel, number>;
  /** Interactions of THIS campaign the agent completed today. */
  completedToday: number;
  /** Open interactions of THIS campaign the agent holds: what Spy can open. */
  activeInteractionIds: string[];
}

export interface BoardQueueRow {
  interactionId: string;
  customerId: string | null;
  customerName: string | null;
  channel: Channel;
  state: 'queued' | 'offered';
  /** When the customer first started waiting: tick "time on hold" from here. */
  queuedAt: string;
}

/** One chart sample: at each 15-minute bucket end from local midnight, and at `generatedAt`. */
export interface BoardSeriesPoint {
  at: string;
  /** The day's service level so far at `at`; null before anything counted. */
  serviceLevelPct: number | null;
  /** Customers waiting at `at`. */
  waiting: number;
}

export interface CampaignBoard {
  campaign: {
    id: string;
    name: string;
    channel: Channel;
    pageId: string;
    pageName: string;
    pageHealth: 'active' | 'invalid';
    timeZone: string;
    thresholds: Thresholds;
    enabled: boolean;
    /** Whether the schedule has it open now (closed hours: the queue waits). */
    openNow: boolean;
  };
  /** The campaign's local midnight today: the start of "today" for every day figure. */
  dayStart: string;
  tiles: BoardTiles;
  /** Members of the campaign, by name. */
  agents: BoardAgentRow[];
  /** Waiting customers, oldest first (the FIFO order). */
  queue: BoardQueueRow[];
  series: { bucketMs: number; points: BoardSeriesPoint[] };
}

export interface Board {
  /** The server's clock when the board was computed (to correct the client's ticking). */
  generatedAt: string;
  /** Campaigns the viewer supervises (admins: all), by name. */
  campaigns: CampaignBoard[];
}

// ── Drill-down ───────────────────────────────────────────────────────────────────────────────

export const CAMPAIGN_DRILL_METRICS = [
  'answered',
  'answeredWithinSl',
  'abandoned',
  'serviceLevel',
  'asa',
  'aht',
  'completed',
  'waiting',
  'longestWaiting',
  'acdAlarm',
  'chatsOverTime',
] as const;
/** Per-agent numbers: these need `agentId`. */
export const AGENT_DRILL_METRICS = ['active', 'activeFacebook', 'activeMessenger', 'completedToday'] as const;
export const DRILL_METRICS = [...CAMPAIGN_DRILL_METRICS, ...AGENT_DRILL_METRICS] as const;
export type DrillMetric = (typeof DRILL_METRICS)[number];

export const drillQuerySchema = z
  .strictObject({
    metric: z.enum(DRILL_METRICS),
    agentId: z.uuid({ message: 'Not an agent id.' }).optional(),
  })
  .refine((q) => !(AGENT_DRILL_METRICS as readonly string[]).includes(q.metric) || q.agentId, {
    message: 'This metric is per agent: give agentId.',
    path: ['agentId'],
  });
export type DrillQuery = z.infer<typeof drillQuerySchema>;

/** At most this many interactions are listed; `total` says how many there are. */
export const DRILL_LIMIT = 500;

export interface DrillDown {
  campaignId: string;
  metric: DrillMetric;
  agentId: string | null;
  /** When it was computed: the number it explains is the board's number at this instant. */
  at: string;
  total: number;
  /** The first DRILL_LIMIT, in the order the number is computed from. */
  interactions: InteractionView[];
}

// ── Actions ──────────────────────────────────────────────────────────────────────────────────

export const agentIdParamsSchema = z.strictObject({ id: z.uuid({ message: 'Not an agent id.' }) });
export const spyParamsSchema = z.strictObject({
  interactionId: z.uuid({ message: 'Not an interaction id.' }),
});

export interface AgentInfo {
  agent: { id: string; name: string; email: string; active: boolean };
  /** Stored status plus the board's `busy`. */
  status: BoardAgentStatus;
  presence: PresenceView;
  /** When the current login began (first available after offline); null when offline. */
  loginAt: string | null;
  lastSeenAt: string | null;
  /** The agent's campaigns that the viewer may see, by name. */
  campaigns: { id: string; name: string; channel: Channel }[];
  /** Open (assigned or answered) interactions in those campaigns, oldest first. */
  interactions: InteractionView[];
  /** Today's figures per visible campaign, "today" in each campaign's time zone. */
  today: {
    campaignId: string;
    /** Completed by this agent today. */
    completed: number;
    /** First replies by this agent today. */
    answered: number;
    /** Mean assigned → completed of those completed; null when none. */
    ahtMs: number | null;
  }[];
}

export interface LogoutResult {
  presence: PresenceView;
  /** Interactions returned to the queue (assigned, not answered). */
  requeued: string[];
  /** Answered interactions that stay with the agent (see the route notes above). */
  kept: string[];
}

// ── Audit log ────────────────────────────────────────────────────────────────────────────────

export const AUDIT_ACTIONS = ['spy', 'info', 'pause', 'logout'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: z.uuid().optional(),
  targetUserId: z.uuid().optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEntry {
  id: string;
  at: string;
  action: AuditAction;
  actor: { id: string; name: string; role: 'admin' | 'supervisor' | 'agent' } | null;
  target: { id: string; name: string } | null;
  interactionId: string | null;
  /** E.g. { requeued: [...], kept: [...] } for logout, { campaignId } for spy. */
  detail: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextCursor: string | null;
}
