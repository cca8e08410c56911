import WebSocket from 'ws';
import type { DomainEvent } from '../../shared/events.ts';
import type { ServerMessage } from '../../shared/realtime.ts';

export interface LiveSocket {
  ws: WebSocket;
  /** Resolves on the `ready` message (authenticated, snapshot received). */
  ready: Promise<void>;
  close(): void;
}

/**
 * A client of /ws as the extension's background holds it: the first message authenticates, then
 * `ready` with the snapshot, then events. `onEvent` sees every pushed event.
 */
export function openLiveSocket(
  baseUrl: string,
  token: string,
  onEvent: (e: DomainEvent) => void = () => {},
): LiveSocket {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws`, { perMessageDeflate: false });
  const ready = new Promise<void>((resolve, reject) => {
    ws.once('open', () => ws.send(JSON.stringify({ type: 'auth', token })));
    ws.once('error', reject);
    ws.once('close', (code, reason) => reject(new Error(`socket closed before ready: ${code} ${reason}`)));
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as ServerMessage;
      if (m.type === 'ready') resolve();
      else if (m.type === 'event') onEvent(m.event);
      else if (m.type === 'error') reject(new Error(`${m.code}: ${m.message}`));
    });
  });
  ready.catch(() => undefined);
  return { ws, ready, close: () => ws.terminate() };
}
