import { parseTimeOfDay } from './time-of-day.ts';
import type { ScheduleRow } from './types.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** A row in ms since local midnight, ready for arithmetic on "wall ms" (see zone-offset.ts). */
export interface OpenSpan {
  weekday: number;
  from: number;
  to: number;
}

/**
 * Rows as spans. Rows are checked when an admin saves them (validateSchedule); one that is still
 * malformed here means bad stored data, and guessing open or closed would be worse than failing.
 */
export function toSpans(rows: readonly ScheduleRow[]): OpenSpan[] {
  return rows.map((row, index) => {
    const from = parseTimeOfDay(row.from, 'no-end-of-day');
    const to = parseTimeOfDay(row.to, 'end-of-day-allowed');
    if (
      !Number.isInteger(row.weekday) ||
      row.weekday < 0 ||
      row.weekday > 6 ||
      from === null ||
      to === null
    ) {
      throw new RangeError(`Schedule row ${index + 1} is malformed: ${JSON.stringify(row)}`);
    }
    return { weekday: row.weekday, from: from * MINUTE_MS, to: to * MINUTE_MS };
  });
}

/** The local midnight (in wall ms) of the day holding `wall`. */
export function wallDayStart(wall: number): number {
  return Math.floor(wall / DAY_MS) * DAY_MS;
}

/** 0 = Sunday, for a wall-ms day start (1 January 1970 was a Thursday). */
function weekdayOf(dayStart: number): number {
  return (((dayStart / DAY_MS + 4) % 7) + 7) % 7;
}

export function isOpenAtWall(spans: readonly OpenSpan[], wall: number): boolean {
  const day = wallDayStart(wall);
  const weekday = weekdayOf(day);
  const sinceMidnight = wall - day;
  return spans.some((s) => s.weekday === weekday && s.from <= sinceMidnight && sinceMidnight < s.to);
}

/** The earliest wall time in [start, end) at which the schedule is open, or null if none is. */
export function firstOpenWall(spans: readonly OpenSpan[], start: number, end: number): number | null {
  if (start >= end) return null;
  if (isOpenAtWall(spans, start)) return start;
  // Closed at `start`, so the first open moment is the first row start after it.
  for (let day = wallDayStart(start); day < end; day += DAY_MS) {
    const weekday = weekdayOf(day);
    let first: number | null = null;
    for (const span of spans) {
      const opens = day + span.from;
      if (span.weekday === weekday && opens > start && opens < end && (first === null || opens < first)) {
        first = opens;
      }
    }
    if (first !== null) return first;
  }
  return null;
}
