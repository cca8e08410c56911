import { and, inArray } from 'drizzle-orm';
import type { DomainEvent } from '../../shared/events.ts';
import { viewInteractions } from '../interactions/interaction-view.ts';
import type { Database } from '../store/database.ts';
import { interactions } from '../store/schema.ts';
import type { Viewer } from './audience.ts';

/** Work assigned this recently is left to its event, still on its way (NOTIFY takes milliseconds). */
export const RESYNC_GRACE_MS = 1_000;

/** An agent's socket as the resync sees it: who, whether its snapshot is out, what it was told. */
export interface ToldSocket {
  readonly viewer: Viewer;
  readonly ready: boolean;
  /** Interactions this socket was told are the agent's (snapshot or event), with when (Date.now()). */
  readonly told: Map<string, number>;
  deliver(event: DomainEvent): void;
}

/**
 * An instance commits an assignment, then publishes it (to its own sockets at once, to the other
 * instances by NOTIFY). Killed in between, it takes the event with it, and an agent connected to
 * another instance never hears of work that is theirs: the interaction waits, assigned, forever.
 * Each instance therefore compares, on a schedule, its agents' open work with what their sockets
 * were told, and tells what is missing, as the event would have. It also forgets what is no
 * longer theirs, so `told` stays the size of an inbox.
 */
export async function resyncInboxes(
  db: Database,
  sockets: Iterable<ToldSocket>,
  nowMs: number,
): Promise<void> {
  const agents = [...sockets].filter((s) => s.viewer.role === 'agent' && s.ready);
  if (agents.length === 0) return;
  const open = await db
    .select({ id: interactions.id, agentId: interactions.agentId, assignedAt: interactions.assignedAt })
    .from(interactions)
    .where(
      and(
        inArray(interactions.agentId, [...new Set(agents.map((s) => s.viewer.userId))]),
        inArray(interactions.state, ['assigned', 'answered']),
      ),
    );
  const missing = new Map<ToldSocket, string[]>();
  for (const socket of agents) {
    const theirs = open.filter((r) => r.agentId === socket.viewer.userId);
    const ids = new Set(theirs.map((r) => r.id));
    const wallMs = Date.now(); // `told` is wall-clock time; `nowMs` is the backend's clock, as assigned_at
    for (const [id, at] of socket.told)
      if (!ids.has(id) && wallMs - at > RESYNC_GRACE_MS) socket.told.delete(id);
    const untold = theirs
      .filter((r) => !socket.told.has(r.id) && nowMs - (r.assignedAt?.getTime() ?? 0) >= RESYNC_GRACE_MS)
      .map((r) => r.id);
    if (untold.length) missing.set(socket, untold);
  }
  if (missing.size === 0) return;
  const views = new Map(
    (await viewInteractions(db, [...new Set([...missing.values()].flat())])).map((v) => [v.id, v]),
  );
  for (const [socket, ids] of missing) {
    for (const id of ids) {
      const view = views.get(id);
      // Read again after the check: only what is still theirs, and not told meanwhile.
      if (!view || view.agentId !== socket.viewer.userId || socket.told.has(id)) continue;
      if (view.state !== 'assigned' && view.state !== 'answered') continue;
      socket.deliver({ type: 'interaction.changed', interaction: view, previousAgentId: null });
    }
  }
}
