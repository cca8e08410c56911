import { performance } from 'node:perf_hooks';

/**
 * Open-loop load: calls `send(i)` at `ratePerS` for `durationMs`, on schedule whatever the answers
 * take (a closed loop would slow down with the server and hide its latency). Resolves with the
 * number sent once the last one is issued; the sends themselves are not awaited here.
 */
export async function paced(
  ratePerS: number,
  durationMs: number,
  send: (i: number) => void,
): Promise<number> {
  const total = Math.round((ratePerS * durationMs) / 1000);
  const interval = 1000 / ratePerS;
  const start = performance.now();
  let i = 0;
  while (i < total) {
    const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
    while (i < due) send(i++);
    await new Promise<void>((r) => setTimeout(r, 1));
  }
  return total;
}
