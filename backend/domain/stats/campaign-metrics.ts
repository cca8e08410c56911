import { chatsOverTimeAt } from './chat-time.ts';
import { dayOutcomeCounts } from './day-outcomes.ts';
import { assertDayWindow } from './day-window.ts';
import { serviceLevel } from './service-level.ts';
import type { InteractionSummary, Thresholds } from './types.ts';
import { longestWaitingMs, waitingAt } from './waiting.ts';

export interface CampaignMetricsInput {
  /** The campaign's interactions: today's, plus any still open from earlier days. */
  interactions: readonly InteractionSummary[];
  thresholds: Thresholds;
  /** Epoch ms, given by the caller (this code reads no clock). */
  now: number;
  /** Epoch ms of the campaign's local midnight today, computed by the caller in the campaign's zone. */
  dayStart: number;
}

/**
 * A campaign's tiles (DOMAIN.md, Metrics): the day's counts and averages ("today", see
 * `day-outcomes.ts`) and the live queue and chats (at `now`, whatever day they started).
 */
export interface CampaignMetrics {
  answered: number;
  answeredWithinSl: number;
  abandoned: number;
  /** See `service-level.ts`: one decimal, null when answered + abandoned is 0. */
  serviceLevelPct: number | null;
  serviceLevelFormula: string;
  /** Mean queued→answered of today's answered, ms; null when none. */
  asaMs: number | null;
  /** Mean first assigned→completed of today's completed, ms; null when none. */
  ahtMs: number | null;
  completed: number;
  /** In the queue now (queued or offered, not past dropout), whenever they were queued. */
  waiting: number;
  /** Age of the oldest waiting interaction, ms; 0 when none. */
  longestWaitingMs: number;
  /**
   * DOMAIN.md: "ACD alarm: queued > acd". Strictly more than `acd` customers: `acd` is the maximum
   * allowed to wait, so exactly `acd` waiting is still within it and NOT an alarm.
   */
  acdAlarm: boolean;
  /** Active chats held longer than chat time (see `chat-time.ts`), oldest first. */
  chatsOverTime: number;
  chatsOverTimeIds: string[];
}

export function campaignMetrics(input: CampaignMetricsInput): CampaignMetrics {
  const { interactions, thresholds, now, dayStart } = input;
  assertDayWindow(dayStart, now);

  // Counts, not lists: the board computes this for every campaign at every request.
  const day = dayOutcomeCounts({ interactions, thresholds, dayStart, asOf: now });
  const sl = serviceLevel({
    answered: day.answered,
    answeredWithinSl: day.answeredWithinSl,
    abandoned: day.abandoned,
    serviceLevelSeconds: thresholds.serviceLevel,
  });
  const waiting = waitingAt(interactions, now, thresholds.dropout);
  const overTime = chatsOverTimeAt(interactions, now, thresholds.chatTime);

  return {
    answered: day.answered,
    answeredWithinSl: day.answeredWithinSl,
    abandoned: day.abandoned,
    serviceLevelPct: sl.pct,
    serviceLevelFormula: sl.formula,
    // The means of averageSpeedOfAnswerMs / averageHandleTimeMs (day-outcomes.ts), from the sums.
    asaMs: day.answered ? day.answerMsSum / day.answered : null,
    ahtMs: day.handled ? day.handleMsSum / day.handled : null,
    completed: day.completed,
    waiting: waiting.length,
    longestWaitingMs: longestWaitingMs(waiting, now),
    acdAlarm: waiting.length > thresholds.acd,
    chatsOverTime: overTime.length,
    chatsOverTimeIds: overTime.map((i) => i.id),
  };
}
