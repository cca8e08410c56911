/**
 * Times from Graph API reads and webhooks, as epoch milliseconds.
 *
 * Meta uses three encodings: feed webhooks send unix seconds (`created_time`, `entry.time`), Messenger
 * webhooks send milliseconds (`timestamp`, `entry.time`, watermarks), and Graph reads send ISO-8601
 * strings with a `+0000` offset (`"2021-08-10T18:45:03+0000"`), which `Date.parse` is not required to
 * accept. Pure functions: no clock.
 */

export type EpochUnit = 's' | 'ms';

/**
 * 1e11 seconds is the year 5138 and 1e11 milliseconds is 1973-03-03. A value declared as seconds that is
 * this large can only be milliseconds: Meta's own pages disagree about the unit of feed `entry.time`, so
 * such a value is taken as milliseconds rather than turned into a date 3000 years away.
 */
const SECONDS_CEILING = 1e11;

/** The largest time a JavaScript Date can hold (±100,000,000 days). */
const MAX_EPOCH_MS = 8.64e15;

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * Epoch milliseconds from a webhook or Graph time: a non-negative number or digit string in the declared
 * unit, or an ISO-8601 string with an explicit offset. Anything else (negative, NaN, out of the Date
 * range, free text) is `undefined`, so the caller can report it.
 */
export function epochMs(value: unknown, unit: EpochUnit): number | undefined {
  if (typeof value === 'string') {
    if (/^\d{1,16}$/.test(value)) return epochMs(Number(value), unit);
    return parseGraphTime(value);
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  const ms = unit === 's' && value < SECONDS_CEILING ? value * 1000 : value;
  const whole = Math.floor(ms);
  return whole <= MAX_EPOCH_MS ? whole : undefined;
}

/**
 * Epoch milliseconds from a Graph ISO-8601 time such as `2021-08-10T18:45:03+0000`. Strict: a date and
 * a time with seconds and an explicit offset (`Z`, `+hh`, `+hhmm`, `+hh:mm`) are required, because a
 * time without an offset would silently be read in the server's zone.
 */
export function parseGraphTime(text: string): number | undefined {
  const m = ISO_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = m as unknown as string[];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  // Before 1970 is out of range for an epoch time (and Date.UTC maps years 0-99 to 1900-1999).
  if (year < 1970 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const utc = Date.UTC(
    year,
    month - 1,
    day,
    hour,
    minute,
    second,
    fraction ? Number(`0.${fraction}`) * 1000 : 0,
  );
  // Date.UTC rolls 2021-02-30 over into March; a day that changed means the date did not exist.
  if (new Date(utc).getUTCDate() !== day) return undefined;
  const offset = offsetMinutes(zone!);
  if (offset === undefined) return undefined;
  const ms = Math.floor(utc - offset * 60_000);
  return ms >= 0 && ms <= MAX_EPOCH_MS ? ms : undefined;
}

function offsetMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}
