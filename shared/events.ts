import type { Page } from './api/pages.ts';

/**
 * Every change the backend pushes, as a closed union: use cases emit these, the real-time hub
 * sends each to the clients allowed to see it. Events stay small (ids and a few fields): they
 * travel through PostgreSQL NOTIFY, whose payload is limited to 8000 bytes.
 */
export type DomainEvent =
  | { type: 'page.linked'; page: Page }
  | { type: 'page.health'; page: Page }
  /** The user's sessions were ended (logout, deactivation, password reset): their sockets close. */
  | { type: 'user.sessions-ended'; userId: string };

export type DomainEventType = DomainEvent['type'];
