import { and, eq, inArray } from 'drizzle-orm';
import type { InteractionView, PresenceView } from '../../shared/api/interactions.ts';
import type { Database } from '../store/database.ts';
import { interactionOffers, interactions } from '../store/schema.ts';
import { readPresence } from './changes.ts';
import { viewInteractions } from './interaction-view.ts';

export interface AgentWork {
  presence: PresenceView;
  /** Assigned and answered interactions, oldest waiting first. */
  interactions: InteractionView[];
  /** Ringall offers waiting for this agent to accept. */
  offers: InteractionView[];
}

/** Everything an agent's inbox starts from (the WebSocket snapshot and GET /api/agent/work). */
export async function agentWork(db: Database, agentId: string): Promise<AgentWork> {
  const mine = await db
    .select({ id: interactions.id })
    .from(interactions)
    .where(and(eq(interactions.agentId, agentId), inArray(interactions.state, ['assigned', 'answered'])));
  const offered = await db
    .select({ id: interactionOffers.interactionId })
    .from(interactionOffers)
    .where(eq(interactionOffers.agentId, agentId));
  const byQueue = (a: InteractionView, b: InteractionView) => a.queuedAt.localeCompare(b.queuedAt);
  return {
    presence: await readPresence(db, agentId),
    interactions: (
      await viewInteractions(
        db,
        mine.map((r) => r.id),
      )
    ).sort(byQueue),
    offers: (
      await viewInteractions(
        db,
        offered.map((r) => r.id),
      )
    ).sort(byQueue),
  };
}

/** Whether a ringall offer for this interaction is open to this agent. */
export async function isOfferedTo(db: Database, interactionId: string, agentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: interactionOffers.interactionId })
    .from(interactionOffers)
    .where(and(eq(interactionOffers.interactionId, interactionId), eq(interactionOffers.agentId, agentId)))
    .limit(1);
  return rows.length > 0;
}
