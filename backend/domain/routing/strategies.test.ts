import { describe, expect, it } from 'vitest';
import { decide } from './strategies.ts';
import { candidate, routingInput } from './test-support/candidate.ts';
import type { StrategyName } from './types.ts';

describe('decide', () => {
  it('routes to nobody, with the reason, before asking the strategy', () => {
    const members = [candidate('a', 0, { active: 2 }), candidate('b', 1, { onBreak: true })];
    expect(decide(routingInput('linear', members))).toEqual({ kind: 'none', reason: 'all-at-capacity' });
    expect(decide(routingInput('linear', []))).toEqual({ kind: 'none', reason: 'no-members' });
  });

  it('hands the strategy only the lowest penalty tier of those who can take work', () => {
    const members = [
      candidate('a', 0, { penalty: 0, onBreak: true }),
      candidate('b', 1, { penalty: 3 }),
      candidate('c', 2, { penalty: 1 }),
      candidate('d', 3, { penalty: 1 }),
    ];
    expect(decide(routingInput('ringall', members))).toMatchObject({ kind: 'offer', agentIds: ['c', 'd'] });
  });

  it('fails loudly on a strategy name it does not know, such as one left in stored settings', () => {
    const input = routingInput('roundrobin' as StrategyName, [candidate('a', 0)]);
    expect(() => decide(input)).toThrow(/Unknown routing strategy: roundrobin/);
    expect(() => decide(routingInput('toString' as StrategyName, [candidate('a', 0)]))).toThrow(RangeError);
  });
});
