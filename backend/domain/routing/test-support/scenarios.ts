import type { Candidate, RoutingCursor } from '../types.ts';
import { mulberry32 } from './mulberry32.ts';

/** A generated campaign state: everything a routing input needs except the strategy and random. */
export interface Scenario {
  seed: number;
  candidates: Candidate[];
  maxPerAgent: number;
  now: number;
  cursor: RoutingCursor;
}

const NOW = Date.parse('2026-11-24T12:00:00Z');

/**
 * A campaign state drawn from `seed`. The odds are tilted so that every way of having nobody to
 * route to (no members, all logged out, all on break, all full) shows up often, and so do penalty
 * ties, equal histories, members listed out of order, and cursors that point at someone gone.
 */
export function scenario(seed: number): Scenario {
  const rnd = mulberry32(seed);
  const int = (maxInclusive: number) => Math.floor(rnd() * (maxInclusive + 1));
  const oneOf = <T>(values: readonly T[]): T => values[int(values.length - 1)]!;

  const size = int(7);
  const maxPerAgent = 1 + int(2);
  const positions = shuffle(
    Array.from({ length: size }, (_, i) => i),
    rnd,
  );
  const candidates = positions.map(
    (position, i): Candidate => ({
      agentId: `agent-${i}`,
      penalty: oneOf([0, 0, 0, 0, 1, 5, 100]),
      position,
      loggedIn: rnd() < 0.75,
      onBreak: rnd() < 0.3,
      active: rnd() < 0.4 ? 0 : int(maxPerAgent + 1),
      lastEndedAt: rnd() < 0.3 ? null : NOW - oneOf([1, 60_000, 3_600_000, 3_600_000]),
      completedToday: int(4),
    }),
  );
  const cursor: RoutingCursor = oneOf<RoutingCursor>([
    {},
    { lastAgentId: null },
    { lastAgentId: 'agent-who-left' },
    ...candidates.map((c) => ({ lastAgentId: c.agentId })),
  ]);
  return { seed, candidates, maxPerAgent, now: NOW, cursor };
}

export function shuffle<T>(values: T[], rnd: () => number): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
