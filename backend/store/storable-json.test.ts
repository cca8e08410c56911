import { describe, expect, it } from 'vitest';
import { storableJson } from './storable-json.ts';

describe('storableJson', () => {
  it('turns NUL and lone surrogate escapes into U+FFFD, and leaves everything else as it was', () => {
    const cases: [string, string][] = [
      ['"a\\u0000b"', '"a\\uFFFDb"'],
      ['"a\\\\u0000b"', '"a\\\\u0000b"'], // an escaped backslash, then plain text
      ['"a\\\\\\u0000b"', '"a\\\\\\uFFFDb"'],
      ['["\\u0000\\u0000"]', '["\\uFFFD\\uFFFD"]'],
      ['"\\ud83d\\ude00 ok"', '"\\ud83d\\ude00 ok"'], // a pair: 😀
      ['"\\ud800"', '"\\uFFFD"'],
      ['"\\ud800\\ud800\\udc00"', '"\\uFFFD\\ud800\\udc00"'],
      ['"\\udc00x"', '"\\uFFFDx"'],
      ['{"\\u0000":"\\u00e9\\n\\"\\/"}', '{"\\uFFFD":"\\u00e9\\n\\"\\/"}'],
      ['"\\u12"', '"\\u12"'], // not JSON: left for the parser to refuse
      ['{"u0000":1}', '{"u0000":1}'],
    ];
    for (const [json, storable] of cases) expect(storableJson(json), json).toBe(storable);
  });

  it('gives strings with no NUL and no lone surrogate once parsed', () => {
    const parsed = JSON.parse(storableJson('["\\u0000", "\\ud800x", "\\udfff", {"\\udbff": "\\u0000"}]'));
    const strings = JSON.stringify(parsed, (_k, v: unknown) => v);
    expect(strings).not.toMatch(/\\u0000|\\ud[89a-f]/i);
    expect(JSON.stringify(parsed).isWellFormed()).toBe(true);
  });
});
