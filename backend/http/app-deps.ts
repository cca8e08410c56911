import type { Config } from '../config.ts';
import type { FacebookDeps } from '../facebook/facebook-deps.ts';
import type { Logger } from '../log/logger.ts';
import type { Store } from '../store/database.ts';

/** What every route and use case may reach: the store, the clock, configuration, logger and Facebook. */
export interface AppDeps {
  store: Store;
  config: Config;
  logger: Logger;
  now: () => Date;
  facebook: FacebookDeps;
  /** Wakes the background workers (webhook processor, outbox sender) after a write. */
  wake: (worker: 'webhooks' | 'outbox') => void;
}
