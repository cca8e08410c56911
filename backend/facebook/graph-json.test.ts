import { describe, expect, it } from 'vitest';
import { idString, parseGraphJson, quoteLongIntegers } from './graph-json.ts';

describe('parseGraphJson', () => {
  it('keeps 17-digit ids exact by turning them into strings', () => {
    const parsed = parseGraphJson('{"id": 12345678901234567, "time": 1458692752478}') as Record<
      string,
      unknown
    >;
    expect(parsed.id).toBe('12345678901234567');
    // 13-digit millisecond timestamps stay numbers.
    expect(parsed.time).toBe(1458692752478);
  });

  it('never touches digits inside strings, including escaped quotes', () => {
    const text =
      '{"m":"call 12345678901234567 \\"99999999999999999\\"","n":[1,-2,3.5e20,12345678901234567890]}';
    const parsed = parseGraphJson(text) as { m: string; n: unknown[] };
    expect(parsed.m).toBe('call 12345678901234567 "99999999999999999"');
    expect(parsed.n).toEqual([1, -2, 3.5e20, '12345678901234567890']);
  });

  it('leaves text without long integers as it was', () => {
    const text = '{"a":1,"b":"x"}';
    expect(quoteLongIntegers(text)).toBe(text);
  });

  it('still rejects malformed JSON', () => {
    expect(() => parseGraphJson('{"a": 12345678901234567')).toThrow(SyntaxError);
  });
});

describe('idString', () => {
  it('accepts strings and safe integers, refuses the rest', () => {
    expect(idString('123')).toBe('123');
    expect(idString(123)).toBe('123');
    expect(idString(1.5)).toBeUndefined();
    expect(idString(-1)).toBeUndefined();
    expect(idString('')).toBeUndefined();
    expect(idString(null)).toBeUndefined();
  });
});
