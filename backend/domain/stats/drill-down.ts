import { type AgentMetricsInput, agentMembers } from './agent-metrics.ts';
import type { CampaignMetricsInput } from './campaign-metrics.ts';
import { chatsOverTimeAt } from './chat-time.ts';
import { dayOutcomes } from './day-outcomes.ts';
import { assertDayWindow } from './day-window.ts';
import type { InteractionSummary } from './types.ts';
import { longestWaitingMs, waitingAt } from './waiting.ts';

/** Every campaign number a supervisor can click (the names of `CampaignMetrics`). */
export type CampaignMetricName =
  | 'answered'
  | 'answeredWithinSl'
  | 'abandoned'
  | 'serviceLevel'
  | 'asa'
  | 'aht'
  | 'completed'
  | 'waiting'
  | 'longestWaiting'
  | 'acdAlarm'
  | 'chatsOverTime';

/**
 * "Clicking any number opens the list of interactions behind it": the ids behind a campaign number,
 * computed by the very functions that compute the number, so the list and the number always agree:
 * - answered, asa: today's answered, in answer order (ASA averages exactly these);
 * - answeredWithinSl: the service level's numerator;
 * - abandoned: in abandonment order;
 * - serviceLevel: the denominator, answered then abandoned (the formula's two terms);
 * - completed: in completion order; aht: those of them with a known first assignment (the average);
 * - waiting, acdAlarm: the queue now, oldest first;
 * - longestWaiting: the oldest waiting interaction (several only if queued at the same instant);
 * - chatsOverTime: oldest chat first.
 */
export function metricMembers(metric: CampaignMetricName, input: CampaignMetricsInput): string[] {
  const { interactions, thresholds, now, dayStart } = input;
  assertDayWindow(dayStart, now);
  const day = () => dayOutcomes({ interactions, thresholds, dayStart, asOf: now });
  const waiting = () => waitingAt(interactions, now, thresholds.dropout);
  switch (metric) {
    case 'answered':
    case 'asa':
      return ids(day().answered);
    case 'answeredWithinSl':
      return ids(day().answeredWithinSl);
    case 'abandoned':
      return ids(day().abandoned);
    case 'serviceLevel': {
      const { answered, abandoned } = day();
      return ids([...answered, ...abandoned]);
    }
    case 'completed':
      return ids(day().completed);
    case 'aht':
      return ids(day().handled);
    case 'waiting':
    case 'acdAlarm':
      return ids(waiting());
    case 'longestWaiting': {
      const queue = waiting();
      const longest = longestWaitingMs(queue, now);
      return ids(queue.filter((i) => now - i.queuedAt === longest));
    }
    case 'chatsOverTime':
      return ids(chatsOverTimeAt(interactions, now, thresholds.chatTime));
  }
}

/** Every agent number a supervisor can click. */
export type AgentMetricName = 'active' | 'activeFacebook' | 'activeMessenger' | 'completedToday';

/** The ids behind an agent's number, by the rules of `agentMetrics`. */
export function agentMetricMembers(metric: AgentMetricName, input: AgentMetricsInput): string[] {
  return ids(agentMembers(input)[metric]);
}

function ids(interactions: readonly InteractionSummary[]): string[] {
  return interactions.map((i) => i.id);
}
