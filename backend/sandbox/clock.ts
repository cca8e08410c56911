/**
 * The sandbox's notion of "now": the injected time source plus an offset that the control API can
 * push forward, so a test (or a demo) can jump past the 24 h / 7 day messaging windows or a token's
 * expiry without waiting. Timers (batching, retries) stay on real time on purpose: moving the clock
 * must not fire a flood of webhook retries.
 */
export class SandboxClock {
  private offsetMs = 0;

  constructor(private readonly source: () => number = Date.now) {}

  now(): number {
    return this.source() + this.offsetMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward.');
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

/** Graph reads print times as ISO 8601 without milliseconds and with `+0000` (graph-post-comments-list). */
export function graphTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+0000`;
}

/** Webhook `created_time` and feed `entry.time` are unix seconds; Messenger uses milliseconds. */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;
