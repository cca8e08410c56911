import { signal } from '@preact/signals';
import type { Transcript } from '../../shared/api/interactions.ts';
import type { RealtimeUpdate, RuntimeError } from '../../shared/runtime-messages.ts';
import { request, watchRealtime } from '../ui/runtime-client.ts';
import { concernsTranscript } from './transcript-events.ts';

export interface SpyTarget {
  agentId: string;
  agentName: string;
  /** The agent's open interactions in the campaign; Spy shows one at a time. */
  interactionIds: string[];
}

/**
 * Spy: a read-only live view of an agent's interaction. Opening it calls the audited spy route
 * once; after that each event about the interaction refetches the transcript (one request at a
 * time). Neither call marks anything read, and there is no composer.
 */
export function createSpyModel(send: typeof request = request, watch: typeof watchRealtime = watchRealtime) {
  const target = signal<SpyTarget | null>(null);
  const interactionId = signal<string | null>(null);
  const transcript = signal<Transcript | null>(null);
  const loading = signal(false);
  const error = signal<RuntimeError | null>(null);
  /** The interaction followed now; a switch starts a new one, so late answers of the old are dropped. */
  let following: { id: string; abort: AbortController; inFlight: boolean; again: boolean } | null = null;

  async function refetch(f: NonNullable<typeof following>) {
    if (f.inFlight) {
      f.again = true;
      return;
    }
    f.inFlight = true;
    const res = await send('interactions.get', { id: f.id });
    f.inFlight = false;
    if (following !== f) return;
    if (res.ok) {
      transcript.value = res.value;
      error.value = null;
    } else error.value = res.error;
    if (f.again) {
      f.again = false;
      void refetch(f);
    }
  }

  async function show(id: string) {
    following?.abort.abort();
    // The spy call counts as the first fetch: events during it refetch once it has answered.
    const f = { id, abort: new AbortController(), inFlight: true, again: false };
    following = f;
    interactionId.value = id;
    transcript.value = null;
    error.value = null;
    loading.value = true;
    watch((u: RealtimeUpdate) => {
      if (u.type === 'event' && concernsTranscript(u.event, id)) void refetch(f);
    }, f.abort.signal);
    const res = await send('supervisor.spy', { interactionId: id });
    f.inFlight = false;
    if (following !== f) return;
    loading.value = false;
    if (res.ok) transcript.value = res.value;
    else error.value = res.error;
    if (f.again && res.ok) {
      f.again = false;
      void refetch(f);
    }
  }

  return {
    target,
    interactionId,
    transcript,
    loading,
    error,
    /** Opens Spy on the agent's first open interaction. */
    open(next: SpyTarget) {
      target.value = next;
      const first = next.interactionIds[0];
      if (first) void show(first);
    },
    /** Switches to another of the agent's interactions (audited again: a new spy). */
    select(id: string) {
      if (target.value?.interactionIds.includes(id) && id !== interactionId.value) void show(id);
    },
    close() {
      following?.abort.abort();
      following = null;
      target.value = null;
      interactionId.value = null;
      transcript.value = null;
      error.value = null;
      loading.value = false;
    },
  };
}

export type SpyModel = ReturnType<typeof createSpyModel>;
