import { signal } from '@preact/signals';
import type { RecordingTranscript } from '../../../shared/api/recordings.ts';
import type { RealtimeUpdate, RuntimeError } from '../../../shared/runtime-messages.ts';
import { request, watchRealtime } from '../../ui/runtime-client.ts';
import { concernsTranscript } from '../transcript-events.ts';
import { type RecordingsDbApi, recordingsDb } from './recordings-db.ts';

/**
 * One recording's transcript: fetched on open and by the Refresh button, refetched on each event
 * about it while it is shown (an open interaction keeps moving), and saved to this user's cache.
 * Without the backend it shows the cached copy, saying when it was saved.
 */
export function createRecordingViewModel(
  userId: () => string | null,
  send: typeof request = request,
  watch: typeof watchRealtime = watchRealtime,
  db: RecordingsDbApi = recordingsDb,
  now: () => number = Date.now,
) {
  const id = signal<string | null>(null);
  const transcript = signal<RecordingTranscript | null>(null);
  /** Set when the transcript shown is the cached copy: when it was saved. */
  const cachedAt = signal<number | null>(null);
  const loading = signal(false);
  const error = signal<RuntimeError | null>(null);
  let following: { id: string; abort: AbortController; inFlight: boolean; again: boolean } | null = null;

  async function fetch(f: NonNullable<typeof following>) {
    if (f.inFlight) {
      f.again = true;
      return;
    }
    f.inFlight = true;
    loading.value = true;
    const res = await send('recordings.get', { id: f.id });
    f.inFlight = false;
    if (following !== f) return;
    const user = userId();
    if (res.ok) {
      transcript.value = res.value;
      cachedAt.value = null;
      error.value = null;
      if (user) await db.save(res.value, user, now());
    } else {
      const copy = res.error.code === 'NETWORK' && user ? await db.load(f.id, user) : null;
      if (following !== f) return;
      if (copy) {
        transcript.value = copy.transcript;
        cachedAt.value = copy.savedAt;
        error.value = null;
      } else error.value = res.error;
    }
    loading.value = false;
    if (f.again) {
      f.again = false;
      void fetch(f);
    }
  }

  return {
    id,
    transcript,
    cachedAt,
    loading,
    error,
    open(next: string) {
      following?.abort.abort();
      const f = { id: next, abort: new AbortController(), inFlight: false, again: false };
      following = f;
      id.value = next;
      transcript.value = null;
      cachedAt.value = null;
      error.value = null;
      watch((u: RealtimeUpdate) => {
        if (u.type === 'event' && concernsTranscript(u.event, next)) void fetch(f);
      }, f.abort.signal);
      void fetch(f);
    },
    refresh() {
      if (following) void fetch(following);
    },
    close() {
      following?.abort.abort();
      following = null;
      id.value = null;
      transcript.value = null;
      cachedAt.value = null;
      error.value = null;
      loading.value = false;
    },
  };
}

export type RecordingViewModel = ReturnType<typeof createRecordingViewModel>;
