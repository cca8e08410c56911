import { describe, expect, it } from 'vitest';
import { queueLengthSeries, serviceLevelSeries } from '../domain/stats/series.ts';
import { summarizeInteraction } from '../domain/stats/summarize.ts';
import type { InteractionSummary } from '../domain/stats/types.ts';
import { SERIES_REUSE_MS, SeriesMemo } from './series-memo.ts';

const MIN = 60_000;
const thresholds = { serviceLevel: 30, dropout: 3_600, chatTime: 600, acd: 1 };
const queued = (id: string, at: number): InteractionSummary =>
  summarizeInteraction([{ interactionId: id, state: 'queued', at }]);
const answered = (id: string, at: number, afterMs: number): InteractionSummary =>
  summarizeInteraction([
    { interactionId: id, state: 'queued', at },
    { interactionId: id, state: 'assigned', at, agentId: 'x' },
    { interactionId: id, state: 'answered', at: at + afterMs, agentId: 'x' },
  ]);

function direct(interactions: InteractionSummary[], now: number) {
  const input = { interactions, thresholds, now, dayStart: 0 };
  const queue = queueLengthSeries(input);
  return serviceLevelSeries(input).map((p, n) => ({
    at: new Date(p.at).toISOString(),
    serviceLevelPct: p.pct,
    waiting: queue[n]!.waiting,
  }));
}

describe('SeriesMemo', () => {
  const day = [answered('a', 10 * MIN, 10_000), answered('b', 70 * MIN, 60_000), queued('c', 100 * MIN)];

  it('gives the same points as the domain series', () => {
    const memo = new SeriesMemo();
    for (const now of [120 * MIN, 120 * MIN + 5_000, 140 * MIN])
      expect(memo.series('k', { interactions: day, thresholds, now, dayStart: 0 })).toEqual(direct(day, now));
  });

  it('reuses closed buckets for a minute, then sees even a late arrival in them', () => {
    const memo = new SeriesMemo();
    const now = 120 * MIN;
    memo.series('k', { interactions: day, thresholds, now, dayStart: 0 });
    // A webhook arrives late, stamped in the 30-minute bucket: recent buckets see it at once…
    const late = [...day, queued('late', 20 * MIN)];
    const soon = memo.series('k', { interactions: late, thresholds, now: now + 1_000, dayStart: 0 });
    const at30 = new Date(30 * MIN).toISOString();
    expect(soon.find((p) => p.at === at30)?.waiting).toBe(0); // reused
    expect(soon.at(-1)).toEqual(direct(late, now + 1_000).at(-1)); // now: recomputed
    // …and every bucket once the minute has passed.
    const later = memo.series('k', {
      interactions: late,
      thresholds,
      now: now + SERIES_REUSE_MS + 1,
      dayStart: 0,
    });
    expect(later).toEqual(direct(late, now + SERIES_REUSE_MS + 1));
  });

  it('starts again on a new day or new thresholds', () => {
    const memo = new SeriesMemo();
    memo.series('k', { interactions: day, thresholds, now: 120 * MIN, dayStart: 0 });
    const stricter = { ...thresholds, serviceLevel: 5 };
    const points = memo.series('k', {
      interactions: day,
      thresholds: stricter,
      now: 120 * MIN + 1,
      dayStart: 0,
    });
    const input = { interactions: day, thresholds: stricter, now: 120 * MIN + 1, dayStart: 0 };
    expect(points.map((p) => p.serviceLevelPct)).toEqual(serviceLevelSeries(input).map((p) => p.pct));
  });
});
