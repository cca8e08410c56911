import { byMemberOrder } from './member-order.ts';
import type { Candidate, NoneReason } from './types.ts';

/** DOMAIN.md: a member may take work when logged in, not on break, and below the campaign's cap. */
export function isEligible(candidate: Candidate, maxPerAgent: number): boolean {
  return candidate.loggedIn && !candidate.onBreak && candidate.active < maxPerAgent;
}

/** The eligible members, in member order. */
export function eligibleCandidates(candidates: readonly Candidate[], maxPerAgent: number): Candidate[] {
  return candidates.filter((c) => isEligible(c, maxPerAgent)).sort(byMemberOrder);
}

/**
 * Penalty is a strict tier (as in Asterisk): only the eligible members with the lowest penalty are
 * considered; a higher-penalty member gets work only while nobody better has room. Keeps the order.
 */
export function lowestPenaltyTier(eligible: readonly Candidate[]): Candidate[] {
  const lowest = Math.min(...eligible.map((c) => c.penalty));
  return eligible.filter((c) => c.penalty === lowest);
}

/**
 * Why nobody can take work, for a campaign with no eligible member. The most specific reason wins,
 * so a supervisor knows what to fix: with someone logged in and not on break, the cap is what
 * blocks; with everyone logged in on break, the breaks are.
 */
export function noneReason(candidates: readonly Candidate[]): NoneReason {
  if (candidates.length === 0) return 'no-members';
  const loggedIn = candidates.filter((c) => c.loggedIn);
  if (loggedIn.length === 0) return 'nobody-logged-in';
  if (loggedIn.every((c) => c.onBreak)) return 'all-on-break';
  return 'all-at-capacity';
}
