import WebSocket from 'ws';
import type { ServerMessage } from '../../shared/realtime.ts';

/** A test client for /ws that records every message and the close code. */
export async function openSocket(baseUrl: string) {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws`);
  const messages: ServerMessage[] = [];
  let closed: { code: number; reason: string } | undefined;
  ws.on('message', (data) => messages.push(JSON.parse(String(data)) as ServerMessage));
  ws.on('close', (code, reason) => {
    closed = { code, reason: String(reason) };
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    messages,
    closed: () => closed,
    send: (m: unknown) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)),
    events: () => messages.flatMap((m) => (m.type === 'event' ? [m.event] : [])),
    close: () => ws.close(),
  };
}
