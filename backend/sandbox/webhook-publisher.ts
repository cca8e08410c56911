import type { SandboxState } from './state.ts';
import type { WebhookEvent } from './webhook-batches.ts';
import type { WebhookDelivery } from './webhook-delivery.ts';

/**
 * Decides whether an event leaves at all. Like Meta, nothing is sent for a field the app has not
 * subscribed on that Page (POST /{page-id}/subscribed_apps), nor without a callback URL, and an
 * event missed that way is never sent later.
 */
export class WebhookPublisher {
  readonly counts = { published: 0, notSubscribed: 0, noCallback: 0 };

  constructor(
    private readonly state: SandboxState,
    private readonly delivery: WebhookDelivery,
    private readonly callbackUrl: () => string | undefined,
  ) {}

  publish(event: WebhookEvent): boolean {
    if (!this.state.subscriptions.get(event.pageId)?.fields.includes(event.field)) {
      this.counts.notSubscribed++;
      return false;
    }
    if (!this.callbackUrl()) {
      this.counts.noCallback++;
      return false;
    }
    this.counts.published++;
    this.delivery.enqueue(event);
    return true;
  }

  resetCounts(): void {
    this.counts.published = 0;
    this.counts.notSubscribed = 0;
    this.counts.noCallback = 0;
  }
}
