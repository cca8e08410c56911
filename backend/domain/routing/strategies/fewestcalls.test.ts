import { describe, expect, it } from 'vitest';
import { decide } from '../strategies.ts';
import { candidate, routingInput } from '../test-support/candidate.ts';

describe('fewestcalls', () => {
  it('gives the work to the member who completed the fewest today', () => {
    const members = [
      candidate('A', 0, { completedToday: 4 }),
      candidate('B', 1, { completedToday: 1 }),
      candidate('C', 2, { completedToday: 2 }),
    ];
    expect(decide(routingInput('fewestcalls', members))).toMatchObject({ agentId: 'B' });
  });

  it('breaks ties by member order', () => {
    const members = [
      candidate('C', 2, { completedToday: 1 }),
      candidate('B', 1, { completedToday: 1 }),
      candidate('A', 0, { completedToday: 3 }),
    ];
    expect(decide(routingInput('fewestcalls', members))).toMatchObject({ agentId: 'B' });
  });

  it('passes over a member with fewer who is full, and anyone outside the best tier', () => {
    const members = [
      candidate('A', 0, { completedToday: 0, active: 2 }),
      candidate('B', 1, { completedToday: 0, penalty: 2 }),
      candidate('C', 2, { completedToday: 5 }),
    ];
    expect(decide(routingInput('fewestcalls', members))).toMatchObject({ agentId: 'C' });
  });
});
