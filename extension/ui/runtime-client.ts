import browser from 'webextension-polyfill';
import {
  REALTIME_PORT,
  type RealtimeUpdate,
  type RuntimeRequests,
  type RuntimeRequestType,
  type RuntimeResult,
  SESSION_PORT,
  type SessionState,
} from '../../shared/runtime-messages.ts';

/** Sends one typed request to the background; a background that cannot answer becomes an error result. */
export async function request<K extends RuntimeRequestType>(
  type: K,
  ...input: RuntimeRequests[K]['input'] extends undefined ? [] : [RuntimeRequests[K]['input']]
): Promise<RuntimeResult<RuntimeRequests[K]['output']>> {
  try {
    const result = (await browser.runtime.sendMessage({ type, input: input[0] })) as
      | RuntimeResult<RuntimeRequests[K]['output']>
      | undefined;
    return result ?? { ok: false, error: { code: 'INTERNAL', message: 'The extension did not answer.' } };
  } catch (err) {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `The extension did not answer: ${String(err)}` },
    };
  }
}

/** Listens to session pushes from the background until the signal aborts. */
export function watchSession(onState: (s: SessionState) => void, signal: AbortSignal): void {
  const port = browser.runtime.connect({ name: SESSION_PORT });
  port.onMessage.addListener((m: unknown) => onState(m as SessionState));
  signal.addEventListener('abort', () => port.disconnect(), { once: true });
}

/** Listens to the background's real-time relay (snapshot, events, connection) until the signal aborts. */
export function watchRealtime(onUpdate: (u: RealtimeUpdate) => void, signal: AbortSignal): void {
  const port = browser.runtime.connect({ name: REALTIME_PORT });
  port.onMessage.addListener((m: unknown) => onUpdate(m as RealtimeUpdate));
  signal.addEventListener('abort', () => port.disconnect(), { once: true });
}
