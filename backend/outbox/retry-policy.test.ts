import { describe, expect, it } from 'vitest';
import { GraphError } from '../facebook/graph-errors.ts';
import { afterFailure, CODE_2_PATIENCE_MS, MAX_ATTEMPTS } from './retry-policy.ts';

const code2 = new GraphError('unexpected', { errorClass: 'transient', code: 2, httpStatus: 500 });
const sendFailure = new GraphError('temporary', { errorClass: 'transient', code: 1200 });

describe('afterFailure', () => {
  it('keeps retrying code 2 through an outage: the sooner cap waits until it outlasted one', () => {
    expect(afterFailure(code2, 6, 0.5, 30_000).action).toBe('retry');
    expect(afterFailure(code2, 8, 0.5, CODE_2_PATIENCE_MS - 1).action).toBe('retry');
    expect(afterFailure(code2, 6, 0.5, CODE_2_PATIENCE_MS).action).toBe('fail');
  });

  it('gives up on any transient error after the attempt limit, however recent', () => {
    expect(afterFailure(sendFailure, MAX_ATTEMPTS - 1, 0.5, 1_000).action).toBe('retry');
    expect(afterFailure(sendFailure, MAX_ATTEMPTS, 0.5, 1_000).action).toBe('fail');
    expect(afterFailure(code2, MAX_ATTEMPTS, 0.5, 1_000).action).toBe('fail');
  });
});
