import { signal } from '@preact/signals';
import type { OutgoingReply, Transcript } from '../../shared/api/interactions.ts';
import type { DomainEvent } from '../../shared/events.ts';
import type { RealtimeUpdate, RuntimeError, RuntimeRequests } from '../../shared/runtime-messages.ts';
import { request, watchRealtime } from '../ui/runtime-client.ts';
import { type LocalDb, localDb } from './local-db.ts';

export type ReplyInput = Omit<RuntimeRequests['interactions.reply']['input'], 'id'>;

/**
 * A reply as the view shows it until it is part of the transcript. `key` is stable from the moment
 * the agent sends it; `unsent` holds what to send again when the request itself never reached the
 * backend (no outbox row, so nothing to retry there).
 */
export type OutgoingEntry = OutgoingReply & { key: string; unsent?: ReplyInput };

/** Bursts of events (a customer typing three lines, a reply sent) cost one fetch. */
export const REFETCH_DEBOUNCE_MS = 400;

const byCreated = (a: OutgoingEntry, b: OutgoingEntry) => a.createdAt.localeCompare(b.createdAt);

/**
 * One open interaction: its transcript (shown at once from the local cache, then from the network),
 * the agent's outgoing replies with their delivery status, and the actions on it. Live: a new
 * customer message or a sent reply refetches the transcript; a reply's status changes in place.
 */
export function createInteractionModel(opts: {
  id: string;
  userId: string;
  send?: typeof request;
  watch?: typeof watchRealtime;
  db?: LocalDb;
}) {
  const { id, userId } = opts;
  const send = opts.send ?? request;
  const watch = opts.watch ?? watchRealtime;
  const db = opts.db ?? localDb;

  const transcript = signal<Transcript | null>(null);
  /** True while what is shown comes from the cache and the network has not answered yet. */
  const fromCache = signal(false);
  const loading = signal(true);
  const error = signal<RuntimeError | null>(null);
  const outgoing = signal<OutgoingEntry[]>([]);
  const busy = signal(false);

  let fetchSeq = 0;
  let refetchTimer: ReturnType<typeof setTimeout> | undefined;
  let localSeq = 0;
  let disconnected = false;
  let stopped = false;

  /** Keeps the key an entry already has, so the list does not re-render it as a new one. */
  const entry = (r: OutgoingReply): OutgoingEntry => ({
    ...r,
    key: outgoing.value.find((o) => o.id === r.id)?.key ?? `r${r.id}`,
  });

  function upsertReply(r: OutgoingReply) {
    const e = entry(r);
    outgoing.value = outgoing.value.some((o) => o.id === r.id)
      ? outgoing.value.map((o) => (o.id === r.id ? e : o))
      : [...outgoing.value, e].sort(byCreated);
  }

  /**
   * The server's outgoing list wins; what it cannot know yet stays: replies still in flight (no
   * outbox id yet) and replies just sent whose message the transcript does not hold yet.
   */
  function mergeOutgoing(t: Transcript) {
    const known = new Set(t.outgoing.map((r) => r.id));
    const messageIds = new Set(t.messages.map((m) => m.id));
    const keep = outgoing.value.filter(
      (o) =>
        !known.has(o.id) &&
        (o.id < 0 ||
          o.unsent !== undefined ||
          (o.status === 'sent' && !(o.graphId && messageIds.has(o.graphId)))),
    );
    outgoing.value = [...t.outgoing.map(entry), ...keep].sort(byCreated);
  }

  async function fetchNow() {
    const seq = ++fetchSeq;
    const res = await send('interactions.get', { id });
    // An older answer arriving after a newer one must not undo it.
    if (seq !== fetchSeq || stopped) return;
    loading.value = false;
    if (!res.ok) {
      error.value = res.error;
      return;
    }
    error.value = null;
    fromCache.value = false;
    transcript.value = res.value;
    mergeOutgoing(res.value);
    void db.saveTranscript(res.value, userId);
  }

  function refetchSoon() {
    clearTimeout(refetchTimer);
    refetchTimer = setTimeout(() => void fetchNow(), REFETCH_DEBOUNCE_MS);
  }

  function apply(event: DomainEvent) {
    switch (event.type) {
      case 'interaction.message':
        if (event.interactionId === id) refetchSoon();
        return;
      case 'reply.status':
        if (event.reply.interactionId !== id) return;
        upsertReply(event.reply);
        if (event.reply.status === 'sent') refetchSoon();
        return;
      case 'interaction.changed':
        if (event.interaction.id === id && transcript.value)
          transcript.value = { ...transcript.value, interaction: event.interaction };
        return;
      default:
        return;
    }
  }

  function onUpdate(u: RealtimeUpdate) {
    if (u.type === 'event') apply(u.event);
    else if (u.type === 'connected') {
      // Events missed while the socket was down: the transcript may have moved on.
      if (u.connected && disconnected) refetchSoon();
      disconnected = !u.connected;
    }
  }

  async function deliver(key: string, input: ReplyInput, kind: OutgoingReply['kind']) {
    const res = await send('interactions.reply', { id, ...input });
    const mine = outgoing.value.find((o) => o.key === key);
    if (!mine) return res.ok;
    if (!res.ok) {
      outgoing.value = outgoing.value.map((o) =>
        o.key === key ? { ...o, status: 'failed', error: res.error.message, unsent: input } : o,
      );
      return false;
    }
    const outboxId = res.value.outboxId;
    // The backend's event may have come first: then it is the one to keep.
    if (outgoing.value.some((o) => o.id === outboxId && o.key !== key))
      outgoing.value = outgoing.value.filter((o) => o.key !== key);
    else
      outgoing.value = outgoing.value.map((o) =>
        o.key === key ? { ...o, id: outboxId, kind, status: 'pending', error: null, unsent: undefined } : o,
      );
    return true;
  }

  return {
    id,
    transcript,
    fromCache,
    loading,
    error,
    outgoing,
    busy,
    async start(abort: AbortSignal) {
      abort.addEventListener(
        'abort',
        () => {
          stopped = true;
          clearTimeout(refetchTimer);
        },
        { once: true },
      );
      watch(onUpdate, abort);
      const fetching = fetchNow();
      const cached = await db.loadTranscript(id, userId);
      // Only if the network has not answered first.
      if (cached && !transcript.value && !stopped) {
        transcript.value = cached;
        fromCache.value = true;
        loading.value = false;
        mergeOutgoing(cached);
      }
      await fetching;
    },
    refresh: () => fetchNow(),
    /**
     * Shows the reply at once as pending, then sends it; a refused request leaves it failed with
     * the reason and a retry. Resolves whether the backend took it.
     */
    reply(input: ReplyInput, agentName: string | null = null) {
      const key = `local${++localSeq}`;
      const kind: OutgoingReply['kind'] = input.privately
        ? 'private_reply'
        : transcript.value?.interaction.channel === 'messenger'
          ? 'message'
          : 'comment_reply';
      const pending: OutgoingEntry = {
        key,
        id: -localSeq,
        interactionId: id,
        kind,
        status: 'pending',
        text: input.text ?? '',
        attachmentUrl: input.attachmentUrl ?? null,
        commentId: input.commentId ?? null,
        agentName,
        error: null,
        createdAt: new Date().toISOString(),
        sentAt: null,
        graphId: null,
      };
      outgoing.value = [...outgoing.value, pending];
      return deliver(key, input, kind);
    },
    /** A failed reply goes again: through the outbox when it has a row, else as a new request. */
    async retry(key: string) {
      const o = outgoing.value.find((x) => x.key === key);
      if (o?.status !== 'failed') return false;
      outgoing.value = outgoing.value.map((x) =>
        x.key === key ? { ...x, status: 'pending', error: null } : x,
      );
      if (o.unsent) return deliver(key, o.unsent, o.kind);
      const res = await send('interactions.retry', { id, replyId: o.id });
      if (res.ok) upsertReply(res.value);
      else
        outgoing.value = outgoing.value.map((x) =>
          x.key === key ? { ...x, status: 'failed', error: res.error.message } : x,
        );
      return res.ok;
    },
    /** Ringall: take the offer, then show the composer. */
    async accept() {
      busy.value = true;
      const res = await send('interactions.accept', { id });
      busy.value = false;
      if (!res.ok) error.value = res.error;
      else await fetchNow();
      return res.ok;
    },
    async complete(disposition?: string) {
      busy.value = true;
      const d = disposition?.trim();
      const res = await send('interactions.complete', d ? { id, disposition: d } : { id });
      busy.value = false;
      if (!res.ok) {
        error.value = res.error;
        return false;
      }
      await db.deleteDraft(id, userId);
      return true;
    },
    /** For tests: apply one update as if the background relayed it. */
    receive: onUpdate,
  };
}

export type InteractionModel = ReturnType<typeof createInteractionModel>;
