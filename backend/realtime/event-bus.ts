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

export async function createEventBus(store: Store, logger: Logger): Promise<EventBus> {
  const listeners = new Set<(event: DomainEvent) => void>();
  const unlisten = await store.listen(CHANNEL, (payload) => {
    let event: DomainEvent;
    try {
      event = JSON.parse(payload) as DomainEvent;
    } catch (err) {
      logger.error('unreadable event on the bus', errorFields(err));
      return;
    }
    for (const l of listeners) {
      try {
        l(event);
      } catch (err) {
        logger.error('event listener failed', { ...errorFields(err), type: event.type });
      }
    }
  });
  return {
    async publish(event) {
      const payload = JSON.stringify(event);
      if (Buffer.byteLength(payload) > MAX_PAYLOAD) {
        // A programming error (events carry ids and small fields): say so loudly rather than drop it silently.
        throw new Error(`event ${event.type} is too large for NOTIFY (${Buffer.byteLength(payload)} bytes)`);
      }
      await store.notify(CHANNEL, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => unlisten(),
  };
}
