import { assignTo } from '../decision.ts';
import type { Candidate, Strategy } from '../types.ts';

/**
 * The member who has been without work of this campaign the longest: earliest `lastEndedAt`, and a
 * member who never had one before everybody. Ties go to member order (the tier is in that order and
 * only a strictly better member replaces the one found first).
 */
export const pick: Strategy = ({ tier }) =>
  assignTo(tier.reduce((best, c) => (restedLonger(c, best) ? c : best)));

function restedLonger(a: Candidate, b: Candidate): boolean {
  if (a.lastEndedAt === null) return b.lastEndedAt !== null;
  return b.lastEndedAt !== null && a.lastEndedAt < b.lastEndedAt;
}
