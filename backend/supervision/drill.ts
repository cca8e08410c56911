import {
  AGENT_DRILL_METRICS,
  DRILL_LIMIT,
  type DrillDown,
  type DrillQuery,
} from '../../shared/api/supervisor.ts';
import { type AgentMetricName, agentMetricMembers, metricMembers } from '../domain/stats/drill-down.ts';
import { viewInteractions } from '../interactions/interaction-view.ts';
import type { Database } from '../store/database.ts';
import type { UserRow } from '../store/schema.ts';
import { boardStatus, loadWatchedDay, summariesByAgent } from './board.ts';
import type { DaySourceCache } from './day-source.ts';

const isAgentMetric = (m: string): m is AgentMetricName =>
  (AGENT_DRILL_METRICS as readonly string[]).includes(m);

/**
 * The interactions behind one number of the board, from the same day data and the same domain
 * functions as the board (domain/stats/drill-down.ts), so the list and the number agree. Agent
 * numbers follow the board's row: held ones across the campaigns the viewer watches, completed
 * ones in this campaign. Undefined when the campaign (or agent) is not the viewer's to see.
 */
export async function drillDown(
  db: Database,
  viewer: Pick<UserRow, 'id' | 'role'>,
  campaignId: string,
  query: DrillQuery,
  now: Date,
  cache?: DaySourceCache,
): Promise<DrillDown | undefined> {
  const day = await loadWatchedDay(db, viewer, now, cache);
  const campaign = day.campaigns.find((c) => c.id === campaignId);
  if (!campaign) return undefined;
  const summaries = day.summaries.get(campaignId) ?? [];
  const base = { thresholds: campaign.thresholds, now: day.now, dayStart: campaign.dayStart };
  let ids: string[];
  if (isAgentMetric(query.metric)) {
    const member = day.team.find((t) => t.campaignId === campaignId && t.agentId === query.agentId);
    if (!member) return undefined;
    const interactions =
      query.metric === 'completedToday'
        ? summaries.filter((s) => s.agentId === member.agentId)
        : (summariesByAgent(day).get(member.agentId) ?? []);
    ids = agentMetricMembers(query.metric, {
      ...base,
      agentId: member.agentId,
      status: boardStatus(member.status, member.heldAnywhere),
      statusSince: member.statusSince?.getTime() ?? day.now,
      interactions,
    });
  } else {
    ids = metricMembers(query.metric, { ...base, interactions: summaries });
  }
  const shown = ids.slice(0, DRILL_LIMIT);
  const views = new Map((await viewInteractions(db, shown)).map((v) => [v.id, v]));
  return {
    campaignId,
    metric: query.metric,
    agentId: isAgentMetric(query.metric) ? (query.agentId ?? null) : null,
    at: new Date(day.now).toISOString(),
    total: ids.length,
    interactions: shown.flatMap((id) => views.get(id) ?? []),
  };
}
