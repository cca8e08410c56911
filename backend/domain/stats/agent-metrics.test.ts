import { describe, expect, it } from 'vitest';
import { agentMembers, agentMetrics, agentTallies } from './agent-metrics.ts';
import { at, DAY_START, interaction } from './test-fixtures.ts';

const NOW = at(3600);

/** Agent A's day at 01:00 (3600 s after midnight), with a few interactions that must not count. */
const INTERACTIONS = [
  // Held by A: one comment thread, two chats.
  interaction(
    'fb1',
    [
      ['queued', 3000],
      ['assigned', 3010, 'A'],
      ['answered', 3020, 'A'],
    ],
    'facebook',
  ),
  interaction(
    'ms1',
    [
      ['queued', 3100],
      ['assigned', 3110, 'A'],
    ],
    'messenger',
  ),
  interaction(
    'ms2',
    [
      ['queued', 3200],
      ['assigned', 3210, 'A'],
      ['answered', 3215, 'A'],
    ],
    'messenger',
  ),
  // Completed by A today, at exactly midnight (the day includes its first millisecond) and later.
  interaction(
    'done1',
    [
      ['queued', -100],
      ['assigned', -90, 'A'],
      ['completed', 0, 'A'],
    ],
    'facebook',
  ),
  interaction(
    'done2',
    [
      ['queued', 100],
      ['assigned', 110, 'A'],
      ['completed', 500, 'A'],
    ],
    'messenger',
  ),
  // Completed by A a millisecond before midnight: yesterday's.
  interaction(
    'old',
    [
      ['queued', -100],
      ['assigned', -90, 'A'],
      ['completed', -0.001, 'A'],
    ],
    'facebook',
  ),
  // Held by B: not A's.
  interaction(
    'b1',
    [
      ['queued', 3000],
      ['assigned', 3005, 'B'],
    ],
    'facebook',
  ),
  // Taken from A when A logged out, waiting again: A was its last agent, but A does not hold it.
  interaction(
    'back',
    [
      ['queued', 3300],
      ['assigned', 3310, 'A'],
      ['queued', 3400, null],
    ],
    'messenger',
  ),
];

describe('agentMetrics', () => {
  it("counts the agent's active chats by channel, completed today and time in status", () => {
    expect(
      agentMetrics({
        agentId: 'A',
        status: 'busy',
        statusSince: at(3475),
        interactions: INTERACTIONS,
        now: NOW,
        dayStart: DAY_START,
      }),
    ).toEqual({
      agentId: 'A',
      status: 'busy',
      // 3600 − 3475 = 125 s.
      timeInStatusMs: 125_000,
      // fb1; ms1 and ms2 (b1 is B's, back is in the queue).
      activeByChannel: { facebook: 1, messenger: 2 },
      active: 3,
      // done1 (at midnight) and done2; old was completed 1 ms before midnight.
      completedToday: 2,
    });
  });

  it('counts an active interaction of unknown channel in the total only', () => {
    const unknown = interaction('u1', [
      ['queued', 10],
      ['assigned', 20, 'A'],
    ]);
    const metrics = agentMetrics({
      agentId: 'A',
      status: 'available',
      statusSince: at(0),
      interactions: [unknown],
      now: NOW,
      dayStart: DAY_START,
    });
    expect(metrics).toMatchObject({ activeByChannel: { facebook: 0, messenger: 0 }, active: 1 });
  });

  it('never shows a negative time in status when the change is stamped after now', () => {
    const metrics = agentMetrics({
      agentId: 'A',
      status: 'break',
      statusSince: NOW + 800,
      interactions: [],
      now: NOW,
      dayStart: DAY_START,
    });
    expect(metrics).toEqual({
      agentId: 'A',
      status: 'break',
      timeInStatusMs: 0,
      activeByChannel: { facebook: 0, messenger: 0 },
      active: 0,
      completedToday: 0,
    });
  });
});

describe('agentMembers', () => {
  it('lists the interactions behind each number, oldest first', () => {
    const members = agentMembers({
      agentId: 'A',
      status: 'busy',
      statusSince: at(0),
      interactions: INTERACTIONS,
      now: NOW,
      dayStart: DAY_START,
    });
    const ids = (list: readonly { id: string }[]) => list.map((i) => i.id);
    expect(ids(members.active)).toEqual(['fb1', 'ms1', 'ms2']);
    expect(ids(members.activeFacebook)).toEqual(['fb1']);
    expect(ids(members.activeMessenger)).toEqual(['ms1', 'ms2']);
    expect(ids(members.completedToday)).toEqual(['done1', 'done2']);
  });
});

describe('agentMetrics and agentTallies beside agentMembers', () => {
  it('count what agentMembers lists, for every agent at every instant', () => {
    for (const agentId of ['A', 'B', 'nobody'])
      for (let seconds = 0; seconds <= 3600; seconds += 15) {
        const input = {
          agentId,
          status: 'busy' as const,
          statusSince: at(0),
          interactions: INTERACTIONS,
          now: at(seconds),
          dayStart: DAY_START,
        };
        const members = agentMembers(input);
        const counts = {
          active: members.active.length,
          activeByChannel: {
            facebook: members.activeFacebook.length,
            messenger: members.activeMessenger.length,
          },
          completedToday: members.completedToday.length,
        };
        expect(agentMetrics(input), `${agentId} at ${seconds}`).toMatchObject(counts);
        const tally = agentTallies(INTERACTIONS, input.now, DAY_START).get(agentId);
        if (agentId === 'nobody') expect(tally).toBeUndefined();
        else expect(tally, `${agentId} at ${seconds}`).toEqual(counts);
      }
  });
});
