import { describe, expect, it } from 'vitest';
import { decide } from '../strategies.ts';
import { candidate, routingInput } from '../test-support/candidate.ts';
import type { Candidate, RoutingCursor } from '../types.ts';

/** Routes `count` interactions in a row, carrying the cursor as the caller would. */
function rounds(members: Candidate[], count: number, cursor: RoutingCursor = {}): string[] {
  const picked: string[] = [];
  for (let i = 0; i < count; i++) {
    const decision = decide(routingInput('rrmemory', members, { cursor }));
    if (decision.kind !== 'assign') throw new Error(`expected an assignment, got ${decision.kind}`);
    picked.push(decision.agentId);
    cursor = decision.cursor;
  }
  return picked;
}

describe('rrmemory', () => {
  const a = candidate('A', 0);
  const b = candidate('B', 1);
  const c = candidate('C', 2);

  it('goes round the members in order, starting from the top', () => {
    expect(rounds([a, b, c], 7)).toEqual(['A', 'B', 'C', 'A', 'B', 'C', 'A']);
  });

  it('resumes after the member who got the previous interaction', () => {
    expect(rounds([a, b, c], 3, { lastAgentId: 'B' })).toEqual(['C', 'A', 'B']);
  });

  it('follows positions, not the order the members were listed in', () => {
    expect(rounds([c, a, b], 4)).toEqual(['A', 'B', 'C', 'A']);
  });

  it('skips a member who is full and comes back to them once they have room', () => {
    const fullB = { ...b, active: 2 };
    expect(rounds([a, fullB, c], 4)).toEqual(['A', 'C', 'A', 'C']);
    expect(rounds([a, b, c], 1, { lastAgentId: 'A' })).toEqual(['B']);
  });

  it('passes the turn to the next position when the last member is now on break or full', () => {
    expect(rounds([a, { ...b, onBreak: true }, c], 1, { lastAgentId: 'B' })).toEqual(['C']);
    expect(rounds([a, b, { ...c, active: 2 }], 1, { lastAgentId: 'C' })).toEqual(['A']);
  });

  it('resumes after a member of a worse tier who got the last one while the better tier was full', () => {
    const d = candidate('D', 3);
    const worse = { ...b, penalty: 1 };
    expect(rounds([a, worse, c, d], 2, { lastAgentId: 'B' })).toEqual(['C', 'D']);
  });

  it('starts again from the top when the last member has left the campaign or there is no memory', () => {
    expect(rounds([a, b, c], 1, { lastAgentId: 'gone' })).toEqual(['A']);
    expect(rounds([a, b, c], 1, { lastAgentId: null })).toEqual(['A']);
  });
});
