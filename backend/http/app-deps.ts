import type { Config } from '../config.ts';
import type { Logger } from '../log/logger.ts';
import type { Store } from '../store/database.ts';

/** What every route and use case may reach: the store, the clock, configuration and the logger. */
export interface AppDeps {
  store: Store;
  config: Config;
  logger: Logger;
  now: () => Date;
}
