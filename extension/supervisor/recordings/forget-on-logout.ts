import { effect, type ReadonlySignal } from '@preact/signals';
import type { SessionState } from '../../../shared/runtime-messages.ts';
import { type RecordingsDbApi, recordingsDb } from './recordings-db.ts';

/**
 * When the person using this page logs out (here or elsewhere while it is open), their cached
 * transcripts leave the browser with them. Rows are also keyed by user, so a copy left by a
 * logout while no page was open is never shown to anyone else.
 */
export function forgetRecordingsOnLogout(
  state: ReadonlySignal<SessionState | null>,
  signal: AbortSignal,
  db: Pick<RecordingsDbApi, 'clearUser'> = recordingsDb,
): void {
  let last: string | null = null;
  const stop = effect(() => {
    const s = state.value;
    if (s === null) return; // not known yet
    const user = s.user?.id ?? null;
    if (last && user !== last) void db.clearUser(last);
    last = user;
  });
  signal.addEventListener('abort', stop, { once: true });
}
