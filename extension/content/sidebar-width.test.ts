import { describe, expect, it } from 'vitest';
import { clampWidth, DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH, widthAtPointer } from './sidebar-width.ts';

describe('sidebar width', () => {
  it('stays between 280 and 640 pixels, whole', () => {
    expect(clampWidth(100)).toBe(MIN_WIDTH);
    expect(clampWidth(5000)).toBe(MAX_WIDTH);
    expect(clampWidth(433.6)).toBe(434);
    expect([MIN_WIDTH, MAX_WIDTH]).toEqual([280, 640]);
  });

  it('falls back to the default for whatever else storage holds', () => {
    expect(clampWidth(undefined)).toBe(DEFAULT_WIDTH);
    expect(clampWidth('500')).toBe(DEFAULT_WIDTH);
    expect(clampWidth(Number.NaN)).toBe(DEFAULT_WIDTH);
  });

  it('follows the pointer from the right edge of the window', () => {
    expect(widthAtPointer(1280, 780)).toBe(500);
    expect(widthAtPointer(1280, 0)).toBe(MAX_WIDTH);
    expect(widthAtPointer(1280, 1270)).toBe(MIN_WIDTH);
  });
});
