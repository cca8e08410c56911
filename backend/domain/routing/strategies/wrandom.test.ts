import { describe, expect, it } from 'vitest';
import { decide } from '../strategies.ts';
import { candidate, routingInput } from '../test-support/candidate.ts';
import { mulberry32, sequence } from '../test-support/mulberry32.ts';
import type { Candidate } from '../types.ts';

function share(members: Candidate[], draws: number, seed: number): Record<string, number> {
  const random = mulberry32(seed);
  const counts: Record<string, number> = {};
  for (let i = 0; i < draws; i++) {
    const decision = decide(routingInput('wrandom', members, { random }));
    if (decision.kind === 'assign') counts[decision.agentId] = (counts[decision.agentId] ?? 0) + 1;
  }
  return counts;
}

describe('wrandom', () => {
  it('lets every member draw in [0, (penalty + 1) · 1000), in member order, and the lowest wins', () => {
    const members = [candidate('B', 1, { penalty: 9 }), candidate('A', 0, { penalty: 0 })];
    // A draws 0.9 × 1000 = 900, B draws 0.05 × 10,000 = 500: the worse penalty wins this time.
    expect(decide(routingInput('wrandom', members, { random: sequence(0.9, 0.05) }))).toMatchObject({
      agentId: 'B',
    });
    // A draws 0.2 × 1000 = 200, B draws 0.05 × 10,000 = 500.
    expect(decide(routingInput('wrandom', members, { random: sequence(0.2, 0.05) }))).toMatchObject({
      agentId: 'A',
    });
  });

  it('breaks an equal draw by member order', () => {
    const members = [candidate('B', 1, { penalty: 1 }), candidate('A', 0, { penalty: 3 })];
    expect(decide(routingInput('wrandom', members, { random: sequence(0, 0) }))).toMatchObject({
      agentId: 'A',
    });
  });

  it('favours penalty 0 over penalty 9 about 19 to 1 (10,000 seeded draws)', () => {
    // X ~ U[0, 1000), Y ~ U[0, 10000): P(Y < X) = E[X] / 10000 = 500 / 10000 = 5 %.
    // Expected 9,500 : 500; one standard deviation is about 22 draws, so ±150 only fails on a bias.
    const counts = share([candidate('A', 0, { penalty: 0 }), candidate('B', 1, { penalty: 9 })], 10_000, 7);
    expect(counts.A).toBeGreaterThan(9350);
    expect(counts.B).toBeGreaterThan(350);
    expect(counts.B).toBeLessThan(650);
  });

  it('gives a penalty 1 member about a quarter against a penalty 0 one (10,000 seeded draws)', () => {
    // X ~ U[0, 1000), Y ~ U[0, 2000): P(Y < X) = E[X] / 2000 = 25 %; σ ≈ 43 draws.
    const counts = share([candidate('A', 0, { penalty: 0 }), candidate('B', 1, { penalty: 1 })], 10_000, 11);
    expect(counts.B).toBeGreaterThan(2300);
    expect(counts.B).toBeLessThan(2700);
  });

  it('never draws for a member who cannot take work', () => {
    const members = [
      candidate('A', 0, { active: 2 }),
      candidate('B', 1, { onBreak: true }),
      candidate('C', 2, { penalty: 50 }),
    ];
    // One draw planned: a second one would mean a member who cannot take work took part.
    expect(decide(routingInput('wrandom', members, { random: sequence(0.5) }))).toMatchObject({
      agentId: 'C',
    });
  });
});
