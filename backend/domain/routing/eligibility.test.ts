import { describe, expect, it } from 'vitest';
import { eligibleCandidates, isEligible, lowestPenaltyTier, noneReason } from './eligibility.ts';
import { candidate } from './test-support/candidate.ts';

describe('isEligible', () => {
  it('takes a member who is logged in, not on break, and below the cap', () => {
    expect(isEligible(candidate('a', 0, { active: 1 }), 2)).toBe(true);
  });

  it('refuses a member at the cap, over it, logged out, or on break', () => {
    expect(isEligible(candidate('a', 0, { active: 2 }), 2)).toBe(false);
    expect(isEligible(candidate('a', 0, { active: 3 }), 2)).toBe(false);
    expect(isEligible(candidate('a', 0, { loggedIn: false }), 2)).toBe(false);
    expect(isEligible(candidate('a', 0, { onBreak: true }), 2)).toBe(false);
  });

  it('refuses everybody when the cap is zero', () => {
    expect(isEligible(candidate('a', 0), 0)).toBe(false);
  });
});

describe('eligibleCandidates', () => {
  it('keeps only those who can take work, in member order whatever order they came in', () => {
    const list = [
      candidate('c', 2),
      candidate('x', 3, { onBreak: true }),
      candidate('a', 0),
      candidate('b', 1, { active: 2 }),
    ];
    expect(eligibleCandidates(list, 2).map((c) => c.agentId)).toEqual(['a', 'c']);
  });

  it('orders members who share a position by agent id, so the result never depends on load order', () => {
    const list = [candidate('b', 0), candidate('a', 0)];
    expect(eligibleCandidates(list, 1).map((c) => c.agentId)).toEqual(['a', 'b']);
    expect(eligibleCandidates([...list].reverse(), 1).map((c) => c.agentId)).toEqual(['a', 'b']);
  });
});

describe('lowestPenaltyTier', () => {
  it('keeps only the members with the lowest penalty, in the order given', () => {
    const tier = lowestPenaltyTier([
      candidate('a', 0, { penalty: 5 }),
      candidate('b', 1, { penalty: 2 }),
      candidate('c', 2, { penalty: 2 }),
      candidate('d', 3, { penalty: 100 }),
    ]);
    expect(tier.map((c) => c.agentId)).toEqual(['b', 'c']);
  });
});

describe('noneReason', () => {
  it('says there are no members when the campaign has none', () => {
    expect(noneReason([])).toBe('no-members');
  });

  it('says nobody is logged in, even if a logged-out member still has a break set', () => {
    expect(noneReason([candidate('a', 0, { loggedIn: false, onBreak: true })])).toBe('nobody-logged-in');
  });

  it('says all are on break when every logged-in member is, whoever is logged out', () => {
    const members = [candidate('a', 0, { onBreak: true }), candidate('b', 1, { loggedIn: false })];
    expect(noneReason(members)).toBe('all-on-break');
  });

  it('says all are at capacity when someone is available but full, even if others are on break', () => {
    const members = [candidate('a', 0, { onBreak: true }), candidate('b', 1, { active: 2 })];
    expect(noneReason(members)).toBe('all-at-capacity');
  });
});
