import type { DomainEvent } from '../../shared/events.ts';
import { errorFields, type Logger } from '../log/logger.ts';
import type { EventBus } from './event-bus.ts';

export type Emit = (event: DomainEvent) => void;

/** Fire-and-forget publishing for use cases: the write already happened; a lost push is logged. */
export function emitter(bus: EventBus, logger: Logger): Emit {
  return (event) => {
    bus
      .publish(event)
      .catch((err) => logger.error('event publish failed', { ...errorFields(err), type: event.type }));
  };
}
