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

/** A port opened ahead of its watcher, and what the background sent on it meanwhile. */
interface EarlyPort {
  port: browser.Runtime.Port;
  held: unknown[];
  hold: (m: unknown) => void;
}

declare global {
  /** Set by public/sidebar-connect.js, the sidebar's first script: its ports, by name. */
  var pagedeskEarlyPorts: Map<string, EarlyPort> | undefined;
}

/** The port opened early under this name (its held messages replayed first), or a new one. */
function watchPort(name: string, onMessage: (m: unknown) => void, signal: AbortSignal): void {
  const taken = globalThis.pagedeskEarlyPorts?.get(name);
  globalThis.pagedeskEarlyPorts?.delete(name);
  const port = taken?.port ?? browser.runtime.connect({ name });
  if (taken) port.onMessage.removeListener(taken.hold);
  port.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => port.disconnect(), { once: true });
  for (const m of taken?.held ?? []) onMessage(m);
}

/** Listens to session pushes from the background until the signal aborts. */
export function watchSession(onState: (s: SessionState) => void, signal: AbortSignal): void {
  watchPort(SESSION_PORT, (m) => onState(m as SessionState), signal);
}

/** Listens to the background's real-time relay (snapshot, events, connection) until the signal aborts. */
export function watchRealtime(onUpdate: (u: RealtimeUpdate) => void, signal: AbortSignal): void {
  watchPort(REALTIME_PORT, (m) => onUpdate(m as RealtimeUpdate), signal);
}
