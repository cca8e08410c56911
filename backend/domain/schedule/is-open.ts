import type { ScheduleRow } from './types.ts';
import { DAY_MS, firstOpenWall, HOUR_MS, isOpenAtWall, toSpans } from './weekly-hours.ts';
import { findOffsetChange, offsetAt } from './zone-offset.ts';

/** How far ahead nextOpening looks: a week of rows, plus a day for DST and for "today, later". */
export const NEXT_OPENING_HORIZON_MS = 8 * DAY_MS;

// Offset changes are weeks apart (the closest pair in any zone's 2015–2035 rules is 28 days,
// Pacific/Fiji), so a 6-hour probe never steps over two of them, and costs a sixth of hourly ones.
const PROBE_MS = 6 * HOUR_MS;

/**
 * Whether the campaign takes work at `nowMs`: the local wall clock of `timeZone` falls in a row.
 * Wall clock means what people on site read: on the night clocks go forward the skipped hour is
 * never open; on the night they go back, the repeated hour is open both times if a row covers it.
 * An empty schedule is always open. Expects rows that pass validateSchedule (throws RangeError on a
 * malformed row or an unknown zone).
 */
export function isOpen(rows: readonly ScheduleRow[], timeZone: string, nowMs: number): boolean {
  if (rows.length === 0) return true;
  return isOpenAtWall(toSpans(rows), nowMs + offsetAt(timeZone, nowMs));
}

/**
 * The earliest instant at or after `nowMs` when the schedule is open: `nowMs` itself when open now
 * (and always for an empty schedule), else the next opening within NEXT_OPENING_HORIZON_MS, else null.
 * A row that starts inside the hour skipped by clocks going forward opens when the clock jumps
 * into it. A valid, non-empty schedule only returns null when its sole hours fall in such a
 * skipped hour, since the week after is then beyond the horizon.
 */
export function nextOpening(rows: readonly ScheduleRow[], timeZone: string, nowMs: number): number | null {
  if (rows.length === 0) return nowMs;
  const spans = toSpans(rows);
  const horizon = nowMs + NEXT_OPENING_HORIZON_MS;
  // Walk forward in pieces of constant UTC offset: within one, wall time runs in step with real
  // time, so the first open wall time converts back to an instant exactly. Pieces end at an offset
  // change, found by probing every PROBE_MS and bisecting when the offset differs.
  let start = nowMs;
  let offset = offsetAt(timeZone, start);
  while (start < horizon) {
    const probe = Math.min(start + PROBE_MS, horizon);
    const probeOffset = offsetAt(timeZone, probe);
    const end = probeOffset === offset ? probe : findOffsetChange(timeZone, start, probe);
    const wall = firstOpenWall(spans, start + offset, end + offset);
    if (wall !== null) return wall - offset;
    start = end;
    offset = probeOffset;
  }
  return null;
}
