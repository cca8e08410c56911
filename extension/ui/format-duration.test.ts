import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.ts';

describe('formatDuration', () => {
  it('reads at a glance at every scale, never negative', () => {
    expect(formatDuration(-5)).toBe('0s');
    expect(formatDuration(42_000)).toBe('42s');
    expect(formatDuration(185_000)).toBe('3m 05s');
    expect(formatDuration((2 * 60 + 7) * 60_000)).toBe('2h 07m');
    expect(formatDuration(50 * 3600_000)).toBe('2d 2h');
  });
});
