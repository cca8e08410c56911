// Constructing an Intl.DateTimeFormat costs far more than using one, and the same few zones are
// asked about all day. Only zones Intl accepted get here, so the map stays as small as the tz list.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23', // never '24' for midnight
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The zone's UTC offset in ms at an instant (local wall clock minus UTC; +3 600 000 for CET).
 * Adding it to an instant gives "wall ms": the local date and time written as if they were UTC,
 * which plain UTC date arithmetic can then split into day, weekday and time of day.
 * Throws RangeError for a time zone Intl does not know.
 */
export function offsetAt(timeZone: string, instant: number): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  // Intl shows whole seconds, so compare with the instant's whole second.
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The first instant in (from, to] whose offset differs from the offset at `from`, for a span that
 * holds exactly one change (callers keep spans far shorter than the weeks between DST changes).
 */
export function findOffsetChange(timeZone: string, from: number, to: number): number {
  const before = offsetAt(timeZone, from);
  if (offsetAt(timeZone, to) === before) throw new Error('findOffsetChange: the offset does not change');
  let low = from;
  let high = to;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(timeZone, middle) === before) low = middle;
    else high = middle;
  }
  return high;
}
