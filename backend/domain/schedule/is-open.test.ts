import { describe, expect, it } from 'vitest';
import { isOpen, nextOpening } from './is-open.ts';
import { localClock } from './test-support/local-clock.ts';
import { parseTimeOfDay } from './time-of-day.ts';
import type { ScheduleRow, Weekday } from './types.ts';

// DST examples use 2025: its rules are settled history in the tz database, whereas a future year's
// rules can still change (Chile and Cuba change theirs often) and would break these tests.
const at = (iso: string) => Date.parse(iso);
const row = (weekday: Weekday, from: string, to: string): ScheduleRow => ({ weekday, from, to });
const WORKING_WEEK = ([1, 2, 3, 4, 5] as const).map((d) => row(d, '09:00', '17:00'));
const MINUTE = 60_000;

describe('isOpen', () => {
  it('is open from From up to, but not including, To', () => {
    const madrid = (iso: string) => isOpen(WORKING_WEEK, 'Europe/Madrid', at(iso));
    expect(madrid('2025-11-24T08:59:59.999+01:00')).toBe(false);
    expect(madrid('2025-11-24T09:00:00+01:00')).toBe(true);
    expect(madrid('2025-11-24T16:59:59.999+01:00')).toBe(true);
    expect(madrid('2025-11-24T17:00:00+01:00')).toBe(false);
    expect(madrid('2025-11-23T12:00:00+01:00')).toBe(false); // Sunday
  });

  it("reads the campaign's own clock, not UTC", () => {
    const instant = at('2025-11-24T08:30:00Z'); // a Monday
    expect(isOpen(WORKING_WEEK, 'Europe/Madrid', instant)).toBe(true); // 09:30
    expect(isOpen(WORKING_WEEK, 'America/New_York', instant)).toBe(false); // 03:30
    expect(isOpen(WORKING_WEEK, 'Asia/Kolkata', instant)).toBe(true); // 14:00
    expect(isOpen(WORKING_WEEK, 'Pacific/Kiritimati', instant)).toBe(false); // 22:30, +14:00
  });

  it('keeps a row ending at 24:00 open to the last millisecond of the day', () => {
    const friday = [row(5, '18:00', '24:00')];
    expect(isOpen(friday, 'Europe/Madrid', at('2025-11-28T23:59:59.999+01:00'))).toBe(true);
    expect(isOpen(friday, 'Europe/Madrid', at('2025-11-29T00:00:00+01:00'))).toBe(false);
  });

  it('stays open across midnight when a 24:00 row meets a 00:00 row', () => {
    const lateShift = [row(5, '22:00', '24:00'), row(6, '00:00', '02:00')];
    expect(isOpen(lateShift, 'Europe/Madrid', at('2025-11-29T00:00:00+01:00'))).toBe(true);
    expect(isOpen(lateShift, 'Europe/Madrid', at('2025-11-29T02:00:00+01:00'))).toBe(false);
  });

  it('is always open with an empty schedule', () => {
    expect(isOpen([], 'Europe/Madrid', at('2025-11-23T03:00:00+01:00'))).toBe(true);
  });

  it('never opens the hour skipped when clocks go forward, and opens both sides of it', () => {
    const skipped = [row(0, '02:00', '02:30')];
    expect(isOpen(skipped, 'Europe/Madrid', at('2025-03-30T01:59:59+01:00'))).toBe(false);
    expect(isOpen(skipped, 'Europe/Madrid', at('2025-03-30T03:00:00+02:00'))).toBe(false);
    const around = [row(0, '01:30', '03:30')];
    expect(isOpen(around, 'Europe/Madrid', at('2025-03-30T01:45:00+01:00'))).toBe(true);
    expect(isOpen(around, 'Europe/Madrid', at('2025-03-30T03:15:00+02:00'))).toBe(true);
    expect(isOpen(around, 'Europe/Madrid', at('2025-03-30T03:30:00+02:00'))).toBe(false);
  });

  it('opens the repeated hour both times when clocks go back', () => {
    const repeated = [row(0, '02:00', '02:30')];
    expect(isOpen(repeated, 'Europe/Madrid', at('2025-10-26T02:15:00+02:00'))).toBe(true);
    expect(isOpen(repeated, 'Europe/Madrid', at('2025-10-26T02:45:00+02:00'))).toBe(false);
    expect(isOpen(repeated, 'Europe/Madrid', at('2025-10-26T02:15:00+01:00'))).toBe(true);
  });

  it("follows New York's change of offset: 09:00 is 14:00Z in winter and 13:00Z in summer", () => {
    expect(isOpen(WORKING_WEEK, 'America/New_York', at('2025-03-07T14:00:00Z'))).toBe(true);
    expect(isOpen(WORKING_WEEK, 'America/New_York', at('2025-03-10T12:59:59Z'))).toBe(false);
    expect(isOpen(WORKING_WEEK, 'America/New_York', at('2025-03-10T13:00:00Z'))).toBe(true);
  });

  it('fails loudly on a malformed stored row or an unknown zone instead of guessing', () => {
    expect(() => isOpen([{ weekday: 1, from: '9:00', to: '17:00' }], 'UTC', 0)).toThrow(/row 1 is malformed/);
    expect(() => isOpen([{ weekday: 7 as Weekday, from: '09:00', to: '17:00' }], 'UTC', 0)).toThrow(
      RangeError,
    );
    expect(() => isOpen(WORKING_WEEK, 'Europe/Atlantis', 0)).toThrow(RangeError);
  });
});

describe('nextOpening', () => {
  const madrid = (iso: string, rows = WORKING_WEEK) => nextOpening(rows, 'Europe/Madrid', at(iso));

  it('is now when the schedule is open now, or empty', () => {
    expect(madrid('2025-11-24T10:00:00.123+01:00')).toBe(at('2025-11-24T10:00:00.123+01:00'));
    expect(madrid('2025-11-23T03:00:00+01:00', [])).toBe(at('2025-11-23T03:00:00+01:00'));
  });

  it('is the start of the next row: later today, after the weekend, or a week on', () => {
    expect(madrid('2025-11-24T07:00:00+01:00')).toBe(at('2025-11-24T09:00:00+01:00'));
    expect(madrid('2025-11-28T17:00:00+01:00')).toBe(at('2025-12-01T09:00:00+01:00'));
    expect(madrid('2025-11-24T17:00:00+01:00', [row(1, '09:00', '17:00')])).toBe(
      at('2025-12-01T09:00:00+01:00'),
    );
  });

  it('picks the earliest row of the day whatever order the rows are in', () => {
    const rows = [row(1, '15:00', '18:00'), row(1, '08:00', '09:00'), row(1, '10:00', '12:00')];
    expect(madrid('2025-11-24T09:30:00+01:00', rows)).toBe(at('2025-11-24T10:00:00+01:00'));
  });

  it('opens at local time on the other side of a change of offset', () => {
    const sunday = [row(0, '09:00', '17:00')];
    expect(madrid('2025-03-29T20:00:00+01:00', sunday)).toBe(at('2025-03-30T09:00:00+02:00'));
    expect(madrid('2025-10-25T20:00:00+02:00', sunday)).toBe(at('2025-10-26T09:00:00+01:00'));
    const newYork = (iso: string) => nextOpening(WORKING_WEEK, 'America/New_York', at(iso));
    expect(newYork('2025-03-07T17:00:00-05:00')).toBe(at('2025-03-10T09:00:00-04:00'));
    expect(newYork('2025-10-31T17:00:00-04:00')).toBe(at('2025-11-03T09:00:00-05:00'));
  });

  it('opens when the clock jumps forward into a row that starts in the skipped hour', () => {
    const rows = [row(0, '02:30', '04:00')];
    expect(madrid('2025-03-30T01:30:00+01:00', rows)).toBe(at('2025-03-30T03:00:00+02:00'));
  });

  it('opens again when the clock goes back into a row it had just left', () => {
    const rows = [row(0, '02:00', '02:30')];
    expect(madrid('2025-10-26T02:45:00+02:00', rows)).toBe(at('2025-10-26T02:00:00+01:00'));
  });

  it('is null when the only hours fall in the skipped hour and the week after is past the horizon', () => {
    const rows = [row(0, '02:00', '02:30')];
    expect(madrid('2025-03-22T12:00:00+01:00', rows)).toBe(at('2025-03-23T02:00:00+01:00'));
    expect(madrid('2025-03-23T02:31:00+01:00', rows)).toBeNull();
  });

  it('finds a row in a half-hour zone', () => {
    expect(nextOpening(WORKING_WEEK, 'Asia/Kolkata', at('2025-11-24T00:00:00Z'))).toBe(
      at('2025-11-24T09:00:00+05:30'),
    );
  });
});

describe('isOpen and nextOpening, against a minute-by-minute reading of the local clock', () => {
  // Rows placed on the hours that clocks skip or repeat in these zones, checked every minute
  // around each 2025 change against Intl's own reading of the wall clock.
  const rows = [
    row(0, '00:00', '00:20'),
    row(0, '00:40', '01:10'),
    row(0, '01:50', '02:10'),
    row(0, '02:40', '03:05'),
    row(5, '22:00', '24:00'),
    row(6, '00:00', '00:30'),
    row(6, '23:10', '23:40'),
  ];
  const oracle = (timeZone: string, instant: number) => {
    const { weekday, minutes } = localClock(timeZone, instant);
    return rows.some(
      (r) =>
        r.weekday === weekday &&
        parseTimeOfDay(r.from, 'no-end-of-day')! <= minutes &&
        minutes < parseTimeOfDay(r.to, 'end-of-day-allowed')!,
    );
  };
  const changes = [
    ['Europe/Madrid', '2025-03-30T01:00:00Z'],
    ['Europe/Madrid', '2025-10-26T01:00:00Z'],
    ['America/New_York', '2025-03-09T07:00:00Z'],
    ['America/New_York', '2025-11-02T06:00:00Z'],
    ['America/Havana', '2025-03-09T05:00:00Z'],
    ['America/Havana', '2025-11-02T05:00:00Z'],
    ['America/Santiago', '2025-04-06T03:00:00Z'],
    ['America/Santiago', '2025-09-07T04:00:00Z'],
  ] as const;

  it.each(changes)('agree in %s around %s', (timeZone, change) => {
    const from = at(change) - 6 * 60 * MINUTE;
    const samples = Array.from({ length: 12 * 60 }, (_, i) => from + i * MINUTE);
    const open = samples.map((t) => oracle(timeZone, t));
    expect(open).toContain(true);
    expect(open).toContain(false);
    samples.forEach((t, i) => {
      expect(isOpen(rows, timeZone, t), new Date(t).toISOString()).toBe(open[i]);
    });
    samples.forEach((t, i) => {
      const next = open.indexOf(true, i);
      if (next === -1) return;
      expect(nextOpening(rows, timeZone, t), new Date(t).toISOString()).toBe(samples[next]);
    });
  });
});
