import type { GraphError } from '../facebook/graph-errors.ts';

export const MAX_ATTEMPTS = 12;
const BASE_MS = 1_000;
const CAP_MS = 5 * 60_000;

export type Verdict = { action: 'retry'; delayMs: number } | { action: 'hold' } | { action: 'fail' };

/**
 * What to do after a failed send. Pure: `random` in [0, 1) spreads retries so instances and rows
 * do not retry in lockstep. Throttles wait at least what Facebook's usage headers ask.
 */
export function afterFailure(err: GraphError, attempts: number, random: number): Verdict {
  if (err.errorClass === 'token') return { action: 'hold' };
  if (!err.retryable) return { action: 'fail' };
  // Code 2 is also what Messenger answers when the person blocked the Page: cap it sooner.
  const limit = err.code === 2 ? 6 : MAX_ATTEMPTS;
  if (attempts >= limit) return { action: 'fail' };
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = exponential * (0.5 + random / 2);
  return { action: 'retry', delayMs: Math.max(jittered, err.retryAfterMs ?? 0) };
}
