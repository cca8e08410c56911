import { afterEach, describe, expect, it, vi } from 'vitest';
import { decide, HISTORY_READ, STRATEGIES } from './strategies.ts';
import { mulberry32 } from './test-support/mulberry32.ts';
import { type Scenario, scenario, shuffle } from './test-support/scenarios.ts';
import type { Candidate, Decision, NoneReason, RoutingInput, StrategyName } from './types.ts';

// What every strategy must keep, whatever it does to choose (STYLE.md §2, like hono's
// router/common.case.test.ts). The registry is iterated, so a strategy added to STRATEGIES is held
// to this contract without anyone remembering to add it here.

const SCENARIOS = Array.from({ length: 600 }, (_, i) => scenario(i + 1));

/** DOMAIN.md: penalty is a strict tier for every strategy except wrandom. */
const IGNORES_PENALTY_TIERS: ReadonlySet<StrategyName> = new Set(['wrandom']);

function run(strategy: StrategyName, s: Scenario, candidates: Candidate[] = s.candidates): Decision {
  const input: RoutingInput = {
    strategy,
    candidates,
    maxPerAgent: s.maxPerAgent,
    now: s.now,
    random: mulberry32(s.seed * 7919),
    cursor: s.cursor,
  };
  return decide(input);
}

// Written from DOMAIN.md again rather than imported, so that the suite checks eligibility.ts too.
const canTakeWork = (c: Candidate, max: number) => c.loggedIn && !c.onBreak && c.active < max;

function expectedReason(s: Scenario): NoneReason {
  if (s.candidates.length === 0) return 'no-members';
  const loggedIn = s.candidates.filter((c) => c.loggedIn);
  if (loggedIn.length === 0) return 'nobody-logged-in';
  if (loggedIn.every((c) => c.onBreak)) return 'all-on-break';
  return 'all-at-capacity';
}

function chosenIds(decision: Decision): string[] {
  if (decision.kind === 'assign') return [decision.agentId];
  if (decision.kind === 'offer') return decision.agentIds;
  return [];
}

function member(s: Scenario, agentId: string): Candidate {
  const found = s.candidates.find((c) => c.agentId === agentId);
  if (!found) throw new Error(`seed ${s.seed}: decision names ${agentId}, who is not a member`);
  return found;
}

describe('the generated scenarios', () => {
  it('cover every reason for routing to nobody, and real choices within a tier', () => {
    const seen = new Map<string, number>();
    const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
    for (const s of SCENARIOS) {
      const able = s.candidates.filter((c) => canTakeWork(c, s.maxPerAgent));
      if (able.length === 0) count(expectedReason(s));
      const lowest = Math.min(...able.map((c) => c.penalty));
      if (able.filter((c) => c.penalty === lowest).length > 1) count('several in the tier');
      if (able.some((c) => c.penalty > lowest)) count('someone below the tier');
    }
    for (const key of ['no-members', 'nobody-logged-in', 'all-on-break', 'all-at-capacity']) {
      expect(seen.get(key), key).toBeGreaterThanOrEqual(10);
    }
    expect(seen.get('several in the tier')).toBeGreaterThanOrEqual(60);
    expect(seen.get('someone below the tier')).toBeGreaterThanOrEqual(60);
  });
});

describe.each(Object.keys(STRATEGIES) as StrategyName[])('strategy contract: %s', (strategy) => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('only ever chooses members who are logged in, not on break and below the cap', () => {
    for (const s of SCENARIOS) {
      for (const id of chosenIds(run(strategy, s))) {
        const c = member(s, id);
        expect(c.loggedIn && !c.onBreak, `seed ${s.seed}: ${id}`).toBe(true);
        // Taking this one must not push the member over the cap.
        expect(c.active + 1, `seed ${s.seed}: ${id}`).toBeLessThanOrEqual(s.maxPerAgent);
      }
    }
  });

  it('routes to somebody whenever somebody can take work, and to nobody with the right reason otherwise', () => {
    for (const s of SCENARIOS) {
      const decision = run(strategy, s);
      if (s.candidates.some((c) => canTakeWork(c, s.maxPerAgent))) {
        expect(decision.kind, `seed ${s.seed}`).not.toBe('none');
        expect(chosenIds(decision).length, `seed ${s.seed}`).toBeGreaterThan(0);
      } else {
        expect(decision, `seed ${s.seed}`).toEqual({ kind: 'none', reason: expectedReason(s) });
      }
    }
  });

  it('keeps to the lowest penalty tier of those who can take work (wrandom: to anyone who can)', () => {
    for (const s of SCENARIOS) {
      const able = s.candidates.filter((c) => canTakeWork(c, s.maxPerAgent));
      const lowest = Math.min(...able.map((c) => c.penalty));
      for (const id of chosenIds(run(strategy, s))) {
        const c = member(s, id);
        if (IGNORES_PENALTY_TIERS.has(strategy)) expect(able).toContain(c);
        else expect(c.penalty, `seed ${s.seed}: ${id}`).toBe(lowest);
      }
    }
  });

  it('offers, when it offers, to exactly the lowest penalty tier in member order', () => {
    for (const s of SCENARIOS) {
      const decision = run(strategy, s);
      if (decision.kind !== 'offer') continue;
      const able = s.candidates.filter((c) => canTakeWork(c, s.maxPerAgent));
      const lowest = Math.min(...able.map((c) => c.penalty));
      const tier = able.filter((c) => c.penalty === lowest).sort((a, b) => a.position - b.position);
      expect(decision.agentIds, `seed ${s.seed}`).toEqual(tier.map((c) => c.agentId));
      expect(decision.cursor, `seed ${s.seed}`).toEqual(s.cursor);
    }
  });

  it('remembers in the cursor the member it assigned', () => {
    for (const s of SCENARIOS) {
      const decision = run(strategy, s);
      if (decision.kind === 'assign') expect(decision.cursor).toEqual({ lastAgentId: decision.agentId });
    }
  });

  it('decides the same for the same seed', () => {
    for (const s of SCENARIOS) {
      expect(run(strategy, s), `seed ${s.seed}`).toEqual(run(strategy, s));
    }
  });

  it('decides the same whatever order the members are listed in', () => {
    const reorder = mulberry32(99);
    for (const s of SCENARIOS) {
      expect(run(strategy, s, shuffle(s.candidates, reorder)), `seed ${s.seed}`).toEqual(run(strategy, s));
    }
  });

  it('reads no history beyond what HISTORY_READ declares (the router loads only that)', () => {
    const noise = mulberry32(7);
    const reads = new Set(HISTORY_READ[strategy]);
    for (const s of SCENARIOS) {
      const scrambled = s.candidates.map((c) => ({
        ...c,
        lastEndedAt: reads.has('lastEndedAt')
          ? c.lastEndedAt
          : noise() < 0.3
            ? null
            : Math.floor(noise() * 1e12),
        completedToday: reads.has('completedToday') ? c.completedToday : Math.floor(noise() * 50),
      }));
      expect(run(strategy, s, scrambled), `seed ${s.seed}`).toEqual(run(strategy, s));
    }
  });

  it('leaves its input untouched', () => {
    for (const s of SCENARIOS) {
      const before = structuredClone({ candidates: s.candidates, cursor: s.cursor });
      const listed = s.candidates.map((c) => c.agentId);
      run(strategy, s);
      expect({ candidates: s.candidates, cursor: s.cursor }).toEqual(before);
      expect(s.candidates.map((c) => c.agentId)).toEqual(listed);
    }
  });

  it('uses no clock or randomness of its own', () => {
    const mathRandom = vi.spyOn(Math, 'random');
    const dateNow = vi.spyOn(Date, 'now');
    for (const s of SCENARIOS) run(strategy, s);
    expect(mathRandom).not.toHaveBeenCalled();
    expect(dateNow).not.toHaveBeenCalled();
  });
});
