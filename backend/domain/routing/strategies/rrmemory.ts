import { assignTo } from '../decision.ts';
import { byMemberOrder } from '../member-order.ts';
import type { Strategy } from '../types.ts';

/**
 * Round robin over the tier in member order, resuming after the member who got the previous
 * interaction (`cursor.lastAgentId`) and wrapping to the top.
 *
 * The cursor only holds an id, so the place to resume is found among all members, eligible or not:
 * if the last one is now full, on break or in a worse tier, the turn passes to the next member after
 * their position. If they are no longer a member at all (or there is no cursor yet), there is no
 * place to resume from and the round starts again from the top.
 */
export const pick: Strategy = ({ tier, input }) => {
  const lastId = input.cursor.lastAgentId;
  const last = lastId == null ? undefined : input.candidates.find((c) => c.agentId === lastId);
  if (last === undefined) return assignTo(tier[0]!);
  return assignTo(tier.find((c) => byMemberOrder(c, last) > 0) ?? tier[0]!);
};
