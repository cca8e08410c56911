/**
 * "Today" (DOMAIN.md, Metrics: "today" in the campaign's time zone) is the window [dayStart, asOf]:
 * the caller computes `dayStart` in the campaign's IANA zone and passes it in, so this code never
 * reads a clock or a zone. Both ends are inclusive: an event at exactly midnight is the new day's,
 * and an event at exactly `now` has happened.
 */
export function isWithinDay(instant: number | undefined, dayStart: number, asOf: number): instant is number {
  return instant !== undefined && dayStart <= instant && instant <= asOf;
}

/** A window that ends before it starts is a caller bug (a wrong zone or a swapped argument). */
export function assertDayWindow(dayStart: number, now: number): void {
  if (!Number.isFinite(dayStart) || !Number.isFinite(now) || now < dayStart) {
    throw new RangeError(`The day window is invalid: dayStart ${dayStart}, now ${now}.`);
  }
}
