import { describe, expect, it } from 'vitest';
import { campaignMetrics } from './campaign-metrics.ts';
import {
  bucketEnds,
  queueLengthAt,
  queueLengthSeries,
  serviceLevelAt,
  serviceLevelSeries,
} from './series.ts';
import { summarizeInteraction } from './summarize.ts';
import { at, CAMPAIGN_DAY, CAMPAIGN_NOW, DAY_START, interaction, THRESHOLDS } from './test-fixtures.ts';

const MIN = 60; // seconds
const BUCKET_MS = 15 * 60_000;

describe('bucketEnds', () => {
  it('samples every bucket end before now, then now', () => {
    expect(bucketEnds(DAY_START, at(40 * MIN), BUCKET_MS)).toEqual([
      at(15 * MIN),
      at(30 * MIN),
      at(40 * MIN),
    ]);
  });

  it('does not repeat now when it falls on a bucket end', () => {
    expect(bucketEnds(DAY_START, at(30 * MIN), BUCKET_MS)).toEqual([at(15 * MIN), at(30 * MIN)]);
  });

  it('has no points at the first instant of the day', () => {
    expect(bucketEnds(DAY_START, DAY_START, BUCKET_MS)).toEqual([]);
  });

  it('defaults to 15-minute buckets and refuses empty ones', () => {
    expect(bucketEnds(DAY_START, at(16 * MIN))).toEqual([at(15 * MIN), at(16 * MIN)]);
    expect(() => bucketEnds(DAY_START, at(60), 0)).toThrow(RangeError);
    expect(() => bucketEnds(DAY_START, at(60), 1.5)).toThrow(RangeError);
  });
});

/**
 * A day sampled at 15, 30 and 40 minutes. Dropout is an hour so that no wait here passes it; the
 * 30 s service level target stays.
 */
const SERIES_THRESHOLDS = { ...THRESHOLDS, dropout: 3600 };
const SERIES_DAY = [
  // Answered after 20 s (within) at 5:20.
  interaction('c1', [
    ['queued', 5 * MIN],
    ['assigned', 5 * MIN + 10, 'A'],
    ['answered', 5 * MIN + 20, 'A'],
  ]),
  // Re-queued at 14:00, re-assigned at 16:00, answered at 31:00 after 21 min (outside).
  interaction('c2', [
    ['queued', 10 * MIN],
    ['assigned', 12 * MIN, 'A'],
    ['queued', 14 * MIN, null],
    ['assigned', 16 * MIN, 'B'],
    ['answered', 31 * MIN, 'B'],
  ]),
  // Assigned at exactly 15:00 (leaves the queue at that instant); answered after 50 s (outside).
  interaction('c5', [
    ['queued', 14 * MIN + 30],
    ['assigned', 15 * MIN, 'A'],
    ['answered', 15 * MIN + 20, 'A'],
  ]),
  // Withdrawn at 25:00.
  interaction('c3', [
    ['queued', 20 * MIN],
    ['abandoned', 25 * MIN],
  ]),
  // Still waiting at 40:00.
  interaction('c4', [['queued', 28 * MIN]]),
  interaction('c6', [['queued', 29 * MIN]]),
];
const SERIES_INPUT = {
  interactions: SERIES_DAY,
  thresholds: SERIES_THRESHOLDS,
  now: at(40 * MIN),
  dayStart: DAY_START,
  bucketMs: BUCKET_MS,
};

describe('serviceLevelSeries', () => {
  it("replays the day's service level so far at each bucket end", () => {
    expect(serviceLevelSeries(SERIES_INPUT)).toEqual([
      // 15:00: c1 answered within; 1 / (1 + 0) = 100 %.
      { at: at(15 * MIN), pct: 100, answered: 1, answeredWithinSl: 1, abandoned: 0 },
      // 30:00: + c5 (outside), + c3 abandoned; 1 / (2 + 1) = 33.3 %.
      { at: at(30 * MIN), pct: 33.3, answered: 2, answeredWithinSl: 1, abandoned: 1 },
      // 40:00: + c2 answered at 31:00 (outside); 1 / (3 + 1) = 25 %.
      { at: at(40 * MIN), pct: 25, answered: 3, answeredWithinSl: 1, abandoned: 1 },
    ]);
  });

  it('has no service level before anything is answered or abandoned', () => {
    const quiet = serviceLevelSeries({ ...SERIES_INPUT, interactions: [], now: at(20 * MIN) });
    expect(quiet.map((point) => point.pct)).toEqual([null, null]);
  });
});

describe('queueLengthSeries', () => {
  it('counts the interactions waiting at each bucket end, re-queued ones included', () => {
    expect(queueLengthSeries(SERIES_INPUT)).toEqual([
      // 15:00: c2 (back in the queue 14:00–16:00); c5 was assigned at exactly 15:00, c1 at 5:10.
      { at: at(15 * MIN), waiting: 1 },
      // 30:00: c4 (28:00), c6 (29:00); c2 held by B, c3 withdrawn.
      { at: at(30 * MIN), waiting: 2 },
      // 40:00: still c4 and c6.
      { at: at(40 * MIN), waiting: 2 },
    ]);
  });

  it('drops an interaction from the queue once it is past dropout', () => {
    // Queued at 0 with the 300 s dropout: waiting at 5:00 (exactly dropout), gone at 10:00.
    const series = queueLengthSeries({
      interactions: [interaction('q1', [['queued', 0]])],
      thresholds: THRESHOLDS,
      now: at(10 * MIN),
      dayStart: DAY_START,
      bucketMs: 5 * 60_000,
    });
    expect(series).toEqual([
      { at: at(5 * MIN), waiting: 1 },
      { at: at(10 * MIN), waiting: 0 },
    ]);
  });
});

describe('series and tiles', () => {
  it('end on the numbers the tiles show now', () => {
    const input = {
      interactions: CAMPAIGN_DAY,
      thresholds: THRESHOLDS,
      now: CAMPAIGN_NOW,
      dayStart: DAY_START,
    };
    const tiles = campaignMetrics(input);
    expect(serviceLevelSeries(input).at(-1)?.pct).toBe(tiles.serviceLevelPct);
    expect(queueLengthSeries(input).at(-1)?.waiting).toBe(tiles.waiting);
  });
});

describe('one point at a time', () => {
  it('serviceLevelAt and queueLengthAt give each point of the series', () => {
    const dayStart = 0;
    const now = 50 * 60_000;
    const interactions = [
      summarizeInteraction([
        { interactionId: 'a', state: 'queued', at: 10 * 60_000 },
        { interactionId: 'a', state: 'assigned', at: 10 * 60_000 + 5_000, agentId: 'x' },
        { interactionId: 'a', state: 'answered', at: 10 * 60_000 + 20_000, agentId: 'x' },
      ]),
      summarizeInteraction([{ interactionId: 'b', state: 'queued', at: 20 * 60_000 }]),
    ];
    const thresholds = { serviceLevel: 30, dropout: 3_600, chatTime: 600, acd: 1 };
    const input = { interactions, thresholds, now, dayStart };
    const sl = serviceLevelSeries(input);
    const queue = queueLengthSeries(input);
    expect(sl.length).toBe(4);
    for (const point of sl) expect(serviceLevelAt(input, point.at)).toEqual(point);
    for (const point of queue) expect(queueLengthAt(input, point.at)).toEqual(point);
    expect(queue.map((p) => p.waiting)).toEqual([0, 1, 1, 1]); // b waits from 20 min
    expect(sl.map((p) => p.pct)).toEqual([100, 100, 100, 100]); // a answered in 20 s at 10 min
  });
});
