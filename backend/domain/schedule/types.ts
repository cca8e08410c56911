/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getDay` counts. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * One stretch of opening hours, in the campaign's time zone, on the local wall clock.
 * Open from `from` (included) to `to` (excluded), so 09:00–12:00 and 12:00–14:00 join up.
 * `from` is 00:00–23:59; `to` is after `from`, up to 24:00 (the end of the day). Hours across
 * midnight are two rows: Monday 22:00–24:00 and Tuesday 00:00–02:00.
 *
 * A schedule is a list of rows; an EMPTY schedule means ALWAYS OPEN, so a campaign nobody gave
 * hours to takes work around the clock instead of silently never routing.
 */
export interface ScheduleRow {
  weekday: Weekday;
  /** 'HH:MM', 24-hour clock. */
  from: string;
  /** 'HH:MM', 24-hour clock, or '24:00'. */
  to: string;
}
