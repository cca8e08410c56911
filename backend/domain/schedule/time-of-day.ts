const HH_MM = /^(\d{2}):(\d{2})$/;

/**
 * Minutes since local midnight for an 'HH:MM' time, or null if it is not one. Only '24:00' may go
 * past 23:59, and only when `endOfDay` is allowed (a row's `to`).
 */
export function parseTimeOfDay(
  text: string,
  endOfDay: 'end-of-day-allowed' | 'no-end-of-day',
): number | null {
  const match = HH_MM.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours === 24 && minutes === 0) return endOfDay === 'end-of-day-allowed' ? 24 * 60 : null;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}
