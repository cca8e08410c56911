import { afterEach, describe, expect, it } from 'vitest';
import { dayAfter, localDate, localMidnight } from './local-dates.ts';

const saved = process.env.TZ;
afterEach(() => {
  process.env.TZ = saved;
});

describe('local dates', () => {
  it("sends the start of a day in the browser's zone, with its offset", () => {
    process.env.TZ = 'America/Lima';
    expect(localMidnight('2026-11-24')).toBe('2026-11-24T00:00:00-05:00');
    process.env.TZ = 'Asia/Kolkata';
    expect(localMidnight('2026-11-24')).toBe('2026-11-24T00:00:00+05:30');
  });

  it('follows summer time: the offset of that day, not of today', () => {
    process.env.TZ = 'Europe/Madrid';
    expect(localMidnight('2026-01-15')).toBe('2026-01-15T00:00:00+01:00');
    expect(localMidnight('2026-07-15')).toBe('2026-07-15T00:00:00+02:00');
  });

  it('starts a day whose midnight was skipped by a DST jump at its first minute', () => {
    // Brazil moved its clocks from 00:00 to 01:00 on 4 November 2018.
    process.env.TZ = 'America/Sao_Paulo';
    expect(localMidnight('2018-11-04')).toBe('2018-11-04T01:00:00-02:00');
  });

  it('refuses what is not a calendar date', () => {
    expect(localMidnight('2026-02-30')).toBeNull();
    expect(localMidnight('24/11/2026')).toBeNull();
    expect(localMidnight('')).toBeNull();
  });

  it('finds the day after, across months and years', () => {
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('nope')).toBeNull();
  });

  it("says today's date here", () => {
    process.env.TZ = 'America/Lima';
    expect(localDate(Date.parse('2026-11-25T03:00:00Z'))).toBe('2026-11-24');
  });
});
