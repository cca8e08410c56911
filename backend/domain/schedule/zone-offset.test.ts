import { describe, expect, it } from 'vitest';
import { findOffsetChange, offsetAt } from './zone-offset.ts';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('offsetAt', () => {
  it("gives the zone's offset from UTC at the instant, including daylight saving time", () => {
    expect(offsetAt('Europe/Madrid', at('2025-01-15T12:00:00Z'))).toBe(HOUR);
    expect(offsetAt('Europe/Madrid', at('2025-07-15T12:00:00Z'))).toBe(2 * HOUR);
    expect(offsetAt('America/New_York', at('2025-01-15T12:00:00Z'))).toBe(-5 * HOUR);
    expect(offsetAt('Asia/Kolkata', at('2025-01-15T12:00:00.999Z'))).toBe(5.5 * HOUR);
    expect(offsetAt('UTC', at('1969-12-31T23:59:59.500Z'))).toBe(0);
  });

  it('throws RangeError for a zone Intl does not know', () => {
    expect(() => offsetAt('Mars/Olympus_Mons', 0)).toThrow(RangeError);
  });
});

describe('findOffsetChange', () => {
  it('finds the exact millisecond clocks change', () => {
    const spring = findOffsetChange('Europe/Madrid', at('2025-03-30T00:20:00Z'), at('2025-03-30T01:20:00Z'));
    expect(spring).toBe(at('2025-03-30T01:00:00Z'));
    const autumn = findOffsetChange(
      'America/New_York',
      at('2025-11-02T05:00:01Z'),
      at('2025-11-02T06:00:00Z'),
    );
    expect(autumn).toBe(at('2025-11-02T06:00:00Z'));
  });

  it('refuses a span with no change rather than return a made-up instant', () => {
    expect(() =>
      findOffsetChange('Europe/Madrid', at('2025-03-29T00:00:00Z'), at('2025-03-29T01:00:00Z')),
    ).toThrow(/does not change/);
  });
});
