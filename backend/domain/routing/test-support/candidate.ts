import type { Candidate, RoutingInput, StrategyName } from '../types.ts';

/** An available member with nothing open and no history; override what the example is about. */
export function candidate(agentId: string, position: number, overrides: Partial<Candidate> = {}): Candidate {
  return {
    agentId,
    penalty: 0,
    position,
    loggedIn: true,
    onBreak: false,
    active: 0,
    lastEndedAt: null,
    completedToday: 0,
    ...overrides,
  };
}

/** A routing input with defaults that make nothing happen by accident: no random draws allowed. */
export function routingInput(
  strategy: StrategyName,
  candidates: Candidate[],
  overrides: Partial<RoutingInput> = {},
): RoutingInput {
  return {
    strategy,
    candidates,
    maxPerAgent: 2,
    now: Date.parse('2026-11-24T12:00:00Z'),
    random: () => {
      throw new Error('this example did not expect a random draw');
    },
    cursor: {},
    ...overrides,
  };
}
