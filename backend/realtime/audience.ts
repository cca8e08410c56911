import type { Role } from '../../shared/api/users.ts';
import type { DomainEvent } from '../../shared/events.ts';

/**
 * What a supervisor watches: the campaigns assigned to them and the agents who are members of
 * those campaigns (for `agent.status`). Loaded when the socket authenticates and reloaded on
 * `campaign.changed` (see `supervisor-scope.ts`).
 */
export interface SupervisorScope {
  campaignIds: ReadonlySet<string>;
  agentIds: ReadonlySet<string>;
}

export interface Viewer {
  userId: string;
  role: Role;
  /** Supervisors only; admins watch everything, agents only their own work. */
  scope?: SupervisorScope;
}

/** Admins watch every campaign; supervisors the ones assigned to them. */
const watches = (viewer: Viewer, campaignId: string) =>
  viewer.role === 'admin' ||
  (viewer.role === 'supervisor' && viewer.scope?.campaignIds.has(campaignId) === true);

const watchesAgent = (viewer: Viewer, agentId: string) =>
  viewer.role === 'admin' || (viewer.role === 'supervisor' && viewer.scope?.agentIds.has(agentId) === true);

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
        watches(viewer, event.interaction.campaignId) ||
        event.interaction.agentId === viewer.userId ||
        event.previousAgentId === viewer.userId
      );
    case 'interaction.offered':
      return watches(viewer, event.interaction.campaignId) || event.agentIds.includes(viewer.userId);
    case 'interaction.withdrawn':
      return watches(viewer, event.campaignId) || event.agentIds.includes(viewer.userId);
    case 'interaction.message':
      return watches(viewer, event.campaignId) || event.agentId === viewer.userId;
    case 'agent.status':
      return watchesAgent(viewer, event.presence.agentId) || event.presence.agentId === viewer.userId;
    case 'reply.status':
      return watches(viewer, event.campaignId) || event.agentId === viewer.userId;
    case 'interaction.viewer':
      // Nobody is told about themselves (not even on their other sockets): "you are viewing" is noise.
      if (event.viewer.userId === viewer.userId) return false;
      return watches(viewer, event.campaignId) || event.agentId === viewer.userId;
    case 'campaign.changed':
      // Supervisors of the campaign as it was; those just given it hear it once their scope has
      // reloaded (ws-hub.ts). Supervisors of other campaigns never learn it exists.
      return watches(viewer, event.campaignId);
  }
}
