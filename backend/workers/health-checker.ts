import type { FacebookDeps } from '../facebook/facebook-deps.ts';
import type { Logger } from '../log/logger.ts';
import { probePage, recordHealth } from '../pages/page-health.ts';
import { listPages } from '../pages/page-store.ts';
import type { Emit } from '../realtime/emit.ts';
import type { Database } from '../store/database.ts';

/**
 * Checks every linked Page's token (debug_token + subscribed_apps) and records what changed.
 * Facebook never tells us a token died, and webhooks keep flowing after it does, so we ask.
 */
export async function checkAllPages(
  db: Database,
  fb: FacebookDeps,
  logger: Logger,
  now: () => Date,
  emit: Emit,
) {
  for (const page of await listPages(db)) {
    const verdict = await probePage(fb, page);
    const changed = await recordHealth(db, page.id, verdict, now(), emit);
    if (changed)
      logger.warn('page health changed', {
        pageId: page.id,
        health: changed.health,
        reason: changed.healthReason,
      });
    else if (verdict.health === 'unknown')
      logger.warn('page health unknown', { pageId: page.id, reason: verdict.reason });
  }
  return false;
}
