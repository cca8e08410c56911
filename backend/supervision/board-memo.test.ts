import { describe, expect, it } from 'vitest';
import { at, CAMPAIGN_DAY, DAY_START, interaction, THRESHOLDS } from '../domain/stats/test-fixtures.ts';
import type { InteractionSummary } from '../domain/stats/types.ts';
import { boardJsonOf, boardOf, watchedDay } from './board.ts';
import { BoardMemo } from './board-memo.ts';
import type { DayInteraction } from './day-data.ts';
import type { DaySource } from './day-source.ts';
import { SeriesMemo } from './series-memo.ts';
import type { TeamMember } from './team.ts';
import type { WatchedCampaign } from './watched-campaigns.ts';

/**
 * The memo against the computation it saves: at every instant of a day's first hour (every 2 s,
 * and around every instant of the data), a board from the memo equals one computed afresh. The day
 * is the domain's hand-worked one (waits crossing dropout, chats crossing chat time, a re-queue),
 * on a campaign with opening hours that turn during it, and its rows change halfway through.
 */
const campaign = (id: string): WatchedCampaign => ({
  id,
  name: `Campaign ${id}`,
  channel: 'facebook',
  pageId: 'p1',
  pageName: 'Shop',
  pageHealth: 'active',
  timeZone: 'UTC',
  // DAY_START is a Tuesday: closed 00:30-00:45 and from 01:10.
  schedule: [
    { weekday: 2, from: '00:00', to: '00:30' },
    { weekday: 2, from: '00:45', to: '01:10' },
  ],
  thresholds: THRESHOLDS,
  enabled: true,
  dayStart: DAY_START,
});

const row = (campaignId: string, s: InteractionSummary): DayInteraction => ({
  id: s.id,
  campaignId,
  channel: 'facebook',
  state: s.state,
  agentId: s.agentId ?? null,
  customerId: `cust-${s.id}`,
  customerName: `Customer ${s.id}`,
  endedAt: s.completedAt ?? s.abandonedAt ?? s.expiredAt ?? null,
  summary: { ...s, channel: 'facebook' },
});

const member = (campaignId: string, agentId: string, status: TeamMember['status']): TeamMember => ({
  campaignId,
  agentId,
  name: `Agent ${agentId}`,
  status,
  breakReason: status === 'break' ? 'Lunch' : null,
  statusSince: new Date(at(-3600)),
  loginAt: new Date(at(-7200)),
  heldAnywhere: 0,
});

function source(rows: Map<string, DayInteraction[]>, team: TeamMember[]): DaySource {
  const campaigns = [...rows.keys()].map(campaign);
  const summaries = new Map([...rows].map(([id, list]) => [id, list.map((i) => i.summary)]));
  const teams = new Map<string, TeamMember[]>();
  for (const t of team) teams.set(t.campaignId, [...(teams.get(t.campaignId) ?? []), t]);
  return { loadedAt: DAY_START, campaigns, interactions: rows, summaries, team, teams };
}

describe('BoardMemo', () => {
  it('gives at every instant the board computed afresh', () => {
    const c1 = CAMPAIGN_DAY.map((s) => row('c1', s));
    const later = [
      ...c1,
      row('c1', interaction('n1', [['queued', 1800]])),
      row(
        'c1',
        interaction('n2', [
          ['queued', 1790],
          ['assigned', 1795, 'B'],
        ]),
      ),
    ];
    const c2 = [
      row(
        'c2',
        interaction('x1', [
          ['queued', 2000],
          ['assigned', 2050, 'A'],
          ['answered', 2060, 'A'],
        ]),
      ),
    ];
    const team = [member('c1', 'A', 'available'), member('c1', 'B', 'break'), member('c2', 'A', 'available')];
    const before = source(
      new Map([
        ['c1', c1],
        ['c2', []],
      ]),
      team,
    );
    const after = source(
      new Map([
        ['c1', later],
        ['c2', c2],
      ]),
      team,
    );
    const turns = [...CAMPAIGN_DAY, ...later.map((i) => i.summary)].flatMap((s) =>
      [s.queuedAt, s.firstAssignedAt, s.answeredAt, s.completedAt, s.abandonedAt]
        .filter((x): x is number => x !== undefined)
        .flatMap((x) => [x, x + 150_000, x + 300_000, x + 600_000])
        .flatMap((x) => [x - 1, x, x + 1]),
    );
    const instants = [...new Set([...Array.from({ length: 2000 }, (_, s) => at(2 * s)), ...turns])]
      .filter((t) => t >= DAY_START && t <= at(4000))
      .sort((a, b) => a - b);
    const memo = new BoardMemo();
    const seriesMemo = new SeriesMemo();
    let reused = 0;
    for (const t of instants) {
      const data = t < at(1800) ? before : after;
      // Afresh: new lists, so nothing kept with them (agent counts) is reused either.
      const copy = source(new Map([...data.interactions].map(([id, list]) => [id, [...list]])), team);
      const fresh = boardOf(watchedDay(copy, 'all', new Date(t), new SeriesMemo()));
      const memoized = boardOf(watchedDay(data, 'all', new Date(t), seriesMemo), {
        board: (inputs, now, compute) =>
          memo.board(inputs, now, () => {
            reused -= 1;
            return compute();
          }),
      } as BoardMemo);
      reused += fresh.campaigns.length;
      expect(memoized, new Date(t).toISOString()).toEqual(fresh);
      // The same as text, written from the kept pieces.
      expect(
        JSON.parse(boardJsonOf(watchedDay(data, 'all', new Date(t), seriesMemo), memo).join('')),
      ).toEqual(fresh);
    }
    // Most boards came from the memo.
    expect(reused).toBeGreaterThan(instants.length);
  }, 60_000);
});
