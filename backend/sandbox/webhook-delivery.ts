import { metaJson } from './meta-json.ts';
import { hubSignature256, hubSignatureSha1 } from './signatures.ts';
import { type WebhookEvent, webhookBody } from './webhook-batches.ts';

export interface DeliveryOptions {
  /** Events queued within this window travel together (default 50 ms). */
  batchWindowMs?: number;
  /** At most this many updates per request (Meta: 1000, FACEBOOK-PLATFORM.md §1.4). */
  maxBatch?: number;
  /** First retry after this long, doubling each time (default 1000 ms). */
  retryBaseMs?: number;
  /** Attempts before a batch is dropped (default 10; Meta keeps trying for about 36 h). */
  maxAttempts?: number;
  /** Meta gives up on a call after 20 s (Messenger FAQ). */
  timeoutMs?: number;
}

export interface DeliveryStats {
  /** Events waiting for the batch window. */
  queued: number;
  /** HTTP requests made (first attempts, retries and duplicates). */
  sent: number;
  /** Batches answered with 200. */
  acknowledged: number;
  /** Attempts after the first. */
  retries: number;
  /** Batches not yet acknowledged (in flight or waiting to retry). */
  pending: number;
  /** Batches given up after maxAttempts. */
  dropped: number;
  /** Extra copies sent on purpose (duplicateRate). */
  duplicates: number;
}

export interface BatchRecord {
  id: number;
  events: number;
  attempts: number;
  status: 'pending' | 'acknowledged' | 'dropped';
  lastStatus?: number;
  lastError?: string;
}

interface Batch extends BatchRecord {
  /** The exact bytes sent on every attempt (and signed). */
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  timer?: NodeJS.Timeout;
}

const RECENT = 50;

/**
 * Delivers webhook events to the app's callback the way Meta does: batched, signed over the exact
 * bytes, and retried with exponential backoff until a 200 comes back, always with the same body and
 * signature. A duplicate of an acknowledged batch can be sent on purpose, since Facebook does that
 * too (§1.4). Only an HTTP 200 counts as acknowledged.
 */
export class WebhookDelivery {
  private readonly opts: Required<DeliveryOptions>;
  private queue: WebhookEvent[] = [];
  private windowTimer: NodeJS.Timeout | undefined;
  private batches: Batch[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly controllers = new Set<AbortController>();
  private idleWaiters: Array<() => void> = [];
  private nextBatchId = 1;
  private counters = { sent: 0, acknowledged: 0, retries: 0, dropped: 0, duplicates: 0 };
  duplicateRate = 0;

  constructor(
    private readonly deps: {
      appSecret: string;
      now: () => number;
      random: () => number;
      callbackUrl: () => string | undefined;
    },
    options: DeliveryOptions = {},
  ) {
    this.opts = {
      batchWindowMs: options.batchWindowMs ?? 50,
      maxBatch: options.maxBatch ?? 1000,
      retryBaseMs: options.retryBaseMs ?? 1000,
      maxAttempts: options.maxAttempts ?? 10,
      timeoutMs: options.timeoutMs ?? 20_000,
    };
  }

  enqueue(event: WebhookEvent): void {
    this.queue.push(event);
    if (this.queue.length >= this.opts.maxBatch) this.cut();
    else this.windowTimer ??= setTimeout(() => this.cut(), this.opts.batchWindowMs);
  }

  /** Sends everything now: closes the batch window and retries waiting batches without their backoff. */
  async deliverNow(): Promise<void> {
    this.cut();
    for (const batch of this.batches) {
      if (batch.status === 'pending' && batch.timer) {
        clearTimeout(batch.timer);
        batch.timer = undefined;
        this.attempt(batch);
      }
    }
    // Loop: an acknowledged batch may add a deliberate duplicate while we wait.
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Resolves once every event is acknowledged or dropped (with the normal timers). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stats(): DeliveryStats {
    return {
      queued: this.queue.length,
      ...this.counters,
      pending: this.batches.filter((b) => b.status === 'pending').length,
    };
  }

  recent(): BatchRecord[] {
    return this.batches.slice(-RECENT).map(({ id, events, attempts, status, lastStatus, lastError }) => ({
      id,
      events,
      attempts,
      status,
      ...(lastStatus !== undefined ? { lastStatus } : {}),
      ...(lastError !== undefined ? { lastError } : {}),
    }));
  }

  /** Forgets everything queued or pending and aborts requests in flight (reset and stop). */
  clear(): void {
    clearTimeout(this.windowTimer);
    this.windowTimer = undefined;
    for (const batch of this.batches) {
      clearTimeout(batch.timer);
      batch.status = 'dropped'; // so an answer still on its way cannot schedule a retry
    }
    for (const controller of this.controllers) controller.abort();
    this.queue = [];
    this.batches = [];
    this.counters = { sent: 0, acknowledged: 0, retries: 0, dropped: 0, duplicates: 0 };
    this.checkIdle();
  }

  private cut(): void {
    clearTimeout(this.windowTimer);
    this.windowTimer = undefined;
    while (this.queue.length > 0) {
      const events = this.queue.splice(0, this.opts.maxBatch);
      const body = new TextEncoder().encode(metaJson(webhookBody(events, this.deps.now())));
      const batch: Batch = {
        id: this.nextBatchId++,
        events: events.length,
        attempts: 0,
        status: 'pending',
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'facebookexternalua',
          'x-hub-signature': hubSignatureSha1(this.deps.appSecret, body),
          'x-hub-signature-256': hubSignature256(this.deps.appSecret, body),
        },
      };
      this.batches.push(batch);
      this.attempt(batch);
    }
    this.trimHistory();
  }

  private attempt(batch: Batch): void {
    batch.attempts++;
    if (batch.attempts > 1) this.counters.retries++;
    const run = this.post(batch).then((status) => {
      if (batch.status !== 'pending') return;
      if (status === 200) {
        batch.status = 'acknowledged';
        this.counters.acknowledged++;
        if (this.duplicateRate > 0 && this.deps.random() < this.duplicateRate) {
          this.counters.duplicates++;
          this.track(this.post(batch).then(() => undefined));
        }
      } else if (batch.attempts >= this.opts.maxAttempts) {
        batch.status = 'dropped';
        this.counters.dropped++;
      } else {
        const delay = this.opts.retryBaseMs * 2 ** (batch.attempts - 1);
        batch.timer = setTimeout(() => {
          batch.timer = undefined;
          this.attempt(batch);
        }, delay);
      }
    });
    this.track(run);
  }

  /** One HTTP request; resolves to the status, or 0 on a network error or timeout. */
  private async post(batch: Batch): Promise<number> {
    const url = this.deps.callbackUrl();
    this.counters.sent++;
    if (!url) {
      batch.lastError = 'no callback URL configured';
      return 0;
    }
    const controller = new AbortController();
    this.controllers.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.opts.timeoutMs);
    const request = fetch(url, {
      method: 'POST',
      headers: batch.headers,
      body: batch.body,
      signal: controller.signal,
    })
      .then(async (res) => {
        await res.arrayBuffer().catch(() => undefined); // free the socket
        batch.lastStatus = res.status;
        batch.lastError = undefined;
        return res.status;
      })
      .catch((err: unknown) => {
        batch.lastError = err instanceof Error ? err.message : String(err);
        return 0;
      })
      .finally(() => {
        clearTimeout(timeout);
        this.controllers.delete(controller);
      });
    return request;
  }

  private track(run: Promise<void>): void {
    const tracked = run.finally(() => {
      this.inFlight.delete(tracked);
      this.checkIdle();
    });
    this.inFlight.add(tracked);
  }

  private isIdle(): boolean {
    return (
      this.queue.length === 0 && this.inFlight.size === 0 && this.batches.every((b) => b.status !== 'pending')
    );
  }

  private checkIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Keeps memory bounded: finished batches beyond the recent history are forgotten. */
  private trimHistory(): void {
    const finished = this.batches.filter((b) => b.status !== 'pending');
    if (finished.length <= RECENT * 2) return;
    const drop = new Set(finished.slice(0, finished.length - RECENT));
    this.batches = this.batches.filter((b) => !drop.has(b));
  }
}
