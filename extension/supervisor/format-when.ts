const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** A date and time in this browser's zone and language; an empty string for none. */
export function formatWhen(at: string | number | null | undefined): string {
  if (at === null || at === undefined) return '';
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return Number.isNaN(ms) ? '' : full.format(ms);
}

/** Only the time of day (a chart's axis, today's events). */
export function formatTime(at: string | number): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return Number.isNaN(ms) ? '' : time.format(ms);
}
