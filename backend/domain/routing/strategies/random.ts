import { assignTo } from '../decision.ts';
import { draw } from '../random-draw.ts';
import type { Strategy } from '../types.ts';

/** Uniform over the tier: one draw from the caller's source, mapped onto member order. */
export const pick: Strategy = ({ tier, input }) =>
  assignTo(tier[Math.floor(draw(input.random) * tier.length)]!);
