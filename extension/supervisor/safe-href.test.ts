import { describe, expect, it } from 'vitest';
import { safeHref } from './safe-href.ts';

describe('safeHref', () => {
  it('keeps http and https links', () => {
    expect(safeHref('https://cdn.example.test/a.png')).toBe('https://cdn.example.test/a.png');
    expect(safeHref('http://example.test')).toBe('http://example.test/');
  });

  it('drops anything else', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref(undefined)).toBeNull();
  });
});
