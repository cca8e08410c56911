import { abandonmentAt, isAbandonedBy } from './abandonment.ts';
import { isWithinDay } from './day-window.ts';
import { sortedBy } from './order.ts';
import type { InteractionSummary, Thresholds } from './types.ts';

/**
 * The day's outcomes as of an instant: which interactions count as answered, abandoned, completed
 * "today" (DOMAIN.md, Metrics). Each counts on the day its own event happened, whenever it was
 * queued — an interaction queued before midnight and answered after it is today's:
 * - answered: first agent reply (`answeredAt`, not the assignment) in [dayStart, asOf];
 * - answeredWithinSl: of those, answeredAt − queuedAt ≤ serviceLevel (exactly at the target counts
 *   as within: the target is met), measured from the FIRST queuing, re-queues included;
 * - abandoned: abandonment instant (see `abandonment.ts`) in [dayStart, asOf], and not answered by
 *   `asOf`;
 * - completed: `completedAt` in [dayStart, asOf];
 * - handled: the completed ones with a known first assignment — the population of AHT.
 * Evaluating at any `asOf` (not only now) lets the charts replay the day with the same rules.
 * Lists are in the order of the event that put them there.
 */
export interface DayOutcomes {
  answered: InteractionSummary[];
  answeredWithinSl: InteractionSummary[];
  abandoned: InteractionSummary[];
  completed: InteractionSummary[];
  handled: InteractionSummary[];
}

export function dayOutcomes(input: {
  interactions: readonly InteractionSummary[];
  thresholds: Thresholds;
  dayStart: number;
  asOf: number;
}): DayOutcomes {
  const { interactions, thresholds, dayStart, asOf } = input;
  const serviceLevelMs = thresholds.serviceLevel * 1000;

  const answered = sortedBy(
    interactions.filter((i) => isWithinDay(i.answeredAt, dayStart, asOf)),
    (i) => i.answeredAt!,
  );
  const abandoned = sortedBy(
    interactions.filter(
      (i) =>
        isWithinDay(abandonmentAt(i, thresholds.dropout), dayStart, asOf) &&
        isAbandonedBy(i, thresholds.dropout, asOf),
    ),
    (i) => abandonmentAt(i, thresholds.dropout)!,
  );
  const completed = sortedBy(
    interactions.filter((i) => isWithinDay(i.completedAt, dayStart, asOf)),
    (i) => i.completedAt!,
  );
  return {
    answered,
    answeredWithinSl: answered.filter((i) => i.answeredAt! - i.queuedAt <= serviceLevelMs),
    abandoned,
    completed,
    handled: completed.filter((i) => i.firstAssignedAt !== undefined),
  };
}

/**
 * The sizes of `dayOutcomes`' lists and the sums behind ASA and AHT, by the same rules, without
 * building or sorting the lists: the board and its charts need only these, for every campaign at
 * every request and at every bucket end; the lists are for the drill-down.
 */
export interface DayOutcomeCounts {
  answered: number;
  answeredWithinSl: number;
  abandoned: number;
  completed: number;
  handled: number;
  /** Σ answeredAt − queuedAt over the answered. */
  answerMsSum: number;
  /** Σ completedAt − firstAssignedAt over the handled. */
  handleMsSum: number;
}

export function dayOutcomeCounts(input: {
  interactions: readonly InteractionSummary[];
  thresholds: Thresholds;
  dayStart: number;
  asOf: number;
}): DayOutcomeCounts {
  const { interactions, thresholds, dayStart, asOf } = input;
  const serviceLevelMs = thresholds.serviceLevel * 1000;
  const counts: DayOutcomeCounts = {
    answered: 0,
    answeredWithinSl: 0,
    abandoned: 0,
    completed: 0,
    handled: 0,
    answerMsSum: 0,
    handleMsSum: 0,
  };
  for (const i of interactions) {
    if (isWithinDay(i.answeredAt, dayStart, asOf)) {
      const wait = i.answeredAt - i.queuedAt;
      counts.answered += 1;
      counts.answerMsSum += wait;
      if (wait <= serviceLevelMs) counts.answeredWithinSl += 1;
    }
    if (
      isWithinDay(abandonmentAt(i, thresholds.dropout), dayStart, asOf) &&
      isAbandonedBy(i, thresholds.dropout, asOf)
    )
      counts.abandoned += 1;
    if (isWithinDay(i.completedAt, dayStart, asOf)) {
      counts.completed += 1;
      if (i.firstAssignedAt !== undefined) {
        counts.handled += 1;
        counts.handleMsSum += i.completedAt - i.firstAssignedAt;
      }
    }
  }
  return counts;
}

/**
 * ASA, DOMAIN.md: "mean of queued→answered over answered interactions" (from the FIRST queuing).
 * Null when none was answered. Not rounded: formatting is the caller's.
 */
export function averageSpeedOfAnswerMs(answered: readonly InteractionSummary[]): number | null {
  return mean(answered.map((i) => i.answeredAt! - i.queuedAt));
}

/**
 * AHT, DOMAIN.md: "mean assigned→completed", from the FIRST assignment to completion, over the
 * interactions completed today. A re-queued interaction's time back in the queue stays inside its
 * handle time: the work started at the first assignment. Null when none was completed.
 */
export function averageHandleTimeMs(handled: readonly InteractionSummary[]): number | null {
  return mean(handled.map((i) => i.completedAt! - i.firstAssignedAt!));
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
