import { sql } from 'drizzle-orm';
import { errorFields, type Logger } from '../log/logger.ts';
import type { Database } from '../store/database.ts';
import { startTimedTask } from './timed-task.ts';
import type { Worker } from './worker-loop.ts';

/** First refresh soon after start (tables fill fast), then ever less often, up to this. */
export const FIRST_ANALYZE_MS = 30_000;
const MAX_MS = 10 * 60_000;

/**
 * Embedded PGlite runs PostgreSQL in single-user mode: no autovacuum, so no automatic ANALYZE, and
 * the planner keeps estimating every table as it was when empty. That once chose a join walking all
 * of a campaign's past interactions for each routing round. This refreshes the statistics on a
 * schedule that starts at 30 s and doubles up to 10 min (ANALYZE samples, so it stays short even on
 * big tables). A PostgreSQL server does this itself; this runs only on PGlite.
 */
export function startPgliteStatistics(db: Database, logger: Logger, firstMs = FIRST_ANALYZE_MS): Worker {
  let waitMs = firstMs;
  return startTimedTask(firstMs, async () => {
    const t0 = performance.now();
    try {
      await db.execute(sql`analyze`);
      logger.info('statistics refreshed', { ms: Math.round(performance.now() - t0) });
    } catch (err) {
      logger.error('statistics refresh failed', errorFields(err));
    }
    waitMs = Math.min(waitMs * 2, MAX_MS);
    return waitMs;
  });
}
