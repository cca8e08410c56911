import type { ClientMessage, ServerMessage } from '../../shared/realtime.ts';
import { WS_CLOSE } from '../../shared/realtime.ts';

export interface RealtimeDeps {
  /** The backend URL and token, or null when logged out. */
  credentials(): Promise<{ backendUrl: string; token: string } | null>;
  onMessage(message: ServerMessage): void;
  onConnected(connected: boolean): void;
  /** The backend refused the session (expired, ended, deactivated): log out locally. */
  onSessionRejected(): void;
  WebSocket?: typeof WebSocket;
  random?: () => number;
}

const PING_MS = 20_000; // also keeps an MV3 service worker awake while a socket is open
const MAX_BACKOFF_MS = 30_000;

/**
 * The background's one socket to the backend. It authenticates with its first message, reconnects
 * with jittered backoff after a drop (the backend then sends a fresh snapshot, so nothing is
 * missed), and stops for good when the session is refused.
 */
export class RealtimeConnection {
  private ws: WebSocket | null = null;
  /** The backend accepted our auth (it said `ready`): only then may other messages follow it. */
  private ready = false;
  private attempts = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private ping: ReturnType<typeof setInterval> | undefined;
  private generation = 0;

  constructor(private readonly deps: RealtimeDeps) {}

  /** (Re)connects with the current credentials; call after login, logout or a backend change. */
  async restart(): Promise<void> {
    this.stop();
    const generation = ++this.generation;
    const creds = await this.deps.credentials();
    if (!creds || generation !== this.generation) return;
    const Impl = this.deps.WebSocket ?? WebSocket;
    const ws = new Impl(`${creds.backendUrl.replace(/^http/, 'ws')}/ws`);
    this.ws = ws;
    ws.onopen = () => {
      this.attempts = 0;
      ws.send(JSON.stringify({ type: 'auth', token: creds.token }));
      this.ping = setInterval(() => ws.readyState === ws.OPEN && ws.send('{"type":"ping"}'), PING_MS);
    };
    ws.onmessage = (e) => {
      let message: ServerMessage;
      try {
        message = JSON.parse(String(e.data)) as ServerMessage;
      } catch {
        return;
      }
      if (message.type === 'ready') {
        this.ready = this.ws === ws;
        this.deps.onConnected(true);
      }
      this.deps.onMessage(message);
    };
    ws.onclose = (e) => {
      clearInterval(this.ping);
      if (this.ws !== ws) return; // replaced by a newer connection
      this.ws = null;
      this.ready = false;
      this.deps.onConnected(false);
      if (e.code === WS_CLOSE.unauthenticated || e.code === WS_CLOSE.sessionEnded) {
        this.deps.onSessionRejected();
        return;
      }
      const backoff = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** this.attempts++);
      this.retry = setTimeout(
        () => void this.restart(),
        backoff * (0.5 + (this.deps.random ?? Math.random)() / 2),
      );
    };
  }

  /** Sends one message on the authenticated socket; false (and nothing sent) when not connected. */
  send(message: Exclude<ClientMessage, { type: 'auth' }>): boolean {
    const ws = this.ws;
    if (!ws || !this.ready || ws.readyState !== ws.OPEN) return false;
    ws.send(JSON.stringify(message));
    return true;
  }

  stop(): void {
    this.generation++;
    this.ready = false;
    clearTimeout(this.retry);
    clearInterval(this.ping);
    const ws = this.ws;
    this.ws = null;
    ws?.close(1000, 'bye');
  }
}
