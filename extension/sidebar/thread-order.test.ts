import { describe, expect, it } from 'vitest';
import { message } from './sidebar-test-fixtures.ts';
import { threadOrder } from './thread-order.ts';

const at = (id: string, parentId: string | null) => message({ id, parentId });

describe('a comment thread in reading order', () => {
  it('puts each reply under its parent, oldest first, indented by depth', () => {
    const order = threadOrder([
      at('top', null),
      at('r1', 'top'),
      at('r2', 'top'),
      at('r1a', 'r1'),
      at('r1a1', 'r1a'),
      at('r1a1x', 'r1a1'),
    ]);
    expect(order.map((o) => `${o.message.id}:${o.depth}`)).toEqual([
      'top:0',
      'r1:1',
      'r1a:2',
      'r1a1:3',
      'r1a1x:3',
      'r2:1',
    ]);
  });

  it('keeps replies to an unknown parent, and survives a cycle', () => {
    expect(threadOrder([at('top', null), at('orphan', 'gone')]).map((o) => o.depth)).toEqual([0, 0]);
    expect(
      threadOrder([at('a', 'b'), at('b', 'a')])
        .map((o) => o.message.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });
});
