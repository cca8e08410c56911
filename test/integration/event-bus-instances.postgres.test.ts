import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../backend/log/logger.ts';
import { createEventBus, type EventBus } from '../../backend/realtime/event-bus.ts';
import { type Store, storeFromPool } from '../../backend/store/database.ts';
import type { DomainEvent } from '../../shared/events.ts';
import { createTestStore } from '../harness/test-store.ts';

// Two instances of the backend on one PostgreSQL: each has its own store (pool) and bus.
let stores: Store[];
let buses: EventBus[];

beforeAll(async () => {
  const first = await createTestStore();
  const second = storeFromPool(new pg.Pool({ connectionString: first.url, max: 2 }));
  stores = [first, second];
  const logger = createLogger('error', () => {});
  buses = [await createEventBus(first, logger), await createEventBus(second, logger)];
});
afterAll(async () => {
  for (const bus of buses) await bus.close();
  for (const store of stores) await store.close();
});

const ended = (n: number): DomainEvent => ({ type: 'user.sessions-ended', userId: `user-${n}` });

describe('the event bus between instances', () => {
  it('gives every instance each event exactly once, in order, its own included', async () => {
    const heard: DomainEvent[][] = [[], []];
    const stops = buses.map((bus, i) => bus.subscribe((e) => heard[i]!.push(e)));
    const fromFirst = Array.from({ length: 120 }, (_, n) => ended(n));
    const fromSecond = Array.from({ length: 80 }, (_, n) => ended(1_000 + n));
    await Promise.all([
      ...fromFirst.map((e) => buses[0]!.publish(e)),
      ...fromSecond.map((e) => buses[1]!.publish(e)),
    ]);
    await expect.poll(() => heard.map((h) => h.length), { timeout: 5_000 }).toEqual([200, 200]);
    for (const h of heard) {
      expect(h.filter((e) => fromFirst.some((f) => sameEvent(f, e)))).toEqual(fromFirst);
      expect(h.filter((e) => fromSecond.some((f) => sameEvent(f, e)))).toEqual(fromSecond);
    }
    // Nothing more arrives later (no echo of an instance's own NOTIFY).
    await new Promise((r) => setTimeout(r, 200));
    expect(heard.map((h) => h.length)).toEqual([200, 200]);
    for (const stop of stops) stop();
  });

  it('lets the publishing instance hear its event before any database round trip', async () => {
    const heard: DomainEvent[] = [];
    const stop = buses[0]!.subscribe((e) => heard.push(e));
    void buses[0]!.publish(ended(5_000));
    await Promise.resolve();
    await Promise.resolve();
    expect(heard).toEqual([ended(5_000)]);
    stop();
  });
});

function sameEvent(a: DomainEvent, b: DomainEvent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
