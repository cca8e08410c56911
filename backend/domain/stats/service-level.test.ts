import { describe, expect, it } from 'vitest';
import { serviceLevel } from './service-level.ts';

describe('serviceLevel', () => {
  it('divides the answered within target by answered plus abandoned, and shows the formula', () => {
    // 12 / (15 + 3) = 12 / 18 = 66.666… % → 66.7 %.
    expect(
      serviceLevel({ answered: 15, answeredWithinSl: 12, abandoned: 3, serviceLevelSeconds: 30 }),
    ).toEqual({
      pct: 66.7,
      formula: '12 answered within 30 s / (15 answered + 3 abandoned) = 66.7 %',
    });
  });

  it('rounds to the one decimal the formula shows', () => {
    // 1 / 16 = 6.25 % → 6.3 %; 5 / 5 = 100 % → "100.0 %".
    expect(
      serviceLevel({ answered: 16, answeredWithinSl: 1, abandoned: 0, serviceLevelSeconds: 20 }).pct,
    ).toBe(6.3);
    expect(
      serviceLevel({ answered: 5, answeredWithinSl: 5, abandoned: 0, serviceLevelSeconds: 20 }).formula,
    ).toBe('5 answered within 20 s / (5 answered + 0 abandoned) = 100.0 %');
  });

  it('is 0 % when only abandoned interactions count', () => {
    // 0 / (0 + 4) = 0 %.
    expect(
      serviceLevel({ answered: 0, answeredWithinSl: 0, abandoned: 4, serviceLevelSeconds: 30 }).pct,
    ).toBe(0);
  });

  it('is null, never NaN, when nothing was answered or abandoned', () => {
    expect(serviceLevel({ answered: 0, answeredWithinSl: 0, abandoned: 0, serviceLevelSeconds: 30 })).toEqual(
      {
        pct: null,
        formula: '0 answered within 30 s / (0 answered + 0 abandoned) = n/a',
      },
    );
  });
});
