import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../log/logger.ts';
import { startWorker } from './worker-loop.ts';

const logger = createLogger('error', () => {});

describe('startWorker', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a round at once, then after each idle delay', async () => {
    vi.useFakeTimers();
    let rounds = 0;
    const count = async () => {
      rounds += 1;
      return false;
    };
    const w = startWorker({ name: 't', idleMs: 1_000, logger, round: count });
    await vi.advanceTimersByTimeAsync(10);
    expect(rounds).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rounds).toBe(2);
    await w.stop();
  });

  it('holds the first round back `firstAfterMs`, unless woken before', async () => {
    vi.useFakeTimers();
    let rounds = 0;
    const count = async () => {
      rounds += 1;
      return false;
    };
    const late = startWorker({
      name: 'late',
      idleMs: 60_000,
      firstAfterMs: 5_000,
      logger,
      round: count,
    });
    await vi.advanceTimersByTimeAsync(4_990);
    expect(rounds).toBe(0);
    await vi.advanceTimersByTimeAsync(20);
    expect(rounds).toBe(1);
    await late.stop();

    let woken = 0;
    const early = startWorker({
      name: 'early',
      idleMs: 60_000,
      firstAfterMs: 5_000,
      logger,
      round: async () => {
        woken += 1;
        return false;
      },
    });
    await vi.advanceTimersByTimeAsync(100);
    early.wake();
    await vi.advanceTimersByTimeAsync(10);
    expect(woken).toBe(1);
    await early.stop();
  });
});
