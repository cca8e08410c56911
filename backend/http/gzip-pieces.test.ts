import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipPieces, KEEP_FROM_CHARS } from './gzip-pieces.ts';

describe('gzipPieces', () => {
  const big = (n: number, tag: string) =>
    `{"tag":"${tag}","rows":[${Array.from({ length: n }, (_, i) => `{"i":${i},"n":"Agénte ${i}"}`).join(',')}]}`;

  it('is one gzip stream of the pieces joined, whatever their sizes and characters', () => {
    const cases: string[][] = [
      [],
      ['{}'],
      ['{"a":', '1', '}'],
      ['[', big(300, 'one'), ',', big(5, 'small'), ',', big(2_000, 'two'), ']'],
      // A run of small pieces longer than a kept one, and text beyond one stored block (64 KB).
      ['[', ...Array.from({ length: 5_000 }, (_, i) => `${i ? ',' : ''}"ü${i}"`), ']'],
      ['"', 'x'.repeat(200_000), '"'],
    ];
    for (const pieces of cases) {
      const zipped = gzipPieces(pieces);
      expect(gunzipSync(zipped).toString(), String(pieces.length)).toBe(pieces.join(''));
    }
  });

  it('keeps the compressed bytes of large pieces: the same piece compresses to the same bytes again', () => {
    const kept = big(400, 'kept');
    expect(kept.length).toBeGreaterThan(KEEP_FROM_CHARS);
    const first = gzipPieces(['[', kept, ',', '1', ']']);
    const second = gzipPieces(['[', kept, ',', '2', ']']);
    expect(gunzipSync(first).toString()).toBe(`[${kept},1]`);
    expect(gunzipSync(second).toString()).toBe(`[${kept},2]`);
    // Compressed, not stored: far smaller than the text.
    expect(second.length).toBeLessThan(kept.length / 3);
  });
});
