import type { DomainEvent } from '../../shared/events.ts';
import { errorFields, type Logger } from '../log/logger.ts';
import type { Store } from '../store/database.ts';

const CHANNEL = 'pagedesk_events';
const MAX_PAYLOAD = 7_900; // NOTIFY refuses payloads of 8000 bytes or more

export interface EventBus {
  /** Sends the event to every instance (this one included), after the caller's writes. */
  publish(event: DomainEvent): Promise<void>;
  subscribe(listener: (event: DomainEvent) => void): () => void;
  close(): Promise<void>;
}

interface Pending {
  payload: string;
  bytes: number;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Events published in the same turn travel together, in order: one NOTIFY carries as many as fit
 * (a JSON array), instead of a database round trip per event — a routing round emits dozens.
 * On embedded PGlite the database belongs to this one process (the data dir is locked), so there
 * is no other instance to tell: events go straight to the listeners, without the round trip
 * through the database engine, still asynchronously and through JSON like a NOTIFY.
 */
export async function createEventBus(store: Store, logger: Logger): Promise<EventBus> {
  const listeners = new Set<(event: DomainEvent) => void>();
  const receive = (payload: string) => {
    let parsed: DomainEvent | DomainEvent[];
    try {
      parsed = JSON.parse(payload) as DomainEvent | DomainEvent[];
    } catch (err) {
      logger.error('unreadable event on the bus', errorFields(err));
      return;
    }
    for (const event of Array.isArray(parsed) ? parsed : [parsed]) {
      for (const l of listeners) {
        try {
          l(event);
        } catch (err) {
          logger.error('event listener failed', { ...errorFields(err), type: event.type });
        }
      }
    }
  };
  const local = store.kind === 'pglite';
  const unlisten = local ? async () => {} : await store.listen(CHANNEL, receive);

  let queue: Pending[] = [];
  let flushing = false;
  const send = async (batch: Pending[]) => {
    const payload = `[${batch.map((p) => p.payload).join(',')}]`;
    try {
      if (local) receive(payload);
      else await store.notify(CHANNEL, payload);
      for (const p of batch) p.resolve();
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  };
  const flush = async () => {
    while (queue.length) {
      const taken = queue;
      queue = [];
      let batch: Pending[] = [];
      let size = 2;
      for (const p of taken) {
        if (batch.length && size + p.bytes + 1 > MAX_PAYLOAD) {
          await send(batch);
          batch = [];
          size = 2;
        }
        batch.push(p);
        size += p.bytes + 1;
      }
      await send(batch);
    }
    flushing = false;
  };
  return {
    publish(event) {
      const payload = JSON.stringify(event);
      const bytes = Buffer.byteLength(payload);
      if (bytes > MAX_PAYLOAD - 2) {
        // A programming error (events carry ids and small fields): say so loudly rather than drop it silently.
        return Promise.reject(new Error(`event ${event.type} is too large for NOTIFY (${bytes} bytes)`));
      }
      return new Promise<void>((resolve, reject) => {
        queue.push({ payload, bytes, resolve, reject });
        if (!flushing) {
          flushing = true;
          queueMicrotask(() => void flush());
        }
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => unlisten(),
  };
}
