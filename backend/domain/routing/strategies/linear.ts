import { assignTo } from '../decision.ts';
import type { Strategy } from '../types.ts';

/**
 * Always the first member of the tier by position: the list is filled from the top, and the next
 * member only gets work while everyone above is full, on break or logged out.
 */
export const pick: Strategy = ({ tier }) => assignTo(tier[0]!);
