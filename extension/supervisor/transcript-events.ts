import type { DomainEvent } from '../../shared/events.ts';

/** Does this event change what an interaction's transcript shows (a message, its state, a reply)? */
export function concernsTranscript(event: DomainEvent, interactionId: string): boolean {
  switch (event.type) {
    case 'interaction.message':
      return event.interactionId === interactionId;
    case 'interaction.changed':
      return event.interaction.id === interactionId;
    case 'reply.status':
      return event.reply.interactionId === interactionId;
    default:
      return false;
  }
}
