import type { Role } from '../../shared/api/users.ts';
import type { DomainEvent } from '../../shared/events.ts';

export interface Viewer {
  userId: string;
  role: Role;
}

/** Supervisors and admins watch the work. (Per-campaign supervision comes with the supervisor board.) */
const overseer = (viewer: Viewer) => viewer.role === 'admin' || viewer.role === 'supervisor';

/** Who may receive an event: the one place that decides, so no event leaks by accident. */
export function mayReceive(viewer: Viewer, event: DomainEvent): boolean {
  switch (event.type) {
    case 'page.linked':
    case 'page.health':
      return viewer.role === 'admin';
    case 'user.sessions-ended':
      return event.userId === viewer.userId;
    case 'interaction.changed':
      return (
        overseer(viewer) ||
        event.interaction.agentId === viewer.userId ||
        event.previousAgentId === viewer.userId
      );
    case 'interaction.offered':
    case 'interaction.withdrawn':
      return overseer(viewer) || event.agentIds.includes(viewer.userId);
    case 'interaction.message':
      return overseer(viewer) || event.agentId === viewer.userId;
    case 'agent.status':
      return overseer(viewer) || event.presence.agentId === viewer.userId;
    case 'reply.status':
      return overseer(viewer) || event.agentId === viewer.userId;
    case 'interaction.viewer':
      // Nobody is told about themselves (not even on their other sockets): "you are viewing" is noise.
      if (event.viewer.userId === viewer.userId) return false;
      return overseer(viewer) || event.agentId === viewer.userId;
  }
}
