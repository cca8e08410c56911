import { describe, expect, it } from 'vitest';
import { bufferedLines } from './line-writer.ts';

describe('bufferedLines', () => {
  it('writes the lines of one turn together, in order, and the next turn apart', () => {
    const writes: string[] = [];
    const turns: (() => void)[] = [];
    const out = bufferedLines(
      (chunk) => writes.push(chunk),
      (flush) => turns.push(flush),
    );
    out.write('a\n');
    out.write('b\n');
    expect(writes).toEqual([]);
    expect(turns).toHaveLength(1);
    turns.shift()!();
    out.write('c\n');
    turns.shift()!();
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });

  it('writes what is still buffered when flushed (as at exit), once', () => {
    const writes: string[] = [];
    const out = bufferedLines(
      (chunk) => writes.push(chunk),
      () => {},
    );
    out.write('last words\n');
    out.flush();
    out.flush();
    expect(writes).toEqual(['last words\n']);
  });
});
