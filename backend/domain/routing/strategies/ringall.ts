import { offerTo } from '../decision.ts';
import type { Strategy } from '../types.ts';

/** Offer to every member of the tier at once, in member order; the first to accept takes it. */
export const pick: Strategy = ({ tier, input }) => offerTo(tier, input.cursor);
