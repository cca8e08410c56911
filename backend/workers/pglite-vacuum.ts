import { sql } from 'drizzle-orm';
import { errorFields, type Logger } from '../log/logger.ts';
import type { Database } from '../store/database.ts';
import { startTimedTask } from './timed-task.ts';
import type { Worker } from './worker-loop.ts';

/** The shortest wait between two vacuums. */
export const VACUUM_MIN_MS = 10_000;
/** A vacuum holds PGlite's one connection: it runs at most 1/this of the time. */
const DUTY = 20;

/**
 * Embedded PGlite runs PostgreSQL in single-user mode: no autovacuum. Every interaction is written
 * three times (queued, assigned, completed) and each version stays in the table and in its
 * indexes until a VACUUM, so every scan walks more dead versions as the day goes on: on a copy of
 * the e2e bench's database a completion cost 6.5 ms of CPU, and 1.2 ms after one VACUUM (209 ms).
 * This vacuums the database every 10 s, or 20 times as long as the last vacuum took when that is
 * longer, so a big database is not held more than 5 % of the time. Pages left untouched since the
 * last vacuum are skipped (visibility map), so a vacuum costs about what was written since.
 * A PostgreSQL server does this itself; this runs only on PGlite.
 */
export function startPgliteVacuum(db: Database, logger: Logger, minMs = VACUUM_MIN_MS): Worker {
  return startTimedTask(minMs, async () => {
    const t0 = performance.now();
    try {
      await db.execute(sql`vacuum`);
      const tookMs = performance.now() - t0;
      logger.debug('vacuumed', { ms: Math.round(tookMs) });
      return Math.max(minMs, DUTY * tookMs);
    } catch (err) {
      logger.error('vacuum failed', errorFields(err));
      return minMs;
    }
  });
}
