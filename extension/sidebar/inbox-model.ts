import { computed, signal } from '@preact/signals';
import type { InteractionView, PresenceView } from '../../shared/api/interactions.ts';
import type { DomainEvent } from '../../shared/events.ts';
import type { RealtimeUpdate, RuntimeError } from '../../shared/runtime-messages.ts';
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

  const byWaiting = (a: InteractionView, b: InteractionView) => a.queuedAt.localeCompare(b.queuedAt);
  const upsert = (list: InteractionView[], i: InteractionView) =>
    [...list.filter((x) => x.id !== i.id), i].sort(byWaiting);
  const drop = (list: InteractionView[], id: string) => list.filter((x) => x.id !== id);
  const markUnread = (id: string, on: boolean) => {
    const next = new Set(unread.value);
    if (on) next.add(id);
    else next.delete(id);
    unread.value = next;
  };

  function apply(event: DomainEvent) {
    const me = agentId();
    switch (event.type) {
      case 'interaction.changed': {
        const i = event.interaction;
        offers.value = drop(offers.value, i.id);
        const mine = i.agentId === me && (i.state === 'assigned' || i.state === 'answered');
        if (mine) {
          if (!items.value.some((x) => x.id === i.id)) markUnread(i.id, true);
          items.value = upsert(items.value, i);
        } else items.value = drop(items.value, i.id);
        return;
      }
      case 'interaction.offered':
        if (me && event.agentIds.includes(me)) offers.value = upsert(offers.value, event.interaction);
        return;
      case 'interaction.withdrawn':
        if (me && event.agentIds.includes(me)) offers.value = drop(offers.value, event.interactionId);
        return;
      case 'interaction.message':
        if (event.agentId === me) markUnread(event.interactionId, true);
        return;
      case 'agent.status':
        if (event.presence.agentId === me) presence.value = event.presence;
        return;
      default:
        return;
    }
  }

  function onUpdate(u: RealtimeUpdate) {
    if (u.type === 'connected') connected.value = u.connected;
    else if (u.type === 'snapshot' && u.snapshot.agent) {
      items.value = [...u.snapshot.agent.interactions].sort(byWaiting);
      offers.value = [...u.snapshot.agent.offers].sort(byWaiting);
      presence.value = u.snapshot.agent.presence;
    } else if (u.type === 'event') apply(u.event);
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
    /** What is waiting on the agent: the badge's count. */
    waiting: computed(() => items.value.length + offers.value.length),
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
