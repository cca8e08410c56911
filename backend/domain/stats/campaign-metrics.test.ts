import { describe, expect, it } from 'vitest';
import { campaignMetrics } from './campaign-metrics.ts';
import { summarizeInteraction } from './summarize.ts';
import {
  at,
  CAMPAIGN_DAY,
  CAMPAIGN_NOW,
  DAY_START,
  interaction,
  THRESHOLDS,
  transitions,
} from './test-fixtures.ts';

describe('campaignMetrics', () => {
  it("computes every tile of the hand-worked campaign day (see CAMPAIGN_DAY's comments)", () => {
    expect(
      campaignMetrics({
        interactions: CAMPAIGN_DAY,
        thresholds: THRESHOLDS,
        now: CAMPAIGN_NOW,
        dayStart: DAY_START,
      }),
    ).toEqual({
      // Answered today: a1 (130 s), a2 (231 s), a4 (1089 s); a3 and a11 were answered yesterday.
      answered: 3,
      // Waits: a1 130 − 100 = 30 s ≤ 30 (the edge, within); a2 31 s; a4 1089 − 1000 = 89 s.
      answeredWithinSl: 1,
      // a5 withdrawn at 1520 s; a6 past dropout since 3300 s + 1 ms. a12 was yesterday's.
      abandoned: 2,
      // 1 / (3 + 2) = 20 %.
      serviceLevelPct: 20,
      serviceLevelFormula: '1 answered within 30 s / (3 answered + 2 abandoned) = 20.0 %',
      // (30 + 31 + 89) / 3 = 150 / 3 = 50 s.
      asaMs: 50_000,
      // Completed today: a1 (400 − 110 = 290 s), a2 (800 − 205 = 595 s), a3 (50 − (−490) = 540 s):
      // (290 + 595 + 540) / 3 = 1425 / 3 = 475 s.
      ahtMs: 475_000,
      completed: 3,
      // a7 (exactly dropout old), a8, a9 (offered); a6 is past dropout, a10 is held by A.
      waiting: 3,
      // a7: 3600 − 3300 = 300 s.
      longestWaitingMs: 300_000,
      // 3 waiting > acd 2.
      acdAlarm: true,
      // a4: 3600 − 1010 = 2590 s > 600; a10: 3600 − 3000 = 600 s, not over.
      chatsOverTime: 1,
      chatsOverTimeIds: ['a4'],
    });
  });

  it('raises the ACD alarm only when more than acd customers wait', () => {
    const queue = [interaction('q1', [['queued', 10]]), interaction('q2', [['queued', 20]])];
    const input = { thresholds: THRESHOLDS, now: at(60), dayStart: DAY_START };
    // 2 waiting, acd 2: at the maximum, not over it.
    expect(campaignMetrics({ ...input, interactions: queue }).acdAlarm).toBe(false);
    // 3 waiting > 2.
    const longer = [...queue, interaction('q3', [['queued', 30]])];
    expect(campaignMetrics({ ...input, interactions: longer }).acdAlarm).toBe(true);
  });

  it('moves an interaction from waiting to abandoned exactly one millisecond past dropout', () => {
    const queued = [interaction('q1', [['queued', 0]])];
    const atDropout = campaignMetrics({
      interactions: queued,
      thresholds: THRESHOLDS,
      now: at(300),
      dayStart: DAY_START,
    });
    expect(atDropout).toMatchObject({
      waiting: 1,
      longestWaitingMs: 300_000,
      abandoned: 0,
      serviceLevelPct: null,
    });
    const past = campaignMetrics({
      interactions: queued,
      thresholds: THRESHOLDS,
      now: at(300) + 1,
      dayStart: DAY_START,
    });
    // 0 / (0 + 1) = 0 %.
    expect(past).toMatchObject({ waiting: 0, longestWaitingMs: 0, abandoned: 1, serviceLevelPct: 0 });
  });

  it('measures ASA and SL of a re-queued interaction from its FIRST queuing', () => {
    const requeued = summarizeInteraction(
      transitions('r1', [
        ['queued', 0],
        ['assigned', 5, 'A'],
        ['queued', 20, null], // A's connection dropped: back to the queue
        ['assigned', 25, 'B'],
        ['answered', 40, 'B'],
      ]),
    );
    const metrics = campaignMetrics({
      interactions: [requeued],
      thresholds: THRESHOLDS,
      now: at(60),
      dayStart: DAY_START,
    });
    // 40 − 0 = 40 s (not 40 − 20 = 20 s): over the 30 s target, so 0 / (1 + 0) = 0 %.
    expect(metrics).toMatchObject({ asaMs: 40_000, answered: 1, answeredWithinSl: 0, serviceLevelPct: 0 });
  });

  it('gives the same tiles from transitions loaded in any order', () => {
    const rows = transitions('o1', [
      ['queued', 0],
      ['assigned', 4, 'A'],
      ['answered', 12, 'A'],
      ['completed', 50, 'A'],
    ]);
    const shuffled = [rows[3]!, rows[1]!, rows[2]!, rows[0]!];
    const metrics = campaignMetrics({
      interactions: [summarizeInteraction(shuffled)],
      thresholds: THRESHOLDS,
      now: at(60),
      dayStart: DAY_START,
    });
    // ASA 12 − 0 = 12 s; AHT 50 − 4 = 46 s; 1 / (1 + 0) = 100 %.
    expect(metrics).toMatchObject({ asaMs: 12_000, ahtMs: 46_000, serviceLevelPct: 100, completed: 1 });
  });

  it('shows an empty day as zeros and nulls, never NaN', () => {
    expect(
      campaignMetrics({ interactions: [], thresholds: THRESHOLDS, now: DAY_START, dayStart: DAY_START }),
    ).toEqual({
      answered: 0,
      answeredWithinSl: 0,
      abandoned: 0,
      serviceLevelPct: null,
      serviceLevelFormula: '0 answered within 30 s / (0 answered + 0 abandoned) = n/a',
      asaMs: null,
      ahtMs: null,
      completed: 0,
      waiting: 0,
      longestWaitingMs: 0,
      acdAlarm: false,
      chatsOverTime: 0,
      chatsOverTimeIds: [],
    });
  });

  it('refuses a day that ends before it starts', () => {
    expect(() =>
      campaignMetrics({ interactions: [], thresholds: THRESHOLDS, now: DAY_START - 1, dayStart: DAY_START }),
    ).toThrow(RangeError);
  });
});
