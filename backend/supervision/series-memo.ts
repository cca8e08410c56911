import type { BoardSeriesPoint } from '../../shared/api/supervisor.ts';
import { bucketEnds, DEFAULT_BUCKET_MS, queueLengthAt, serviceLevelAt } from '../domain/stats/series.ts';
import type { InteractionSummary, Thresholds } from '../domain/stats/types.ts';

/** How long a closed bucket's point is reused before the whole day is recomputed. */
export const SERIES_REUSE_MS = 60_000;

interface Memo {
  key: string;
  /** When the points were computed: those at or before `computedAt − bucket` were closed then. */
  computedAt: number;
  points: Map<number, BoardSeriesPoint>;
}

/**
 * The day's chart of each campaign, keeping the points of buckets that had closed when computed:
 * late in the day a chart has ~96 points, each a pass over the day's interactions, and all but the
 * last one or two are the same as a second ago. A point is reused for at most SERIES_REUSE_MS, and
 * only when it was at least one bucket old when computed, so work that arrives with a slightly
 * older timestamp (a webhook's own time) is still counted; after that minute everything is
 * recomputed, so even a very late arrival shows within a minute. Per process, bounded by the number
 * of campaigns.
 */
export class SeriesMemo {
  private readonly memos = new Map<string, Memo>();

  series(
    campaignId: string,
    input: {
      interactions: readonly InteractionSummary[];
      thresholds: Thresholds;
      now: number;
      dayStart: number;
    },
  ): BoardSeriesPoint[] {
    const { now, dayStart, thresholds } = input;
    const key = `${dayStart}:${JSON.stringify(thresholds)}`;
    let memo = this.memos.get(campaignId);
    if (!memo || memo.key !== key || now - memo.computedAt > SERIES_REUSE_MS || now < memo.computedAt) {
      memo = { key, computedAt: now, points: new Map() };
      this.memos.set(campaignId, memo);
    }
    const closedBy = memo.computedAt - DEFAULT_BUCKET_MS;
    const fresh = new Map<number, BoardSeriesPoint>();
    const points = bucketEnds(dayStart, now, DEFAULT_BUCKET_MS).map((at) => {
      const kept = at <= closedBy ? memo.points.get(at) : undefined;
      const point = kept ?? {
        at: new Date(at).toISOString(),
        serviceLevelPct: serviceLevelAt(input, at).pct,
        waiting: queueLengthAt(input, at).waiting,
      };
      fresh.set(at, point);
      return point;
    });
    // Keep what was computed now too: the next call reuses it once its bucket has closed.
    if (memo.computedAt === now) memo.points = fresh;
    else for (const [at, p] of fresh) if (at <= closedBy) memo.points.set(at, p);
    return points;
  }
}

const byDatabase = new WeakMap<object, SeriesMemo>();

/** One memo per database handle (so separate apps in one process, like tests, never share one). */
export function seriesMemoFor(db: object): SeriesMemo {
  let memo = byDatabase.get(db);
  if (!memo) {
    memo = new SeriesMemo();
    byDatabase.set(db, memo);
  }
  return memo;
}
