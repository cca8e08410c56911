import type { Database } from '../store/database.ts';
import type { DaySource, DaySourceCache } from './day-source.ts';
import type { CampaignScope } from './scope.ts';

/** How long after a viewer's last board theirs are prepared ahead. */
const PREPARED_FOR_MS = 60_000;

/**
 * Boards computed ahead, off the request: right after events were read as they came (the rows a
 * change touched), and at the instant the kept boards turn (see board-memo.ts: at least every whole
 * minute) — so the board a supervisor asks for next, right after a change or a turn, is mostly
 * written already. It is the same computation from the same rows a request would do (a request
 * still waits for any event not yet read, and computes at its own instant whatever is not valid
 * then); only who pays for it moves. For the scopes boards were asked for in the last minute, and
 * only while boards are being asked for (see DaySourceCache.current).
 */
export class BoardPreparer {
  private readonly scopes = new Map<string, { scope: CampaignScope; at: number }>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly cache: DaySourceCache,
    /** Computes the boards of a scope (and keeps their text); answers the first instant they may turn. */
    private readonly compute: (scope: CampaignScope, source: DaySource, db: Database, now: Date) => number,
  ) {
    cache.onUpdated(() => this.soon(0));
  }

  /** A board of this scope was asked for. */
  seen(scope: CampaignScope) {
    const key = scope === 'all' ? 'all' : [...scope].sort().join(',');
    this.scopes.set(key, { scope, at: Date.now() });
  }

  private soon(delayMs: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.prepare(), delayMs);
    // Never what keeps a process alive.
    this.timer.unref?.();
  }

  private prepare() {
    this.timer = undefined;
    const current = this.cache.current();
    if (!current) return;
    let turn = Number.POSITIVE_INFINITY;
    for (const [key, { scope, at }] of this.scopes) {
      if (Date.now() - at > PREPARED_FOR_MS) {
        this.scopes.delete(key);
        continue;
      }
      turn = Math.min(turn, this.compute(scope, current.source, current.db, current.now));
    }
    // Just after the turn, when the kept boards stop being valid.
    if (this.scopes.size && Number.isFinite(turn)) this.soon(Math.max(0, turn - current.now.getTime()) + 1);
  }
}
