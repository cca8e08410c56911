import { describe, expect, it } from 'vitest';
import { isolateText } from './isolate-text.ts';

describe('isolateText', () => {
  it('leaves left-to-right names as they are', () => {
    for (const name of ['Ana Agent', 'Zoë <b>', '👩🏽‍💻 Dora', '']) expect(isolateText(name)).toBe(name);
  });

  it('wraps a name holding a bidi override or right-to-left letters in FSI … PDI', () => {
    expect(isolateText('Ana\u202Etnega')).toBe('\u2068Ana\u202Etnega\u2069');
    expect(isolateText('שרה')).toBe('\u2068שרה\u2069');
    expect(isolateText('محمد')).toBe('\u2068محمد\u2069');
  });

  it("balances the name's own isolates so that ours ends where the name does", () => {
    // An isolate left open is closed before ours; a stray PDI, which would close ours, is dropped.
    expect(isolateText('a\u2067b')).toBe('\u2068a\u2067b\u2069\u2069');
    expect(isolateText('a\u2069\u202Eb')).toBe('\u2068a\u202Eb\u2069');
    expect(isolateText('\u2066x\u2069y')).toBe('\u2068\u2066x\u2069y\u2069');
  });
});
