import { describe, expect, it } from 'vitest';
import { decide } from '../strategies.ts';
import { candidate, routingInput } from '../test-support/candidate.ts';
import { mulberry32, sequence } from '../test-support/mulberry32.ts';

describe('random', () => {
  const members = [
    candidate('C', 2),
    candidate('A', 0),
    candidate('B', 1),
    candidate('X', 3, { penalty: 1 }),
  ];

  it('maps one draw onto the best tier in member order', () => {
    expect(decide(routingInput('random', members, { random: sequence(0) }))).toMatchObject({ agentId: 'A' });
    expect(decide(routingInput('random', members, { random: sequence(0.34) }))).toMatchObject({
      agentId: 'B',
    });
    expect(decide(routingInput('random', members, { random: sequence(0.999999) }))).toMatchObject({
      agentId: 'C',
    });
  });

  it('spreads the work evenly over the tier (10,000 seeded draws)', () => {
    const random = mulberry32(2026);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 10_000; i++) {
      const decision = decide(routingInput('random', members, { random }));
      if (decision.kind === 'assign') counts[decision.agentId] = (counts[decision.agentId] ?? 0) + 1;
    }
    // Expected 3,333 each; one standard deviation is about 47, so ±300 only fails on a real bias.
    expect(Object.keys(counts).sort()).toEqual(['A', 'B', 'C']);
    for (const id of ['A', 'B', 'C']) expect(counts[id]).toBeGreaterThan(3033);
    for (const id of ['A', 'B', 'C']) expect(counts[id]).toBeLessThan(3633);
  });

  it('refuses a random source outside [0, 1) instead of quietly biasing the choice', () => {
    expect(() => decide(routingInput('random', members, { random: () => 1 }))).toThrow(RangeError);
    expect(() => decide(routingInput('random', members, { random: () => Number.NaN }))).toThrow(RangeError);
    expect(() => decide(routingInput('random', members, { random: () => -0.1 }))).toThrow(RangeError);
  });
});
