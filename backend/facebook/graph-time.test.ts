import { describe, expect, it } from 'vitest';
import { epochMs, parseGraphTime } from './graph-time.ts';

describe('epochMs', () => {
  it('turns feed seconds into milliseconds', () => {
    expect(epochMs(1449135003, 's')).toBe(1449135003000);
  });

  it('keeps Messenger milliseconds as they are', () => {
    expect(epochMs(1458692752478, 'ms')).toBe(1458692752478);
  });

  it('reads a "seconds" value that is too large to be seconds as milliseconds', () => {
    // Meta's pages disagree about the unit of feed entry.time; year 47000 is never the answer.
    expect(epochMs(1458692752478, 's')).toBe(1458692752478);
  });

  it('accepts digit strings and ISO strings', () => {
    expect(epochMs('1449135003', 's')).toBe(1449135003000);
    expect(epochMs('2021-08-10T18:45:03+0000', 's')).toBe(Date.UTC(2021, 7, 10, 18, 45, 3));
  });

  it('drops fractions of a millisecond', () => {
    expect(epochMs(1449135003.5, 's')).toBe(1449135003500);
    expect(epochMs(1458692752478.9, 'ms')).toBe(1458692752478);
  });

  it('refuses negative, non-finite, non-numeric and out-of-range values', () => {
    for (const bad of [
      -1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      9e15,
      null,
      undefined,
      true,
      {},
      [],
      'soon',
      '',
    ]) {
      expect(epochMs(bad, 'ms'), String(bad)).toBeUndefined();
    }
  });
});

describe('parseGraphTime', () => {
  it('reads the +0000 offset Graph uses, which Date.parse need not accept', () => {
    expect(parseGraphTime('2023-07-14T10:45:55+0000')).toBe(Date.UTC(2023, 6, 14, 10, 45, 55));
  });

  it('applies offsets in every spelling, and Z', () => {
    const utc = Date.UTC(2023, 6, 14, 10, 45, 55);
    expect(parseGraphTime('2023-07-14T12:45:55+02:00')).toBe(utc);
    expect(parseGraphTime('2023-07-14T12:45:55+02')).toBe(utc);
    expect(parseGraphTime('2023-07-14T05:15:55-0530')).toBe(utc);
    expect(parseGraphTime('2023-07-14T10:45:55Z')).toBe(utc);
    expect(parseGraphTime('2023-07-14T10:45:55.250Z')).toBe(utc + 250);
  });

  it('refuses times without an offset, impossible dates and junk', () => {
    for (const bad of [
      '2023-07-14T10:45:55',
      '2021-02-30T00:00:00+0000',
      '2021-13-01T00:00:00+0000',
      '2021-01-01T24:00:00+0000',
      '2021-01-01T00:00:00+2500',
      '1969-12-31T23:59:59Z',
      '0050-01-01T00:00:00Z',
      'yesterday',
    ]) {
      expect(parseGraphTime(bad), bad).toBeUndefined();
    }
  });
});
