import { describe, expect, it } from 'vitest';
import { decide } from '../strategies.ts';
import { candidate, routingInput } from '../test-support/candidate.ts';

describe('ringall', () => {
  it('offers to every member of the best tier who can take work, in member order', () => {
    const members = [
      candidate('C', 2),
      candidate('A', 0),
      candidate('B', 1, { active: 2 }),
      candidate('D', 3, { penalty: 1 }),
      candidate('E', 4, { onBreak: true }),
    ];
    expect(decide(routingInput('ringall', members)).kind).toBe('offer');
    expect(decide(routingInput('ringall', members))).toMatchObject({ agentIds: ['A', 'C'] });
  });

  it('offers to the next tier when the best one has nobody with room', () => {
    const members = [candidate('A', 0, { active: 2 }), candidate('B', 1, { penalty: 4 })];
    expect(decide(routingInput('ringall', members))).toMatchObject({ agentIds: ['B'] });
  });

  it('leaves the cursor as it was: who takes the offer is only known when one accepts', () => {
    const decision = decide(routingInput('ringall', [candidate('A', 0)], { cursor: { lastAgentId: 'Z' } }));
    expect(decision).toEqual({ kind: 'offer', agentIds: ['A'], cursor: { lastAgentId: 'Z' } });
  });
});
