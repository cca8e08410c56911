import { describe, expect, it } from 'vitest';
import { JsonNumber, metaJson } from './meta-json.ts';

describe('metaJson', () => {
  it('escapes non-ASCII as lowercase \\uXXXX and "/" as "\\/", like Meta\'s signed payloads', () => {
    expect(metaJson({ s: 'äöå' })).toBe('{"s":"\\u00e4\\u00f6\\u00e5"}');
    expect(metaJson('https://x.y/z')).toBe('"https:\\/\\/x.y\\/z"');
    expect(metaJson('😀')).toBe('"\\ud83d\\ude00"');
  });

  it('parses back to the same value', () => {
    const value = { a: [1, 'ü/"\\\n\t', null, true], b: { c: -2.5 }, d: 'plain <ok> 100% @me' };
    expect(JSON.parse(metaJson(value))).toEqual(value);
    expect(metaJson(value)).toContain('plain <ok> 100% @me');
  });

  it('writes JsonNumber digits as a bare number, even past 2^53', () => {
    expect(metaJson({ app_id: new JsonNumber('12345678901234567') })).toBe('{"app_id":12345678901234567}');
    expect(() => new JsonNumber('1e5')).toThrow(TypeError);
  });

  it('drops undefined properties as JSON.stringify does', () => {
    expect(metaJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});
