import { describe, expect, it } from 'vitest';
import { httpUrl } from './safe-url.ts';

describe('URLs from content', () => {
  it('keeps absolute http(s) URLs and refuses every other scheme', () => {
    expect(httpUrl('https://scontent.example/p.jpg?x=1')).toBe('https://scontent.example/p.jpg?x=1');
    expect(httpUrl('http://example.test/a')).toBe('http://example.test/a');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<b>',
      '/relative',
      '',
      null,
      undefined,
    ])
      expect(httpUrl(bad)).toBeNull();
  });
});
