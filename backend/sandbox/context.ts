import type { SandboxClock } from './clock.ts';
import type { Faults } from './faults.ts';
import type { FeedActivity } from './feed-activity.ts';
import type { IdFactory } from './ids.ts';
import type { MessengerActivity } from './messenger-activity.ts';
import type { SandboxState } from './state.ts';
import type { Tokens } from './tokens.ts';
import type { WebhookDelivery } from './webhook-delivery.ts';
import type { WebhookPublisher } from './webhook-publisher.ts';

export interface SandboxConfig {
  appId: string;
  appSecret: string;
  appName: string;
  verifyToken: string;
  /** Where clients reach the sandbox (paging `next` links, uploaded files). */
  publicUrl: string;
  /** The app's webhook callback; changeable at run time through the control API. */
  webhookUrl: string | undefined;
}

/** Everything a route needs, built once by createSandbox. */
export interface SandboxContext {
  config: SandboxConfig;
  clock: SandboxClock;
  ids: IdFactory;
  random: () => number;
  state: SandboxState;
  tokens: Tokens;
  feed: FeedActivity;
  messenger: MessengerActivity;
  publisher: WebhookPublisher;
  delivery: WebhookDelivery;
  faults: Faults;
}
