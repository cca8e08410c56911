import browser from 'webextension-polyfill';
import { SESSION_PORT, type SessionState } from '../../shared/runtime-messages.ts';
import { createHandlers, dispatch, isRuntimeMessage } from './message-router.ts';
import { SessionService } from './session-service.ts';
import { isTrustedSender } from './trusted-sender.ts';

/** Wires the background: runtime requests from our pages, and session pushes over ports. */
export function startBackground(): void {
  const session = new SessionService();
  const handlers = createHandlers(session);
  const ports = new Set<browser.Runtime.Port>();

  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    // Only our own pages may ask: content scripts run inside facebook.com and get nothing from here.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/')))
      return undefined;
    if (!isRuntimeMessage(message, handlers)) return undefined;
    return dispatch(handlers, message);
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== SESSION_PORT) return;
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    // A page that connects after a change would miss it: send the current state on connect.
    void session.state().then((s) => port.postMessage(s));
  });

  session.onChange((state: SessionState) => {
    for (const port of ports) port.postMessage(state);
  });

  void session.refresh();
}
