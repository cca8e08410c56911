import type { Role } from '../../shared/api/users.ts';
import type { DomainEvent } from '../../shared/events.ts';

export interface Viewer {
  userId: string;
  role: Role;
}

/** Who may receive an event: the one place that decides, so no event leaks by accident. */
export function mayReceive(viewer: Viewer, event: DomainEvent): boolean {
  switch (event.type) {
    case 'page.linked':
    case 'page.health':
      return viewer.role === 'admin';
    case 'user.sessions-ended':
      return event.userId === viewer.userId;
  }
}
