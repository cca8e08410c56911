import type { InteractionState } from '../../shared/api/interactions.ts';
import type { Database } from '../store/database.ts';
import { interactionTransitions } from '../store/schema.ts';

/** Stores one lifecycle step; every state change goes through here, in the same transaction. */
export async function recordTransition(
  db: Database,
  step: {
    interactionId: string;
    state: InteractionState;
    at: Date;
    agentId?: string | null;
    actorId?: string | null;
    note?: string;
  },
) {
  await db.insert(interactionTransitions).values({
    interactionId: step.interactionId,
    state: step.state,
    at: step.at,
    agentId: step.agentId ?? null,
    actorId: step.actorId ?? null,
    note: step.note ?? null,
  });
}

/** Several lifecycle steps in one statement (a routing round's decisions), same rules as above. */
export async function recordTransitions(db: Database, steps: Parameters<typeof recordTransition>[1][]) {
  if (steps.length === 0) return;
  await db.insert(interactionTransitions).values(
    steps.map((step) => ({
      interactionId: step.interactionId,
      state: step.state,
      at: step.at,
      agentId: step.agentId ?? null,
      actorId: step.actorId ?? null,
      note: step.note ?? null,
    })),
  );
}

export const OPEN_STATES = ['queued', 'offered', 'assigned', 'answered'] as const;
