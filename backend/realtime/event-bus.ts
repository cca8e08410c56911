import { randomUUID } from 'node:crypto';
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

/** What travels in a NOTIFY: the sending instance, so it can skip its own, and its events in order. */
interface Envelope {
  from: string;
  events: DomainEvent[];
}

/**
 * Listeners of this instance hear an event on the next microtask, through JSON as a NOTIFY would
 * carry it, without waiting for a round trip through the database; the other instances on the
 * same PostgreSQL hear it through NOTIFY, which skips the instance that sent it. Events published
 * in the same turn travel together, in order, in as few NOTIFYs as fit (8000 bytes each). The
 * NOTIFY is sent at once rather than gathered over a few milliseconds: the use case has committed
 * and may answer its client next, and an instance killed in between must not have kept an event
 * only to itself (the two-instance reliability test kills one mid-load). On embedded PGlite the database
 * belongs to this one process (the data dir is locked), so there is nobody else to tell.
 */
export async function createEventBus(store: Store, logger: Logger): Promise<EventBus> {
  const self = randomUUID();
  const listeners = new Set<(event: DomainEvent) => void>();
  const deliver = (events: DomainEvent[]) => {
    for (const event of events) {
      for (const l of listeners) {
        try {
          l(event);
        } catch (err) {
          logger.error('event listener failed', { ...errorFields(err), type: event.type });
        }
      }
    }
  };
  const parse = (payload: string): unknown => {
    try {
      return JSON.parse(payload);
    } catch (err) {
      logger.error('unreadable event on the bus', errorFields(err));
      return undefined;
    }
  };
  const fromOthers = (payload: string) => {
    const envelope = parse(payload) as Envelope | undefined;
    if (!envelope || envelope.from === self || !Array.isArray(envelope.events)) return;
    deliver(envelope.events);
  };
  const local = store.kind === 'pglite';
  const unlisten = local ? async () => {} : await store.listen(CHANNEL, fromOthers);

  // Local delivery: what this turn published, on the next microtask, in order.
  let here: string[] = [];
  const hearHere = () => {
    const payloads = here;
    here = [];
    const events = parse(`[${payloads.join(',')}]`) as DomainEvent[] | undefined;
    if (events) deliver(events);
  };

  // To the other instances: what this turn published, in as few NOTIFYs as fit.
  let queue: Pending[] = [];
  let flushing = false;
  const head = `{"from":${JSON.stringify(self)},"events":[`;
  const send = async (batch: Pending[]) => {
    try {
      await store.notify(CHANNEL, `${head}${batch.map((p) => p.payload).join(',')}]}`);
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
      let size = head.length + 2;
      for (const p of taken) {
        if (batch.length && size + p.bytes + 1 > MAX_PAYLOAD) {
          await send(batch);
          batch = [];
          size = head.length + 2;
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
      if (bytes > MAX_PAYLOAD - 2 - Buffer.byteLength(head)) {
        // A programming error (events carry ids and small fields): say so loudly rather than drop it silently.
        return Promise.reject(new Error(`event ${event.type} is too large for NOTIFY (${bytes} bytes)`));
      }
      if (here.length === 0) queueMicrotask(hearHere);
      here.push(payload);
      if (local) return Promise.resolve();
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
