import type { InteractionView, OutgoingReply, PresenceView, ViewerView } from './api/interactions.ts';
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
  | { type: 'user.sessions-ended'; userId: string }
  /**
   * An interaction changed (queued, assigned, answered, completed, returned to the queue...).
   * `previousAgentId` is set when it left an agent, so that agent's inbox drops it.
   */
  | { type: 'interaction.changed'; interaction: InteractionView; previousAgentId: string | null }
  /** Ringall: offered to these agents; the first to accept takes it. */
  | { type: 'interaction.offered'; interaction: InteractionView; agentIds: string[] }
  /** The offer went to someone else (or back to the queue). */
  | { type: 'interaction.withdrawn'; interactionId: string; agentIds: string[]; campaignId: string }
  /** A customer wrote again in an open interaction. */
  | { type: 'interaction.message'; interactionId: string; agentId: string | null; campaignId: string }
  | { type: 'agent.status'; presence: PresenceView }
  /**
   * A campaign was created or changed (members, supervisors, thresholds, schedule…): sockets reload
   * who they supervise, and supervisors' boards refetch.
   */
  | { type: 'campaign.changed'; campaignId: string }
  /**
   * A reply's delivery changed (queued, sent, failed, held, released, retried); `agentId` owns the
   * interaction. A very long `reply.text` arrives shortened (ending in …) to fit NOTIFY: merge the
   * status fields by `reply.id`; the transcript has the text whole.
   */
  | { type: 'reply.status'; reply: OutgoingReply; agentId: string | null; campaignId: string }
  /**
   * Collision control: someone opened, types in, or left an interaction (refreshed every ~10 s).
   * Never sent to the viewer themselves (none of their sockets).
   */
  | { type: 'interaction.viewer'; viewer: ViewerView; agentId: string | null; campaignId: string };

export type DomainEventType = DomainEvent['type'];
