import { describe, expect, it } from 'vitest';
import { decide } from '../strategies.ts';
import { candidate, routingInput } from '../test-support/candidate.ts';

describe('linear', () => {
  it('always gives the work to the first member while they have room, then to the next', () => {
    const b = candidate('B', 1);
    const c = candidate('C', 2);
    for (const active of [0, 1]) {
      const a = candidate('A', 0, { active });
      expect(decide(routingInput('linear', [c, b, a], { cursor: { lastAgentId: 'A' } }))).toMatchObject({
        agentId: 'A',
      });
    }
    const fullA = candidate('A', 0, { active: 2 });
    expect(decide(routingInput('linear', [c, b, fullA]))).toMatchObject({ agentId: 'B' });
  });

  it('goes down the list past members on break or logged out', () => {
    const members = [
      candidate('A', 0, { onBreak: true }),
      candidate('B', 1, { loggedIn: false }),
      candidate('C', 2),
    ];
    expect(decide(routingInput('linear', members))).toMatchObject({ agentId: 'C' });
  });

  it('takes the first member of the best penalty tier, not the first of the list', () => {
    const members = [candidate('A', 0, { penalty: 1 }), candidate('B', 1), candidate('C', 2)];
    expect(decide(routingInput('linear', members))).toEqual({
      kind: 'assign',
      agentId: 'B',
      cursor: { lastAgentId: 'B' },
    });
  });
});
