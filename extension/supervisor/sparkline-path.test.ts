import { describe, expect, it } from 'vitest';
import { sparklinePath, yOf } from './sparkline-path.ts';

const scale = { width: 100, height: 20, tMin: 0, tMax: 100, vMin: 0, vMax: 100 };

describe('sparklinePath', () => {
  it('draws one line across the box, values upwards', () => {
    expect(
      sparklinePath(
        [
          { t: 0, v: 0 },
          { t: 50, v: 50 },
          { t: 100, v: 100 },
        ],
        scale,
      ),
    ).toBe('M0 20L50 10L100 0');
  });

  it('leaves a gap where a value is unknown, and shows a lone point as a dash', () => {
    expect(
      sparklinePath(
        [
          { t: 0, v: null },
          { t: 25, v: 100 },
          { t: 50, v: null },
          { t: 75, v: 0 },
          { t: 100, v: 0 },
        ],
        scale,
      ),
    ).toBe('M25 0h1M75 20L100 20');
  });

  it('clamps values and times outside the scale, and draws nothing for no points', () => {
    expect(yOf(150, scale)).toBe(0);
    expect(yOf(-5, scale)).toBe(20);
    expect(
      sparklinePath(
        [
          { t: -10, v: 50 },
          { t: 200, v: 50 },
        ],
        scale,
      ),
    ).toBe('M0 10L100 10');
    expect(sparklinePath([], scale)).toBe('');
  });

  it('copes with a flat scale (a queue that never had anyone)', () => {
    expect(yOf(0, { ...scale, vMax: 0 })).toBe(20);
  });
});
