import browser from 'webextension-polyfill';
import type { Snapshot } from '../../shared/realtime.ts';
import { REALTIME_PORT, type RealtimeUpdate, SESSION_PORT } from '../../shared/runtime-messages.ts';
import { ActivationWindow } from './activation-window.ts';
import { createHandlers, dispatch, isRuntimeMessage } from './message-router.ts';
import { RealtimeConnection } from './realtime-connection.ts';
import { SessionService } from './session-service.ts';
import { isTrustedSender } from './trusted-sender.ts';

/** Wires the background: runtime requests from our pages, the session, and the real-time socket. */
export function startBackground(): void {
  const session = new SessionService();
  const handlers = createHandlers(session, new ActivationWindow());
  const sessionPorts = new Set<browser.Runtime.Port>();
  const realtimePorts = new Set<browser.Runtime.Port>();
  let snapshot: Snapshot | null = null;
  let connected = false;

  const relay = (update: RealtimeUpdate) => {
    for (const port of realtimePorts) port.postMessage(update);
  };
  const realtime = new RealtimeConnection({
    credentials: () => session.credentials(),
    onMessage: (m) => {
      if (m.type === 'ready') {
        snapshot = m.snapshot;
        relay({ type: 'snapshot', snapshot: m.snapshot });
      } else if (m.type === 'event') relay({ type: 'event', event: m.event });
    },
    onConnected: (c) => {
      connected = c;
      relay({ type: 'connected', connected: c });
    },
    onSessionRejected: () => void session.forget(),
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    if (!isTrustedSender(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
    if (!isRuntimeMessage(message, handlers)) return undefined;
    return dispatch(handlers, message);
  });

  browser.runtime.onConnect.addListener((port) => {
    if (!isTrustedSender(port.sender ?? {}, browser.runtime.id, browser.runtime.getURL('/'))) return;
    const ports =
      port.name === SESSION_PORT ? sessionPorts : port.name === REALTIME_PORT ? realtimePorts : null;
    if (!ports) return;
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    // A page that connects after a change would miss it: send the current state on connect.
    if (port.name === SESSION_PORT) void session.state().then((s) => port.postMessage(s));
    else {
      port.postMessage({ type: 'connected', connected } satisfies RealtimeUpdate);
      if (snapshot) port.postMessage({ type: 'snapshot', snapshot } satisfies RealtimeUpdate);
    }
  });

  let lastToken: string | null | undefined;
  session.onChange((state) => {
    for (const port of sessionPorts) port.postMessage(state);
    void session.credentials().then((creds) => {
      if ((creds?.token ?? null) === lastToken) return;
      lastToken = creds?.token ?? null;
      snapshot = null;
      void realtime.restart();
    });
  });

  void session.refresh().then(async () => {
    lastToken = (await session.credentials())?.token ?? null;
    await realtime.restart();
  });
}
