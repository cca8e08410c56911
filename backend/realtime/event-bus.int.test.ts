import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../shared/events.ts';
import { createTestStore } from '../../test/harness/test-store.ts';
import { createLogger } from '../log/logger.ts';
import type { Store } from '../store/database.ts';
import { createEventBus, type EventBus } from './event-bus.ts';

let store: Store;
let bus: EventBus;
const logs: string[] = [];

beforeAll(async () => {
  store = await createTestStore();
  bus = await createEventBus(
    store,
    createLogger('info', (l) => logs.push(l)),
  );
});
afterAll(async () => {
  await bus.close();
  await store.close();
});

const status = (n: number): DomainEvent => ({
  type: 'agent.status',
  presence: {
    agentId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    status: 'available',
    breakReason: null,
    since: new Date(n).toISOString(),
  },
});

function collect() {
  const seen: DomainEvent[] = [];
  const stop = bus.subscribe((e) => seen.push(e));
  return { seen, stop };
}

describe('the event bus', () => {
  it('delivers a burst of events from one turn to every subscriber, all of them, in order', async () => {
    const a = collect();
    const b = collect();
    // About 160 bytes each: 300 of them need several NOTIFY payloads of at most 8000 bytes.
    const sent = Array.from({ length: 300 }, (_, n) => status(n));
    await Promise.all(sent.map((e) => bus.publish(e)));
    await expect.poll(() => a.seen.length).toBe(300);
    expect(a.seen).toEqual(sent);
    expect(b.seen).toEqual(sent);
    a.stop();
    b.stop();
  });

  it('keeps the order across turns while a batch is still on its way', async () => {
    const c = collect();
    const first = bus.publish(status(1));
    await Promise.resolve();
    const second = bus.publish(status(2));
    await Promise.all([first, second]);
    await expect.poll(() => c.seen.length).toBe(2);
    expect(c.seen).toEqual([status(1), status(2)]);
    c.stop();
  });

  it('refuses an event too large for NOTIFY, on PGlite too, and still delivers the others', async () => {
    const c = collect();
    const huge: DomainEvent = { type: 'user.sessions-ended', userId: 'x'.repeat(8_000) };
    await expect(bus.publish(huge)).rejects.toThrow(/too large for NOTIFY/);
    await bus.publish(status(3));
    await expect.poll(() => c.seen.length).toBe(1);
    expect(c.seen).toEqual([status(3)]);
    c.stop();
  });
});
