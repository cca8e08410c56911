import { describe, expect, it, vi } from 'vitest';
import type { ServerMessage } from '../../shared/realtime.ts';
import { RealtimeConnection } from './realtime-connection.ts';

/** A scripted stand-in for the browser's WebSocket. */
class FakeSocket {
  static instances: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(m: ServerMessage) {
    this.onmessage?.({ data: JSON.stringify(m) });
  }
}

function setup(
  creds: { backendUrl: string; token: string } | null = { backendUrl: 'http://127.0.0.1:8787', token: 'tok' },
) {
  FakeSocket.instances = [];
  const messages: ServerMessage[] = [];
  const connected: boolean[] = [];
  const rejected = vi.fn();
  const conn = new RealtimeConnection({
    credentials: async () => creds,
    onMessage: (m) => messages.push(m),
    onConnected: (c) => connected.push(c),
    onSessionRejected: rejected,
    WebSocket: FakeSocket as unknown as typeof WebSocket,
    random: () => 0.5,
  });
  return { conn, messages, connected, rejected };
}

describe('RealtimeConnection', () => {
  it('connects to /ws and sends the token in its first message, never in the URL', async () => {
    const { conn, messages, connected } = setup();
    await conn.restart();
    const socket = FakeSocket.instances[0]!;
    expect(socket.url).toBe('ws://127.0.0.1:8787/ws');
    socket.open();
    expect(JSON.parse(socket.sent[0]!)).toEqual({ type: 'auth', token: 'tok' });
    socket.receive({ type: 'ready', user: {} as never, snapshot: {} });
    expect(connected).toEqual([true]);
    expect(messages[0]?.type).toBe('ready');
    conn.stop();
  });

  it('does not connect while logged out', async () => {
    const { conn } = setup(null);
    await conn.restart();
    expect(FakeSocket.instances).toEqual([]);
  });

  it('reconnects with backoff after a drop', async () => {
    vi.useFakeTimers();
    const { conn } = setup();
    await conn.restart();
    FakeSocket.instances[0]!.open();
    FakeSocket.instances[0]!.onclose?.({ code: 1006 });
    expect(FakeSocket.instances.length).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeSocket.instances.length).toBe(2);
    conn.stop();
    vi.useRealTimers();
  });

  it('gives up and reports the session when the backend refuses it', async () => {
    vi.useFakeTimers();
    const { conn, rejected } = setup();
    await conn.restart();
    FakeSocket.instances[0]!.onclose?.({ code: 4403 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(rejected).toHaveBeenCalledOnce();
    expect(FakeSocket.instances.length).toBe(1);
    conn.stop();
    vi.useRealTimers();
  });
});

describe('RealtimeConnection.send', () => {
  it('sends only once the backend has accepted the session, and reports when it could not', async () => {
    const { conn } = setup();
    const viewing = { type: 'viewing', interactionId: 'i1', activity: 'viewing' } as const;
    expect(conn.send(viewing)).toBe(false); // no socket yet
    await conn.restart();
    const socket = FakeSocket.instances[0]!;
    socket.open();
    expect(conn.send(viewing)).toBe(false); // authenticating: the backend wants auth first
    socket.receive({ type: 'ready', user: {} as never, snapshot: {} });
    expect(conn.send(viewing)).toBe(true);
    expect(socket.sent.map((s) => JSON.parse(s))).toEqual([{ type: 'auth', token: 'tok' }, viewing]);
    conn.stop();
    expect(conn.send(viewing)).toBe(false);
    expect(socket.sent).toHaveLength(2);
  });

  it('stops sending after a drop until the next ready', async () => {
    vi.useFakeTimers();
    const { conn } = setup();
    await conn.restart();
    const socket = FakeSocket.instances[0]!;
    socket.open();
    socket.receive({ type: 'ready', user: {} as never, snapshot: {} });
    socket.readyState = 3;
    socket.onclose?.({ code: 1006 });
    expect(conn.send({ type: 'viewing', interactionId: 'i1', activity: 'left' })).toBe(false);
    conn.stop();
    vi.useRealTimers();
  });
});
