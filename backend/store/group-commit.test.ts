import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.ts';

describe('groupCommit', () => {
  it('runs a lone request at once, and those that arrive meanwhile together, each with its own result', async () => {
    const runs: number[][] = [];
    let release: () => void = () => {};
    const double = groupCommit(async (items: number[]) => {
      runs.push(items);
      if (runs.length === 1) await new Promise<void>((r) => (release = r));
      return items.map((n) => n * 2);
    }, 3);
    const first = double(1);
    expect(runs).toEqual([[1]]);
    const later = [double(2), double(3), double(4), double(5)];
    release();
    expect(await Promise.all([first, ...later])).toEqual([2, 4, 6, 8, 10]);
    expect(runs).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('fails every request of a failed statement, and runs the next ones as usual', async () => {
    let fail = true;
    const run = groupCommit(async (items: string[]) => {
      if (fail) throw new Error('database went away');
      return items;
    }, 10);
    const failed = [run('a'), run('b')];
    await expect(failed[0]).rejects.toThrow('database went away');
    await expect(failed[1]).rejects.toThrow('database went away');
    fail = false;
    expect(await run('c')).toBe('c');
  });
});
