import { eligibleCandidates, lowestPenaltyTier, noneReason } from './eligibility.ts';
import { pick as fewestcalls } from './strategies/fewestcalls.ts';
import { pick as leastrecent } from './strategies/leastrecent.ts';
import { pick as linear } from './strategies/linear.ts';
import { pick as random } from './strategies/random.ts';
import { pick as ringall } from './strategies/ringall.ts';
import { pick as rrmemory } from './strategies/rrmemory.ts';
import { pick as wrandom } from './strategies/wrandom.ts';
import type { Decision, RoutingInput, Strategy, StrategyName } from './types.ts';

/** Every strategy by name. The contract suite runs each entry, so a new one is checked on arrival. */
export const STRATEGIES: Readonly<Record<StrategyName, Strategy>> = {
  ringall,
  leastrecent,
  fewestcalls,
  random,
  rrmemory,
  linear,
  wrandom,
};

/**
 * The history each strategy reads beyond presence, load, penalty and position. Loading it costs a
 * look at every member's past work, so the router loads only what the campaign's strategy reads;
 * the contract suite checks that a strategy decides the same whatever the fields it leaves out hold.
 */
export const HISTORY_READ: Readonly<Record<StrategyName, readonly ('lastEndedAt' | 'completedToday')[]>> = {
  ringall: [],
  leastrecent: ['lastEndedAt'],
  fewestcalls: ['completedToday'],
  random: [],
  rrmemory: [],
  linear: [],
  wrandom: [],
};

/**
 * Who gets the next interaction of a campaign. Eligibility, the `none` reason and the penalty tier
 * are decided here once, so a strategy only chooses among members who can take the work.
 * The input is not modified; the returned cursor is for the caller to store once the decision holds.
 */
export function decide(input: RoutingInput): Decision {
  // The name comes from stored campaign settings; a stale one must fail loudly, not route to nobody.
  if (!Object.hasOwn(STRATEGIES, input.strategy)) {
    throw new RangeError(`Unknown routing strategy: ${String(input.strategy)}`);
  }
  const eligible = eligibleCandidates(input.candidates, input.maxPerAgent);
  if (eligible.length === 0) return { kind: 'none', reason: noneReason(input.candidates) };
  return STRATEGIES[input.strategy]({ tier: lowestPenaltyTier(eligible), eligible, input });
}
