import type { InteractionView, PresenceView } from '../../shared/api/interactions.ts';
import type { DomainEvent } from '../../shared/events.ts';
import type { Snapshot } from '../../shared/realtime.ts';

/**
 * An agent's work as the backend last told it: their status, their interactions and the ringall
 * offers meant for them, each list oldest waiting first. The background keeps one (so a page that
 * opens later starts from the truth) and the sidebar keeps one; both apply events with this module.
 */
export interface AgentWorkState {
  presence: PresenceView | null;
  items: InteractionView[];
  offers: InteractionView[];
}

export const EMPTY_WORK: AgentWorkState = { presence: null, items: [], offers: [] };

const byWaiting = (a: InteractionView, b: InteractionView) => a.queuedAt.localeCompare(b.queuedAt);
const upsert = (list: InteractionView[], i: InteractionView) =>
  [...list.filter((x) => x.id !== i.id), i].sort(byWaiting);
// Returning the same array when nothing is dropped keeps signals and listeners quiet.
const drop = (list: InteractionView[], id: string) =>
  list.some((x) => x.id === id) ? list.filter((x) => x.id !== id) : list;

/** The agent's part of a snapshot, sorted; empty for users who are not agents. */
export function workFromSnapshot(snapshot: Snapshot): AgentWorkState {
  const agent = snapshot.agent;
  if (!agent) return EMPTY_WORK;
  return {
    presence: agent.presence,
    items: [...agent.interactions].sort(byWaiting),
    offers: [...agent.offers].sort(byWaiting),
  };
}

/** The state after one event, for the agent `me`; the same object when the event is not theirs. */
export function applyEvent(state: AgentWorkState, event: DomainEvent, me: string | null): AgentWorkState {
  if (!me) return state;
  switch (event.type) {
    case 'interaction.changed': {
      const i = event.interaction;
      const mine = i.agentId === me && (i.state === 'assigned' || i.state === 'answered');
      const offers = drop(state.offers, i.id);
      const items = mine ? upsert(state.items, i) : drop(state.items, i.id);
      return offers === state.offers && items === state.items ? state : { ...state, items, offers };
    }
    case 'interaction.offered':
      return event.agentIds.includes(me)
        ? { ...state, offers: upsert(state.offers, event.interaction) }
        : state;
    case 'interaction.withdrawn': {
      if (!event.agentIds.includes(me)) return state;
      const offers = drop(state.offers, event.interactionId);
      return offers === state.offers ? state : { ...state, offers };
    }
    case 'agent.status':
      return event.presence.agentId === me ? { ...state, presence: event.presence } : state;
    default:
      return state;
  }
}

/**
 * What waits on the agent: offers to accept and assigned interactions not answered yet. Answered
 * ones stay in the inbox until completed but are no longer waiting; this is the badge's count.
 */
export function waitingWork(state: AgentWorkState): InteractionView[] {
  return [...state.offers, ...state.items.filter((i) => i.state === 'assigned')];
}

export function waitingCount(state: AgentWorkState): number {
  return waitingWork(state).length;
}

/** Work that is new to the agent (an assignment or an offer), not work that moved between lists. */
export function arrivals(before: AgentWorkState, after: AgentWorkState): InteractionView[] {
  const known = new Set([...before.items, ...before.offers].map((i) => i.id));
  return [...after.offers, ...after.items].filter((i) => !known.has(i.id));
}
