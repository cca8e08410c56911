import browser from 'webextension-polyfill';
import { REALTIME_PORT, type RealtimeUpdate, SESSION_PORT } from '../../shared/runtime-messages.ts';
import { ActivationWindow } from './activation-window.ts';
import { openInteractionInFacebook, toggleSidebarInActiveTab } from './facebook-tabs.ts';
import { LiveSnapshot } from './live-snapshot.ts';
import { createHandlers, dispatch, isRuntimeMessage } from './message-router.ts';
import { RealtimeConnection } from './realtime-connection.ts';
import { SessionService } from './session-service.ts';
import { isTrustedSender } from './trusted-sender.ts';
import { interactionOfNotification, WorkAlerts } from './work-alerts.ts';

const TOGGLE_SIDEBAR_COMMAND = 'toggle-sidebar';

/** Wires the background: runtime requests from our pages, the session, and the real-time socket. */
export function startBackground(): void {
  const session = new SessionService();
  const sessionPorts = new Set<browser.Runtime.Port>();
  const realtimePorts = new Set<browser.Runtime.Port>();
  const live = new LiveSnapshot();
  const alerts = new WorkAlerts();
  let connected = false;
  let lastToken: string | null | undefined;
  const relay = (update: RealtimeUpdate) => {
    for (const port of realtimePorts) port.postMessage(update);
  };
  const realtime = new RealtimeConnection({
    credentials: () => session.credentials(),
    onMessage: (m) => {
      if (m.type === 'ready') {
        const arrived = live.ready(m.user, m.snapshot);
        relay({ type: 'snapshot', snapshot: m.snapshot });
        void alerts.update(live.work(), arrived);
      } else if (m.type === 'event') {
        const arrived = live.apply(m.event);
        relay({ type: 'event', event: m.event });
        // The socket runs only while logged in; a logout in flight must not announce anything.
        if (lastToken) void alerts.update(live.work(), arrived);
      }
    },
    onConnected: (c) => {
      connected = c;
      relay({ type: 'connected', connected: c });
    },
    onSessionRejected: () => void session.forget(),
  });
  const handlers = createHandlers(session, new ActivationWindow(), realtime);

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
    // A page that connects after a change would miss it: send the current state on connect, the
    // snapshot with every event since applied (not the one from the login).
    if (port.name === SESSION_PORT) {
      // From memory when we can: the sidebar's first render waits for this answer.
      const known = session.known();
      if (known) port.postMessage(known);
      else void session.state().then((s) => port.postMessage(s));
    } else {
      port.postMessage({ type: 'connected', connected } satisfies RealtimeUpdate);
      const snapshot = live.current();
      if (snapshot) port.postMessage({ type: 'snapshot', snapshot } satisfies RealtimeUpdate);
    }
  });

  // Listeners of events that wake a suspended service worker are added at once, never later.
  browser.notifications.onClicked.addListener((notificationId) => {
    const id = interactionOfNotification(notificationId);
    if (!id) return;
    void alerts.dismiss(id);
    void openInteractionInFacebook(id);
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === TOGGLE_SIDEBAR_COMMAND) void toggleSidebarInActiveTab(tab);
  });

  session.onChange((state) => {
    for (const port of sessionPorts) port.postMessage(state);
    void session.credentials().then((creds) => {
      if ((creds?.token ?? null) === lastToken) return;
      lastToken = creds?.token ?? null;
      live.clear();
      void alerts.clear();
      void realtime.restart();
    });
  });
  void session.refresh().then(async () => {
    lastToken = (await session.credentials())?.token ?? null;
    // The badge outlives a suspended worker: start from nothing until the backend says otherwise.
    if (!lastToken) await alerts.clear();
    await realtime.restart();
  });
}
