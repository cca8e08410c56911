import type {
  Board,
  BoardAgentRow,
  BoardAgentStatus,
  BoardQueueRow,
  CampaignBoard,
} from '../../shared/api/supervisor.ts';
import { isOpen } from '../domain/schedule/is-open.ts';
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
import { DEFAULT_BUCKET_MS, queueLengthSeries, serviceLevelSeries } from '../domain/stats/series.ts';
import type { InteractionSummary } from '../domain/stats/types.ts';
import { waitingAt } from '../domain/stats/waiting.ts';
import type { Database } from '../store/database.ts';
import type { UserRow } from '../store/schema.ts';
import { type DayInteraction, loadDayInteractions } from './day-data.ts';
import { campaignScope } from './scope.ts';
import { loadTeam, type TeamMember } from './team.ts';
import { earliestDayStart, loadWatchedCampaigns, type WatchedCampaign } from './watched-campaigns.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The day of every campaign a user watches, read in three queries whatever the number of campaigns
 * and agents: the campaigns, their interactions of the day with transitions, and their teams.
 */
export interface WatchedDay {
  now: number;
  campaigns: WatchedCampaign[];
  interactions: Map<string, DayInteraction[]>;
  team: TeamMember[];
  /** Summaries of the whole scope by the agent who holds (or last held) them. */
  byAgent: Map<string, InteractionSummary[]>;
}

export async function loadWatchedDay(
  db: Database,
  viewer: Pick<UserRow, 'id' | 'role'>,
  now: Date,
): Promise<WatchedDay> {
  const scope = await campaignScope(db, viewer);
  const campaigns = await loadWatchedCampaigns(db, scope, now);
  const ids = campaigns.map((c) => c.id);
  const [interactions, team] = await Promise.all([
    loadDayInteractions(db, ids, earliestDayStart(campaigns, now)),
    loadTeam(db, ids),
  ]);
  const byAgent = new Map<string, InteractionSummary[]>();
  for (const list of interactions.values())
    for (const i of list) {
      const agentId = i.summary.agentId;
      if (!agentId) continue;
      const own = byAgent.get(agentId);
      if (own) own.push(i.summary);
      else byAgent.set(agentId, [i.summary]);
    }
  return { now: now.getTime(), campaigns, interactions, team, byAgent };
}

/** GET /api/supervisor/board and the supervisor's snapshot. `only` limits it to one campaign. */
export async function loadBoard(
  db: Database,
  viewer: Pick<UserRow, 'id' | 'role'>,
  now: Date,
  only?: string,
): Promise<Board> {
  const day = await loadWatchedDay(db, viewer, now);
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
  const series = { interactions: summaries, thresholds, now, dayStart, bucketMs: DEFAULT_BUCKET_MS };
  const queueLength = queueLengthSeries(series);
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
    agents: day.team
      .filter((t) => t.campaignId === campaign.id)
      .map((t) => agentRow(day, campaign, summaries, t)),
    queue,
    series: {
      bucketMs: DEFAULT_BUCKET_MS,
      points: serviceLevelSeries(series).map((p, n) => ({
        at: iso(p.at),
        serviceLevelPct: p.pct,
        waiting: queueLength[n]!.waiting,
      })),
    },
  };
}

/** Stored status plus `busy`: available and holding work (DOMAIN: busy is about capacity in use). */
export function boardStatus(status: TeamMember['status'], heldAnywhere: number): BoardAgentStatus {
  return status === 'available' && heldAnywhere > 0 ? 'busy' : status;
}

function agentRow(
  day: WatchedDay,
  campaign: WatchedCampaign,
  campaignSummaries: readonly InteractionSummary[],
  t: TeamMember,
): BoardAgentRow {
  const status = boardStatus(t.status, t.heldAnywhere);
  const statusSince = t.statusSince?.getTime() ?? day.now;
  const base = { agentId: t.agentId, status, statusSince, now: day.now, dayStart: campaign.dayStart };
  // Held by channel across the scope; completed today in this campaign.
  const everywhere = agentMetrics({ ...base, interactions: day.byAgent.get(t.agentId) ?? [] });
  const here = agentMetrics({
    ...base,
    interactions: campaignSummaries.filter((s) => s.agentId === t.agentId),
  });
  const activeHere = (day.interactions.get(campaign.id) ?? []).filter(
    (i) => i.summary.agentId === t.agentId && (i.state === 'assigned' || i.state === 'answered'),
  );
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
