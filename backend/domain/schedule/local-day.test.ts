import { describe, expect, it } from 'vitest';
import { startOfLocalDay, startOfLocalDayUncached } from './local-day.ts';
import { localClock } from './test-support/local-clock.ts';

// 2025 dates: settled tz rules (see is-open.test.ts).
const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('startOfLocalDay', () => {
  it('is local midnight of the day holding the instant', () => {
    expect(startOfLocalDay(at('2025-11-24T15:30:00+01:00'), 'Europe/Madrid')).toBe(
      at('2025-11-24T00:00:00+01:00'),
    );
    expect(startOfLocalDay(at('2025-11-24T05:00:00+05:30'), 'Asia/Kolkata')).toBe(
      at('2025-11-24T00:00:00+05:30'),
    );
    expect(startOfLocalDay(at('2025-11-24T23:59:59.999Z'), 'UTC')).toBe(at('2025-11-24T00:00:00Z'));
  });

  it('starts a new day exactly at midnight, not a millisecond before', () => {
    const midnight = at('2025-11-25T00:00:00+01:00');
    expect(startOfLocalDay(midnight, 'Europe/Madrid')).toBe(midnight);
    expect(startOfLocalDay(midnight - 1, 'Europe/Madrid')).toBe(at('2025-11-24T00:00:00+01:00'));
  });

  it('gives the day clocks go forward its 23 hours and the day they go back its 25', () => {
    const spring = startOfLocalDay(at('2025-03-30T12:00:00+02:00'), 'Europe/Madrid');
    expect(spring).toBe(at('2025-03-30T00:00:00+01:00'));
    expect(startOfLocalDay(at('2025-03-31T12:00:00+02:00'), 'Europe/Madrid') - spring).toBe(23 * HOUR);

    const autumn = startOfLocalDay(at('2025-10-26T12:00:00+01:00'), 'Europe/Madrid');
    expect(autumn).toBe(at('2025-10-26T00:00:00+02:00'));
    expect(startOfLocalDay(at('2025-10-27T12:00:00+01:00'), 'Europe/Madrid') - autumn).toBe(25 * HOUR);
  });

  it('keeps the repeated hour in the day it belongs to', () => {
    expect(startOfLocalDay(at('2025-10-26T02:30:00+01:00'), 'Europe/Madrid')).toBe(
      at('2025-10-26T00:00:00+02:00'),
    );
    expect(startOfLocalDay(at('2025-11-02T01:30:00-05:00'), 'America/New_York')).toBe(
      at('2025-11-02T00:00:00-04:00'),
    );
    expect(startOfLocalDay(at('2025-03-09T10:00:00-04:00'), 'America/New_York')).toBe(
      at('2025-03-09T00:00:00-05:00'),
    );
  });

  it('starts at the first of two midnights when clocks go back over midnight (Havana)', () => {
    const first = at('2025-11-02T00:00:00-04:00');
    expect(startOfLocalDay(at('2025-11-02T12:00:00-05:00'), 'America/Havana')).toBe(first);
    expect(startOfLocalDay(at('2025-11-02T00:30:00-05:00'), 'America/Havana')).toBe(first);
  });

  it('starts at the jump when clocks skip midnight (Havana, Santiago)', () => {
    expect(startOfLocalDay(at('2025-03-09T12:00:00-04:00'), 'America/Havana')).toBe(
      at('2025-03-09T01:00:00-04:00'),
    );
    expect(startOfLocalDay(at('2025-09-07T12:00:00-03:00'), 'America/Santiago')).toBe(
      at('2025-09-07T01:00:00-03:00'),
    );
  });

  it('keeps an hour repeated just before midnight in its day (Santiago)', () => {
    expect(startOfLocalDay(at('2025-04-05T23:30:00-04:00'), 'America/Santiago')).toBe(
      at('2025-04-05T00:00:00-03:00'),
    );
    expect(startOfLocalDay(at('2025-04-06T00:30:00-04:00'), 'America/Santiago')).toBe(
      at('2025-04-06T00:00:00-04:00'),
    );
  });

  it.each([
    ['Europe/Madrid', '2025-03-30T01:00:00Z'],
    ['Europe/Madrid', '2025-10-26T01:00:00Z'],
    ['America/New_York', '2025-11-02T06:00:00Z'],
    ['America/Havana', '2025-03-09T05:00:00Z'],
    ['America/Havana', '2025-11-02T05:00:00Z'],
    ['America/Santiago', '2025-04-06T03:00:00Z'],
    ['America/Santiago', '2025-09-07T04:00:00Z'],
    ['Australia/Lord_Howe', '2025-04-05T15:00:00Z'],
  ] as const)('is, every 10 minutes around %s %s, the last change of local date', (timeZone, change) => {
    for (let t = at(change) - 30 * HOUR; t < at(change) + 30 * HOUR; t += 600_000) {
      const start = startOfLocalDay(t, timeZone);
      const today = localClock(timeZone, t).date;
      expect(start, new Date(t).toISOString()).toBeLessThanOrEqual(t);
      expect(localClock(timeZone, start).date, new Date(t).toISOString()).toBe(today);
      expect(localClock(timeZone, start - 1).date, new Date(t).toISOString()).not.toBe(today);
    }
  });

  it('throws RangeError for an unknown zone', () => {
    expect(() => startOfLocalDay(0, 'Europe/Atlantis')).toThrow(RangeError);
  });

  it('answers from the last day it found exactly as it computes, hour by hour across clock changes', () => {
    for (const zone of ['Europe/Madrid', 'America/New_York', 'America/Havana', 'America/Santiago', 'UTC']) {
      for (let t = at('2025-03-01T00:00:00Z'); t < at('2025-04-10T00:00:00Z'); t += HOUR - 61_000)
        expect(startOfLocalDay(t, zone), `${zone} ${new Date(t).toISOString()}`).toBe(
          startOfLocalDayUncached(t, zone),
        );
      // Going back in time, as a test's clock may.
      expect(startOfLocalDay(at('2025-03-02T12:00:00Z'), zone)).toBe(
        startOfLocalDayUncached(at('2025-03-02T12:00:00Z'), zone),
      );
    }
  });
});
