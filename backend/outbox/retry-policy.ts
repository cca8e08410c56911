import type { GraphError } from '../facebook/graph-errors.ts';

export const MAX_ATTEMPTS = 12;
const BASE_MS = 1_000;
const CAP_MS = 5 * 60_000;

/**
 * A Facebook outage answers code 2 to every call for minutes, while a person who blocked the Page
 * answers it for good: the sooner cap for code 2 waits this long, so an outage never fails replies.
 */
export const CODE_2_PATIENCE_MS = 5 * 60_000;

export type Verdict = { action: 'retry'; delayMs: number } | { action: 'hold' } | { action: 'fail' };

/**
 * What to do after a failed send. Pure: `random` in [0, 1) spreads retries so instances and rows
 * do not retry in lockstep. Throttles wait at least what Facebook's usage headers ask.
 * `waitingMs`: how long the reply has been waiting since it was written.
 */
export function afterFailure(err: GraphError, attempts: number, random: number, waitingMs: number): Verdict {
  if (err.errorClass === 'token') return { action: 'hold' };
  if (!err.retryable) return { action: 'fail' };
  // Code 2 is also what Messenger answers when the person blocked the Page: cap it sooner, once
  // it has lasted longer than an outage would.
  const limit = err.code === 2 && waitingMs >= CODE_2_PATIENCE_MS ? 6 : MAX_ATTEMPTS;
  if (attempts >= limit) return { action: 'fail' };
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = exponential * (0.5 + random / 2);
  return { action: 'retry', delayMs: Math.max(jittered, err.retryAfterMs ?? 0) };
}
