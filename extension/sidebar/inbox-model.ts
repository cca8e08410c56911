import { batch, computed, signal } from '@preact/signals';
import type { InteractionView, PresenceView } from '../../shared/api/interactions.ts';
import type { DomainEvent } from '../../shared/events.ts';
import type { RealtimeUpdate, RuntimeError } from '../../shared/runtime-messages.ts';
import { type AgentWorkState, applyEvent, waitingCount, workFromSnapshot } from '../ui/agent-work-state.ts';
import { request, watchRealtime } from '../ui/runtime-client.ts';

/**
 * The agent's unified inbox: their interactions and open offers, oldest waiting first, kept live
 * by the backend's snapshot and events (relayed by the background), plus their status.
 */
export function createInboxModel(
  agentId: () => string | null,
  send: typeof request = request,
  watch: typeof watchRealtime = watchRealtime,
) {
  const items = signal<InteractionView[]>([]);
  const offers = signal<InteractionView[]>([]);
  const presence = signal<PresenceView | null>(null);
  const connected = signal(false);
  const unread = signal<ReadonlySet<string>>(new Set());
  const error = signal<RuntimeError | null>(null);

  const markUnread = (id: string, on: boolean) => {
    const next = new Set(unread.value);
    if (on) next.add(id);
    else next.delete(id);
    unread.value = next;
  };
  const state = (): AgentWorkState => ({
    presence: presence.value,
    items: items.value,
    offers: offers.value,
  });
  const set = (next: AgentWorkState) =>
    batch(() => {
      items.value = next.items;
      offers.value = next.offers;
      presence.value = next.presence;
    });

  function apply(event: DomainEvent) {
    const me = agentId();
    const before = items.value;
    set(applyEvent(state(), event, me));
    // An interaction new to the agent, or a customer writing again, is unread until opened.
    for (const i of items.value) if (!before.some((x) => x.id === i.id)) markUnread(i.id, true);
    if (event.type === 'interaction.message' && me && event.agentId === me)
      markUnread(event.interactionId, true);
  }

  function onUpdate(u: RealtimeUpdate) {
    if (u.type === 'connected') connected.value = u.connected;
    else if (u.type === 'snapshot' && u.snapshot.agent) set(workFromSnapshot(u.snapshot));
    else if (u.type === 'event') apply(u.event);
  }

  async function act<T>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: RuntimeError }>) {
    error.value = null;
    const res = await work();
    if (!res.ok) error.value = res.error;
    return res.ok;
  }

  return {
    items,
    offers,
    presence,
    connected,
    unread,
    error,
    /** What is waiting on the agent (offers and unanswered assignments): the badge's count. */
    waiting: computed(() => waitingCount(state())),
    start(abort: AbortSignal) {
      watch(onUpdate, abort);
    },
    open(id: string) {
      markUnread(id, false);
    },
    setAvailable: () => act(() => send('agent.status', { status: 'available' })),
    setBreak: (reason: string) => act(() => send('agent.status', { status: 'break', reason })),
    accept: (id: string) => act(() => send('interactions.accept', { id })),
    complete: (id: string, disposition?: string) =>
      act(() => send('interactions.complete', disposition ? { id, disposition } : { id })),
    /** For tests and the background relay: apply one update as if it came from the socket. */
    receive: onUpdate,
  };
}

export type InboxModel = ReturnType<typeof createInboxModel>;
