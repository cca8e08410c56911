import type { Candidate, Decision, RoutingCursor } from './types.ts';

/**
 * Assign to one member. The cursor always remembers who got the interaction, whatever the strategy,
 * so that a campaign switched to rrmemory resumes after the member who really got the last one.
 */
export function assignTo(candidate: Candidate): Decision {
  return { kind: 'assign', agentId: candidate.agentId, cursor: { lastAgentId: candidate.agentId } };
}

/**
 * Offer to several members at once (ringall). Who takes it is only known when one accepts, so the
 * cursor is left as it was; the caller records the member who accepted.
 */
export function offerTo(candidates: readonly Candidate[], cursor: RoutingCursor): Decision {
  return { kind: 'offer', agentIds: candidates.map((c) => c.agentId), cursor: { ...cursor } };
}
