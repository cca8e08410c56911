import { assignTo } from '../decision.ts';
import { draw } from '../random-draw.ts';
import type { Candidate, Strategy } from '../types.ts';

/**
 * Random weighted by penalty, over every eligible member (no strict tier): each draws in
 * [0, (penalty + 1) · 1000) and the lowest draw wins, so a penalty 9 member still gets some work
 * beside a penalty 0 one (about 1 in 20). The scale of 1000 is Asterisk's; it does not change who
 * wins. Members draw in member order, one draw each, so a seeded source gives the same result;
 * a tie goes to member order.
 */
export const pick: Strategy = ({ eligible, input }) => {
  let winner: Candidate = eligible[0]!;
  let lowest = Number.POSITIVE_INFINITY;
  for (const candidate of eligible) {
    const value = draw(input.random) * (candidate.penalty + 1) * 1000;
    if (value < lowest) {
      winner = candidate;
      lowest = value;
    }
  }
  return assignTo(winner);
};
