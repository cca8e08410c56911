import { assignTo } from '../decision.ts';
import type { Strategy } from '../types.ts';

/**
 * The member with the fewest interactions of this campaign completed today; ties go to member order
 * (the tier is in that order and only a strictly better member replaces the one found first).
 */
export const pick: Strategy = ({ tier }) =>
  assignTo(tier.reduce((best, c) => (c.completedToday < best.completedToday ? c : best)));
