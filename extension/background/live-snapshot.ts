import type { InteractionView } from '../../shared/api/interactions.ts';
import type { User } from '../../shared/api/users.ts';
import type { DomainEvent } from '../../shared/events.ts';
import type { Snapshot } from '../../shared/realtime.ts';
import {
  type AgentWorkState,
  applyEvent,
  arrivals,
  EMPTY_WORK,
  workFromSnapshot,
} from '../ui/agent-work-state.ts';

/** The snapshot after one event: the agent's work and the Pages list follow what happened. */
export function applyToSnapshot(snapshot: Snapshot, event: DomainEvent, me: string | null): Snapshot {
  let next = snapshot;
  if (snapshot.agent) {
    const before = workFromSnapshot(snapshot);
    const work = applyEvent(before, event, me);
    if (work !== before)
      next = {
        ...next,
        agent: {
          presence: work.presence ?? snapshot.agent.presence,
          interactions: work.items,
          offers: work.offers,
        },
      };
  }
  if (snapshot.pages && (event.type === 'page.linked' || event.type === 'page.health')) {
    const page = event.page;
    const known = snapshot.pages.some((p) => p.id === page.id);
    next = {
      ...next,
      pages: known ? snapshot.pages.map((p) => (p.id === page.id ? page : p)) : [...snapshot.pages, page],
    };
  }
  return next;
}

/**
 * The background's copy of what the backend said: the `ready` snapshot with every event since
 * applied, so a page that connects later starts from the present, not from the login.
 */
export class LiveSnapshot {
  private snapshot: Snapshot | null = null;
  private me: string | null = null;

  current(): Snapshot | null {
    return this.snapshot;
  }

  work(): AgentWorkState {
    return this.snapshot ? workFromSnapshot(this.snapshot) : EMPTY_WORK;
  }

  /**
   * A fresh snapshot from the backend; returns the work that arrived while the socket was down
   * (nothing on the first snapshot of a session: that work is not news).
   */
  ready(user: User, snapshot: Snapshot): InteractionView[] {
    const reconnect = this.snapshot !== null && this.me === user.id;
    const before = this.work();
    this.snapshot = snapshot;
    this.me = user.id;
    return reconnect ? arrivals(before, this.work()) : [];
  }

  /** Applies one event; returns the work it brought the agent (a new assignment or offer). */
  apply(event: DomainEvent): InteractionView[] {
    if (!this.snapshot) return [];
    const before = this.work();
    this.snapshot = applyToSnapshot(this.snapshot, event, this.me);
    return arrivals(before, this.work());
  }

  /** Logged out, or another backend: nothing is known any more. */
  clear(): void {
    this.snapshot = null;
    this.me = null;
  }
}
