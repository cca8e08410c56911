import { describe, expect, it } from 'vitest';
import { decide } from '../strategies.ts';
import { candidate, routingInput } from '../test-support/candidate.ts';

const at = (iso: string) => Date.parse(iso);

describe('leastrecent', () => {
  it('gives the work to the member whose last interaction ended longest ago', () => {
    const members = [
      candidate('A', 0, { lastEndedAt: at('2026-11-24T11:55:00Z') }),
      candidate('B', 1, { lastEndedAt: at('2026-11-24T10:00:00Z') }),
      candidate('C', 2, { lastEndedAt: at('2026-11-24T11:00:00Z') }),
    ];
    expect(decide(routingInput('leastrecent', members))).toMatchObject({ agentId: 'B' });
  });

  it('prefers a member who never had one over anyone who did', () => {
    const members = [
      candidate('A', 0, { lastEndedAt: at('2020-01-01T00:00:00Z') }),
      candidate('B', 1, { lastEndedAt: null }),
    ];
    expect(decide(routingInput('leastrecent', members))).toMatchObject({ agentId: 'B' });
  });

  it('breaks ties by member order', () => {
    const same = at('2026-11-24T10:00:00Z');
    const members = [candidate('B', 1, { lastEndedAt: same }), candidate('A', 0, { lastEndedAt: same })];
    expect(decide(routingInput('leastrecent', members))).toMatchObject({ agentId: 'A' });
    const neverUsed = [candidate('C', 2), candidate('B', 1)];
    expect(decide(routingInput('leastrecent', neverUsed))).toMatchObject({ agentId: 'B' });
  });

  it('looks only at the best penalty tier, however long a worse-tier member has waited', () => {
    const members = [
      candidate('A', 0, { lastEndedAt: at('2026-11-24T11:59:00Z') }),
      candidate('B', 1, { penalty: 1, lastEndedAt: null }),
    ];
    expect(decide(routingInput('leastrecent', members))).toMatchObject({ agentId: 'A' });
  });
});
