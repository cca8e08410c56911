import { performance } from 'node:perf_hooks';
import { request } from './http-client.ts';
import { paced } from './paced.ts';
import { percentile, round, waitFor } from './stats.ts';
import { type Customer, feedComment, messengerMessage, signedDelivery } from './webhook-bodies.ts';

/** Send times by thread key; `arrived` turns them into latencies (ms) once the push reaches a client. */
export class LatencyProbe {
  private readonly sent = new Map<string, { t0: number; counted: boolean }>();
  readonly samples: number[] = [];
  failedPosts = 0;

  send(key: string, counted: boolean) {
    this.sent.set(key, { t0: performance.now(), counted });
  }

  arrived(key: string) {
    const s = this.sent.get(key);
    if (!s) return;
    this.sent.delete(key);
    if (s.counted) this.samples.push(performance.now() - s.t0);
  }

  outstanding(): number {
    let n = 0;
    for (const s of this.sent.values()) if (s.counted) n++;
    return n;
  }
}

export interface LoadSummary {
  sent: number;
  received: number;
  lost: number;
  failedPosts: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * Signed single-event webhook POSTs to `url` at `ratePerS`, alternating a Messenger message and a
 * comment (each a new conversation), first for a warm-up that is not counted, then for `durationMs`.
 * Waits up to `drainMs` for the last pushes; one that never arrives counts as `drainMs`, so losses
 * raise the percentiles instead of vanishing from them.
 */
export async function webhookLoad(opts: {
  url: string;
  pageId: string;
  postNumber: string;
  ratePerS: number;
  warmupMs: number;
  durationMs: number;
  drainMs: number;
  probe: LatencyProbe;
}): Promise<LoadSummary> {
  const tag = String(Date.now() % 1_000_000).padStart(6, '0');
  const customer = (n: number): Customer => {
    const seq = `${tag}${String(n).padStart(7, '0')}`;
    const now = Date.now();
    return n % 2 === 0
      ? messengerMessage(opts.pageId, seq, now)
      : feedComment(opts.pageId, opts.postNumber, seq, now);
  };
  let n = 0;
  const fire = (counted: boolean) => () => {
    const c = customer(n++);
    const { body, headers } = signedDelivery([c.entry]);
    opts.probe.send(c.threadKey, counted);
    request('POST', opts.url, body, headers).then(
      (res) => {
        if (res.status !== 200) opts.probe.failedPosts++;
      },
      () => opts.probe.failedPosts++,
    );
  };
  if (opts.warmupMs > 0) await paced(opts.ratePerS, opts.warmupMs, fire(false));
  const sent = await paced(opts.ratePerS, opts.durationMs, fire(true));
  await waitFor(() => opts.probe.outstanding() === 0, opts.drainMs);
  const lost = opts.probe.outstanding();
  const samples = [...opts.probe.samples, ...Array.from({ length: lost }, () => opts.drainMs)];
  return {
    sent,
    received: opts.probe.samples.length,
    lost,
    failedPosts: opts.probe.failedPosts,
    p50: round(percentile(samples, 50), 2),
    p99: round(percentile(samples, 99), 2),
    max: round(Math.max(...samples), 1),
  };
}

/** The thread key a delivered body (as the relay pushes it) is about. */
export function threadKeyOfBody(text: string): string | undefined {
  const entry = (JSON.parse(text) as { entry: Record<string, unknown>[] }).entry[0] as {
    messaging?: { sender: { id: string } }[];
    changes?: { value: { comment_id: string } }[];
  };
  return entry.messaging?.[0]?.sender.id ?? entry.changes?.[0]?.value.comment_id;
}

export const E2E_RATE_PER_S = 500;
export const E2E_DURATION_MS = 30_000;
export const WARMUP_MS = 3_000;
