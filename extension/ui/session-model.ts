import { signal } from '@preact/signals';
import type { RuntimeError, SessionState } from '../../shared/runtime-messages.ts';
import { request, watchSession } from './runtime-client.ts';

/** The page's view of the session, kept current by the background's pushes. */
export function createSessionModel() {
  const state = signal<SessionState | null>(null);
  const busy = signal(false);
  const error = signal<RuntimeError | null>(null);

  async function run(
    work: () => Promise<{ ok: true; value: SessionState } | { ok: false; error: RuntimeError }>,
  ) {
    busy.value = true;
    error.value = null;
    const res = await work();
    busy.value = false;
    if (res.ok) state.value = res.value;
    else error.value = res.error;
    return res.ok;
  }

  return {
    state,
    busy,
    error,
    start(signal: AbortSignal) {
      watchSession((s) => {
        state.value = s;
      }, signal);
    },
    login: (email: string, password: string) => run(() => request('session.login', { email, password })),
    logout: () => run(() => request('session.logout')),
    setBackend: (backendUrl: string) => run(() => request('session.setBackend', { backendUrl })),
  };
}

export type SessionModel = ReturnType<typeof createSessionModel>;
