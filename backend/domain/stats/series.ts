import { dayOutcomeCounts } from './day-outcomes.ts';
import { assertDayWindow } from './day-window.ts';
import { serviceLevel } from './service-level.ts';
import type { InteractionSummary, Thresholds } from './types.ts';
import { waitingAt } from './waiting.ts';

export const DEFAULT_BUCKET_MS = 15 * 60_000;

export interface SeriesInput {
  interactions: readonly InteractionSummary[];
  thresholds: Thresholds;
  now: number;
  dayStart: number;
  /** Bucket length, ms; 15 minutes unless given. */
  bucketMs?: number;
}

/**
 * The instants a day's chart is sampled at: the end of each fixed bucket from `dayStart`
 * (dayStart + b, dayStart + 2b, …) while before `now`, then `now` itself, which closes the current,
 * partial bucket — so the last point always equals the live tile. None when now = dayStart.
 * Buckets are fixed lengths of time from dayStart: on a daylight-saving day the wall-clock labels
 * shift, which is the caller's to show.
 */
export function bucketEnds(dayStart: number, now: number, bucketMs: number = DEFAULT_BUCKET_MS): number[] {
  assertDayWindow(dayStart, now);
  if (!Number.isInteger(bucketMs) || bucketMs <= 0) {
    throw new RangeError(`A bucket must be a positive whole number of ms, not ${bucketMs}.`);
  }
  const ends: number[] = [];
  for (let end = dayStart + bucketMs; end < now; end += bucketMs) ends.push(end);
  if (now > dayStart) ends.push(now);
  return ends;
}

export interface ServiceLevelPoint {
  at: number;
  /** The day's service level so far, as the tile read at `at`; null before anything counted. */
  pct: number | null;
  answered: number;
  answeredWithinSl: number;
  abandoned: number;
}

/**
 * The day's service level over time: at each bucket end, the service level of the day so far
 * (cumulative from dayStart, by the same rules as the tile, see `day-outcomes.ts`). Cumulative
 * rather than per bucket, so the chart replays what supervisors saw and ends on today's number.
 */
export function serviceLevelSeries(input: SeriesInput): ServiceLevelPoint[] {
  const { now, dayStart, bucketMs } = input;
  return bucketEnds(dayStart, now, bucketMs).map((at) => serviceLevelAt(input, at));
}

/**
 * One point of `serviceLevelSeries`: the day's service level so far at `at` (dayStart ≤ at). Lets a
 * caller keep the points of closed buckets and compute only the new ones.
 */
export function serviceLevelAt(input: Omit<SeriesInput, 'now' | 'bucketMs'>, at: number): ServiceLevelPoint {
  const { interactions, thresholds, dayStart } = input;
  const day = dayOutcomeCounts({ interactions, thresholds, dayStart, asOf: at });
  const counts = {
    answered: day.answered,
    answeredWithinSl: day.answeredWithinSl,
    abandoned: day.abandoned,
  };
  const { pct } = serviceLevel({ ...counts, serviceLevelSeconds: thresholds.serviceLevel });
  return { at, pct, ...counts };
}

export interface QueueLengthPoint {
  at: number;
  waiting: number;
}

/**
 * Queue length at each bucket end: the interactions waiting at that instant — queued (or offered)
 * and not yet assigned, answered, abandoned or expired, re-queued ones included, and not past
 * dropout (see `waiting.ts`). An instantaneous sample, not an average over the bucket.
 */
export function queueLengthSeries(input: SeriesInput): QueueLengthPoint[] {
  const { now, dayStart, bucketMs } = input;
  return bucketEnds(dayStart, now, bucketMs).map((at) => queueLengthAt(input, at));
}

/** One point of `queueLengthSeries`: how many wait at `at`. */
export function queueLengthAt(
  input: Pick<SeriesInput, 'interactions' | 'thresholds'>,
  at: number,
): QueueLengthPoint {
  return { at, waiting: waitingAt(input.interactions, at, input.thresholds.dropout).length };
}
