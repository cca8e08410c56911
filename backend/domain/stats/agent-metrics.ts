import { assertDayWindow, isWithinDay } from './day-window.ts';
import { sortedBy } from './order.ts';
import { phaseAt } from './phase.ts';
import type { Channel, InteractionSummary } from './types.ts';

/** DOMAIN.md, "Agent status". */
export type AgentStatus = 'offline' | 'available' | 'busy' | 'break';

export interface AgentMetricsInput {
  agentId: string;
  status: AgentStatus;
  /** Epoch ms of the last status change. */
  statusSince: number;
  /**
   * The agent's interactions. Only those whose summary names this agent (its current or last agent)
   * count, so the campaign's whole list may be passed.
   */
  interactions: readonly InteractionSummary[];
  now: number;
  dayStart: number;
}

/** DOMAIN.md: "Per agent: status, time in status, active interactions by channel, completed today." */
export interface AgentMetrics {
  agentId: string;
  status: AgentStatus;
  /** now − statusSince, never negative (another instance's clock may run slightly ahead). */
  timeInStatusMs: number;
  /** Held now (assigned, or answered and not completed), by channel. */
  activeByChannel: Record<Channel, number>;
  /** All held now, including any whose channel is unknown (so none silently disappears). */
  active: number;
  /** Completed in [dayStart, now] by this agent (the last agent who held it). */
  completedToday: number;
}

/** The sizes of `agentMembers`' lists, counted without building them (the board has 1,000s of rows). */
export function agentMetrics(input: AgentMetricsInput): AgentMetrics {
  const { agentId, status, statusSince, interactions, now, dayStart } = input;
  assertDayWindow(dayStart, now);
  const tally = emptyTally();
  for (const i of interactions) if (i.agentId === agentId) count(tally, i, now, dayStart);
  return { agentId, status, timeInStatusMs: Math.max(0, now - statusSince), ...tally };
}

/** An agent's counts of `agentMetrics`. */
export type AgentTally = Pick<AgentMetrics, 'activeByChannel' | 'active' | 'completedToday'>;

/**
 * `agentMetrics`' counts for every agent the interactions name (their current or last agent), in
 * one pass: the board counts them for a thousand agents at each request.
 */
export function agentTallies(
  interactions: readonly InteractionSummary[],
  now: number,
  dayStart: number,
): Map<string, AgentTally> {
  assertDayWindow(dayStart, now);
  const tallies = new Map<string, AgentTally>();
  for (const i of interactions) {
    if (i.agentId === undefined) continue;
    let tally = tallies.get(i.agentId);
    if (!tally) {
      tally = emptyTally();
      tallies.set(i.agentId, tally);
    }
    count(tally, i, now, dayStart);
  }
  return tallies;
}

const emptyTally = (): AgentTally => ({
  activeByChannel: { facebook: 0, messenger: 0 },
  active: 0,
  completedToday: 0,
});

/** The rules of `agentMembers`, one interaction at a time. */
function count(tally: AgentTally, i: InteractionSummary, now: number, dayStart: number) {
  if (phaseAt(i, now) === 'active') {
    tally.active += 1;
    if (i.channel === 'facebook' || i.channel === 'messenger') tally.activeByChannel[i.channel] += 1;
  }
  if (isWithinDay(i.completedAt, dayStart, now)) tally.completedToday += 1;
}

/** The interactions behind each agent number, for the drill-down; same rules as `agentMetrics`. */
export interface AgentMembers {
  active: InteractionSummary[];
  activeFacebook: InteractionSummary[];
  activeMessenger: InteractionSummary[];
  completedToday: InteractionSummary[];
}

export function agentMembers(input: AgentMetricsInput): AgentMembers {
  const { agentId, interactions, now, dayStart } = input;
  assertDayWindow(dayStart, now);
  const own = interactions.filter((i) => i.agentId === agentId);
  const active = sortedBy(
    own.filter((i) => phaseAt(i, now) === 'active'),
    (i) => i.firstAssignedAt ?? i.queuedAt,
  );
  return {
    active,
    activeFacebook: active.filter((i) => i.channel === 'facebook'),
    activeMessenger: active.filter((i) => i.channel === 'messenger'),
    completedToday: sortedBy(
      own.filter((i) => isWithinDay(i.completedAt, dayStart, now)),
      (i) => i.completedAt!,
    ),
  };
}
