import type { Candidate } from './types.ts';

/**
 * Member order: by position, then by agent id so that the order (and so every decision) is total
 * and does not depend on the order the caller loaded the members in, even if positions collide.
 * Ids are compared by code unit, not by locale, for the same reason.
 */
export function byMemberOrder(a: Candidate, b: Candidate): number {
  if (a.position !== b.position) return a.position - b.position;
  if (a.agentId === b.agentId) return 0;
  return a.agentId < b.agentId ? -1 : 1;
}
