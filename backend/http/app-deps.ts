import type { DomainEvent } from '../../shared/events.ts';
import type { Config } from '../config.ts';
import type { FacebookDeps } from '../facebook/facebook-deps.ts';
import type { Changes } from '../interactions/changes.ts';
import type { Logger } from '../log/logger.ts';
import type { EventBus } from '../realtime/event-bus.ts';
import type { Store } from '../store/database.ts';
import type { IngressLoad } from '../webhooks/ingress-load.ts';

/** What every route and use case may reach: the store, the clock, configuration, logger and Facebook. */
export interface AppDeps {
  store: Store;
  config: Config;
  logger: Logger;
  now: () => Date;
  facebook: FacebookDeps;
  events: EventBus;
  /** Publishes a domain event to every instance; failures are logged, never thrown at the caller. */
  emit: (event: DomainEvent) => void;
  /** Publishes a use case's changes and routes the campaigns it touched. */
  settle: (changes: Changes) => Promise<void>;
  /** Wakes the background workers (webhook processor, outbox sender) after a write. */
  wake: (worker: 'webhooks' | 'outbox') => void;
  /** Webhook POSTs being handled: processing gives way to a flood of them. */
  ingress: IngressLoad;
}
