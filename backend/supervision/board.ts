import type {
  Board,
  BoardAgentRow,
  BoardAgentStatus,
  BoardQueueRow,
  CampaignBoard,
} from '../../shared/api/supervisor.ts';
import { isOpen } from '../domain/schedule/is-open.ts';
import { startOfLocalDay } from '../domain/schedule/local-day.ts';
import type { ScheduleRow } from '../domain/schedule/types.ts';
import { agentMetrics } from '../domain/stats/agent-metrics.ts';
import { campaignMetrics } from '../domain/stats/campaign-metrics.ts';
import {
  abandonedLevel,
  asaLevel,
  chatsOverTimeLevel,
  longestWaitingLevel,
  serviceLevelLevel,
  waitingLevel,
} from '../domain/stats/levels.ts';
import { DEFAULT_BUCKET_MS } from '../domain/stats/series.ts';
import type { InteractionSummary } from '../domain/stats/types.ts';
import { waitingAt } from '../domain/stats/waiting.ts';
import type { Database } from '../store/database.ts';
import type { UserRow } from '../store/schema.ts';
import type { DayInteraction } from './day-data.ts';
import { type DaySource, type DaySourceCache, readDaySource } from './day-source.ts';
import { type CampaignScope, campaignScope, inScope } from './scope.ts';
import { type SeriesMemo, seriesMemoFor } from './series-memo.ts';
import type { TeamMember } from './team.ts';
import type { WatchedCampaign } from './watched-campaigns.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** The day of the campaigns a user watches, grouped for the board; numbers are computed at `now`. */
export interface WatchedDay {
  now: number;
  campaigns: WatchedCampaign[];
  interactions: Map<string, DayInteraction[]>;
  team: TeamMember[];
  /** The team by campaign id. */
  teams: Map<string, TeamMember[]>;
  /** Summaries of the whole scope by the agent who holds (or last held) them. */
  byAgent: Map<string, InteractionSummary[]>;
  seriesMemo: SeriesMemo;
}

/**
 * Reads the viewer's campaigns' day — from the shared cache when given (every campaign, then kept
 * to the viewer's scope), else straight from the database for the scope only.
 */
export async function loadWatchedDay(
  db: Database,
  viewer: Pick<UserRow, 'id' | 'role'>,
  now: Date,
  cache?: DaySourceCache,
): Promise<WatchedDay> {
  const scope = await campaignScope(db, viewer);
  const source = cache ? await cache.get(db, now) : await readDaySource(db, scope, now);
  return watchedDay(source, scope, now, seriesMemoFor(db));
}

function watchedDay(source: DaySource, scope: CampaignScope, now: Date, seriesMemo: SeriesMemo): WatchedDay {
  // "Today" is taken at this board's now, whenever the rows were read (they cover it: see day-data.ts).
  const campaigns = source.campaigns
    .filter((c) => inScope(scope, c.id))
    .map((c) => ({ ...c, dayStart: startOfLocalDay(now.getTime(), c.timeZone) }));
  const ids = new Set(campaigns.map((c) => c.id));
  const interactions = new Map([...source.interactions].filter(([id]) => ids.has(id)));
  const byAgent = new Map<string, InteractionSummary[]>();
  for (const list of interactions.values())
    for (const i of list) {
      const agentId = i.summary.agentId;
      if (!agentId) continue;
      const own = byAgent.get(agentId);
      if (own) own.push(i.summary);
      else byAgent.set(agentId, [i.summary]);
    }
  const team = source.team.filter((t) => ids.has(t.campaignId));
  const teams = new Map<string, TeamMember[]>();
  for (const t of team) {
    const list = teams.get(t.campaignId);
    if (list) list.push(t);
    else teams.set(t.campaignId, [t]);
  }
  return { now: now.getTime(), campaigns, interactions, team, teams, byAgent, seriesMemo };
}

/** GET /api/supervisor/board and the supervisor's snapshot. `only` limits it to one campaign. */
export async function loadBoard(
  db: Database,
  viewer: Pick<UserRow, 'id' | 'role'>,
  now: Date,
  opts: { only?: string | undefined; cache?: DaySourceCache } = {},
): Promise<Board> {
  const { only, cache } = opts;
  const day = await loadWatchedDay(db, viewer, now, cache);
  return {
    generatedAt: iso(day.now),
    campaigns: day.campaigns.filter((c) => !only || c.id === only).map((c) => campaignBoard(day, c)),
  };
}

export function campaignBoard(day: WatchedDay, campaign: WatchedCampaign): CampaignBoard {
  const { now } = day;
  const { dayStart, thresholds } = campaign;
  const list = day.interactions.get(campaign.id) ?? [];
  const summaries = list.map((i) => i.summary);
  const m = campaignMetrics({ interactions: summaries, thresholds, now, dayStart });
  const rows = new Map(list.map((i) => [i.id, i]));
  const queue: BoardQueueRow[] = waitingAt(summaries, now, thresholds.dropout).map((s) => {
    const row = rows.get(s.id)!;
    return {
      interactionId: s.id,
      customerId: row.customerId,
      customerName: row.customerName,
      channel: row.channel,
      state: row.state === 'offered' ? 'offered' : 'queued',
      queuedAt: iso(s.queuedAt),
    };
  });
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      channel: campaign.channel,
      pageId: campaign.pageId,
      pageName: campaign.pageName,
      pageHealth: campaign.pageHealth,
      timeZone: campaign.timeZone,
      thresholds,
      enabled: campaign.enabled,
      openNow: isOpen(campaign.schedule as ScheduleRow[], campaign.timeZone, now),
    },
    dayStart: iso(dayStart),
    tiles: {
      serviceLevel: {
        pct: m.serviceLevelPct,
        formula: m.serviceLevelFormula,
        answered: m.answered,
        answeredWithinSl: m.answeredWithinSl,
        abandoned: m.abandoned,
        level: serviceLevelLevel(m.serviceLevelPct),
      },
      abandoned: { value: m.abandoned, level: abandonedLevel(m.abandoned, m.answered) },
      asa: { ms: m.asaMs, level: asaLevel(m.asaMs, thresholds.serviceLevel) },
      aht: { ms: m.ahtMs, level: 'ok' },
      longestWaiting: {
        ms: m.longestWaitingMs,
        oldestQueuedAt: queue[0]?.queuedAt ?? null,
        level: longestWaitingLevel(m.longestWaitingMs, thresholds.dropout),
      },
      waiting: { value: m.waiting, acd: thresholds.acd, level: waitingLevel(m.waiting, thresholds.acd) },
      chatsOverTime: {
        value: m.chatsOverTime,
        interactionIds: m.chatsOverTimeIds,
        level: chatsOverTimeLevel(m.chatsOverTime),
      },
      answered: { value: m.answered },
      completed: { value: m.completed },
    },
    agents: teamRows(day, campaign, list),
    queue,
    series: {
      bucketMs: DEFAULT_BUCKET_MS,
      points: day.seriesMemo.series(campaign.id, { interactions: summaries, thresholds, now, dayStart }),
    },
  };
}

/** Stored status plus `busy`: available and holding work (DOMAIN: busy is about capacity in use). */
export function boardStatus(status: TeamMember['status'], heldAnywhere: number): BoardAgentStatus {
  return status === 'available' && heldAnywhere > 0 ? 'busy' : status;
}

/** The campaign's members, each with their interactions of this campaign grouped once (not per row). */
function teamRows(
  day: WatchedDay,
  campaign: WatchedCampaign,
  list: readonly DayInteraction[],
): BoardAgentRow[] {
  const here = new Map<string, DayInteraction[]>();
  for (const i of list) {
    const agentId = i.summary.agentId;
    if (!agentId) continue;
    const own = here.get(agentId);
    if (own) own.push(i);
    else here.set(agentId, [i]);
  }
  return (day.teams.get(campaign.id) ?? []).map((t) => agentRow(day, campaign, here.get(t.agentId) ?? [], t));
}

function agentRow(
  day: WatchedDay,
  campaign: WatchedCampaign,
  ownHere: readonly DayInteraction[],
  t: TeamMember,
): BoardAgentRow {
  const status = boardStatus(t.status, t.heldAnywhere);
  const statusSince = t.statusSince?.getTime() ?? day.now;
  const base = { agentId: t.agentId, status, statusSince, now: day.now, dayStart: campaign.dayStart };
  // Held by channel across the scope; completed today in this campaign.
  const everywhere = agentMetrics({ ...base, interactions: day.byAgent.get(t.agentId) ?? [] });
  const here = agentMetrics({ ...base, interactions: ownHere.map((i) => i.summary) });
  const activeHere = ownHere.filter((i) => i.state === 'assigned' || i.state === 'answered');
  return {
    agentId: t.agentId,
    name: t.name,
    status,
    breakReason: t.status === 'break' ? t.breakReason : null,
    statusSince: t.statusSince?.toISOString() ?? null,
    loginAt: t.loginAt?.toISOString() ?? null,
    channels: (['facebook', 'messenger'] as const).filter((ch) => everywhere.activeByChannel[ch] > 0),
    activeByChannel: everywhere.activeByChannel,
    completedToday: here.completedToday,
    activeInteractionIds: activeHere.map((i) => i.id),
  };
}
