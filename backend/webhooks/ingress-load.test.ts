import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BATCHED_BYTES,
  createIngressLoad,
  FLOOD_BYTES,
  IDLE_MS,
  processingDeferralMs,
  WINDOW_MS,
} from './ingress-load.ts';

let now = 0;
const clock = () => now;
beforeEach(() => {
  now = 1_000;
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

/** `count` batched POSTs of `bytes`, one after the other, 1 ms apart. */
function post(load: ReturnType<typeof createIngressLoad>, count: number, bytes: number) {
  for (let i = 0; i < count; i++) {
    const answered = load.enter();
    now += 1;
    answered(bytes);
  }
}

/** Advances both the injected clock and the fake timers. */
async function pass(ms: number) {
  now += ms;
  await vi.advanceTimersByTimeAsync(ms);
}

describe('ingress load', () => {
  it('is a flood once FLOOD_BYTES of batched bodies were answered within the window', () => {
    const load = createIngressLoad(clock);
    const body = 24 * 1024;
    const needed = Math.ceil(FLOOD_BYTES / body);
    post(load, needed - 1, body);
    expect(load.flooded()).toBe(false);
    post(load, 1, body);
    expect(load.flooded()).toBe(true);
    now += WINDOW_MS;
    expect(load.flooded()).toBe(false);
  });

  it('never counts single-event bodies, however many arrive', () => {
    const load = createIngressLoad(clock);
    post(load, 5_000, BATCHED_BYTES - 1);
    expect(load.flooded()).toBe(false);
  });

  it('counts a POST once, even if its end is reported twice', () => {
    const load = createIngressLoad(clock);
    const answered = load.enter();
    answered(FLOOD_BYTES);
    answered(FLOOD_BYTES);
    expect(load.flooded()).toBe(true);
    now += WINDOW_MS;
    expect(load.flooded()).toBe(false);
  });

  it('lets processing go at once when there is no flood', async () => {
    const load = createIngressLoad(clock);
    let done = false;
    void load.whenNotFlooded(1_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('holds processing while a flood keeps the ingress busy, until the deadline', async () => {
    const load = createIngressLoad(clock);
    post(load, 20, 24 * 1024);
    const inFlight = load.enter(); // the next POST is already being handled
    let done = false;
    void load.whenNotFlooded(300).then(() => (done = true));
    await pass(299);
    expect(done).toBe(false);
    await pass(2);
    expect(done).toBe(true);
    inFlight(24 * 1024);
  });

  it('lets processing go once the ingress has been idle IDLE_MS, flood or not', async () => {
    const load = createIngressLoad(clock);
    post(load, 20, 24 * 1024);
    let done = false;
    void load.whenNotFlooded(1_000).then(() => (done = true));
    await pass(IDLE_MS - 2);
    expect(done).toBe(false);
    await pass(4);
    expect(done).toBe(true);
    expect(load.flooded()).toBe(true);
  });

  it('lets processing go once the flood has passed out of the window', async () => {
    const load = createIngressLoad(clock);
    post(load, 20, 24 * 1024);
    const inFlight = load.enter(); // still busy, but with nothing batched arriving any more
    let done = false;
    void load.whenNotFlooded(10_000).then(() => (done = true));
    await pass(WINDOW_MS - 100);
    expect(done).toBe(false);
    await pass(110);
    expect(done).toBe(true);
    inFlight(100);
  });
});

describe('processing deferral', () => {
  it('leaves processing a tenth of the time, within bounds', () => {
    expect(processingDeferralMs(100)).toBe(900);
    expect(processingDeferralMs(0)).toBe(50);
    expect(processingDeferralMs(10_000)).toBe(2_000);
  });
});
