/**
 * How busy the webhook ingress is, so that processing gives way to it during a flood.
 *
 * The ingress and the processor share this process's one thread (and, on PGlite, the one database
 * connection: a processing round holds it until it commits). Applying an event costs far more than
 * storing it, so while large deliveries come back to back every round that starts makes the senders
 * wait for it. In a flood (Meta batches up to 1,000 events a request when it has a lot to send) the
 * same work gets done either way; answering first keeps Meta's requests short and leaves the backlog
 * to processing, which catches up as soon as the flood thins. Nothing accepted is at risk: each body
 * is committed before its 200.
 *
 * A flood is at least FLOOD_BYTES of batched bodies (BATCHED_BYTES or more: Meta is sending several
 * events a request, as it does when it has a backlog) within the last WINDOW_MS: about 1,000 events,
 * more than processing applies in a second on a small machine, so a backlog builds whatever it does.
 * Single-event webhooks never count, however many arrive: they never make processing wait. While it
 * waits, processing still starts as soon as the ingress has been idle for IDLE_MS (a sender that
 * posts again as soon as it is answered is still sending; on a busy two-core box its next request
 * often comes 10-20 ms later), and after processingDeferralMs at the latest.
 */
export interface IngressLoad {
  /** A webhook POST is being handled; call the returned function with its body's size once answered. */
  enter(): (bytes: number) => void;
  flooded(): boolean;
  /** Resolves once there is no flood, the ingress has been idle IDLE_MS, or `maxMs` has passed. */
  whenNotFlooded(maxMs: number): Promise<void>;
}

export const WINDOW_MS = 1_000;
export const BATCHED_BYTES = 4 * 1024;
export const FLOOD_BYTES = 256 * 1024;
export const IDLE_MS = 30;
const POLL_MS = 2;

/** `clock`: monotonic ms; tests pass their own. */
export function createIngressLoad(clock: () => number = () => performance.now()): IngressLoad {
  let inFlight = 0;
  let lastAnswered = Number.NEGATIVE_INFINITY;
  // Sizes of the batched bodies answered within the window, oldest first, and their sum.
  const recent: [at: number, bytes: number][] = [];
  let windowBytes = 0;

  const flooded = () => {
    const now = clock();
    while (recent.length && recent[0]![0] <= now - WINDOW_MS) windowBytes -= recent.shift()![1];
    return windowBytes >= FLOOD_BYTES;
  };
  const idle = () => inFlight === 0 && clock() - lastAnswered >= IDLE_MS;

  return {
    enter() {
      inFlight++;
      let done = false;
      return (bytes) => {
        if (done) return;
        done = true;
        inFlight--;
        lastAnswered = clock();
        if (bytes < BATCHED_BYTES) return;
        recent.push([lastAnswered, bytes]);
        windowBytes += bytes;
      };
    },
    flooded,
    whenNotFlooded(maxMs) {
      const deadline = clock() + maxMs;
      return new Promise<void>((resolve) => {
        const check = () => {
          const now = clock();
          if (!flooded() || idle() || now >= deadline) return resolve();
          setTimeout(check, Math.min(POLL_MS, deadline - now));
        };
        check();
      });
    },
  };
}

/**
 * How long processing waits for a flooded ingress before it runs a round anyway: nine times its
 * last round, so it keeps a tenth of the time however long a flood lasts, and never over 2 s.
 */
export function processingDeferralMs(lastRoundMs: number): number {
  return Math.min(2_000, Math.max(50, lastRoundMs * 9));
}
