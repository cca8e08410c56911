import { HOUR_MS, wallDayStart } from './weekly-hours.ts';
import { findOffsetChange, offsetAt } from './zone-offset.ts';

// A local day lasts at most 25 hours, so 26 hours back is always before today began, and (offset
// changes being weeks apart, see is-open.ts) it shows the offset in force before any change today.
const LOOK_BACK_MS = 26 * HOUR_MS;

/**
 * The instant the local day holding `nowMs` began in `timeZone`: the "today" of the metrics.
 * Usually local midnight; on a day clocks go back over midnight (America/Havana) the first of the
 * two midnights; on a day they skip midnight (America/Santiago, America/Havana) the moment of the
 * jump, 01:00. Throws RangeError for an unknown zone.
 */
export function startOfLocalDay(nowMs: number, timeZone: string): number {
  const known = lastDay.get(timeZone);
  if (known && nowMs >= known.start && nowMs < known.end) return known.start;
  const start = startOfLocalDayUncached(nowMs, timeZone);
  // A local day lasts 23 to 25 hours, so 25 hours after this one began is in the next one.
  lastDay.set(timeZone, { start, end: startOfLocalDayUncached(start + 25 * HOUR_MS, timeZone) });
  return start;
}

/**
 * The day last found in each zone, [start, end): the board, routing and watched campaigns ask
 * about the same few zones all day, and each answer costs four Intl lookups (~0.2 ms here; 50
 * campaigns, ~10 ms). A zone whose day would not end 25 hours after it began gets an empty range.
 */
const lastDay = new Map<string, { start: number; end: number }>();

/** `startOfLocalDay` without the memo (tests compare both). */
export function startOfLocalDayUncached(nowMs: number, timeZone: string): number {
  const offsetNow = offsetAt(timeZone, nowMs);
  const midnight = wallDayStart(nowMs + offsetNow);
  const offsetBefore = offsetAt(timeZone, nowMs - LOOK_BACK_MS);
  // Local midnight read with each offset in force today; a reading counts only if the zone really
  // had that offset at that instant.
  const midnights = [offsetBefore, offsetNow]
    .map((offset) => ({ offset, instant: midnight - offset }))
    .filter(({ offset, instant }) => offsetAt(timeZone, instant) === offset)
    .map(({ instant }) => instant);
  if (midnights.length > 0) return Math.min(...midnights);
  // Neither offset had a midnight today: the clock jumped over it, and the day began at the jump.
  return findOffsetChange(timeZone, nowMs - LOOK_BACK_MS, nowMs);
}
