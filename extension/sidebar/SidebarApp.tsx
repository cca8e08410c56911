import { effect, signal } from '@preact/signals';
import { useEffect, useLayoutEffect, useMemo } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import { LoginForm } from '../ui/LoginForm.tsx';
import { createSessionModel } from '../ui/session-model.ts';
import { WhoAmI } from '../ui/WhoAmI.tsx';
import { Inbox } from './Inbox.tsx';
import { createInboxModel } from './inbox-model.ts';
import { LazyInteractionScreen, loadInteractionScreen } from './LazyInteractionScreen.tsx';
import { localDb } from './local-db.ts';
import { createNavigation, forgetOnLogout } from './navigation-model.ts';
import { watchOpenRequests } from './open-request.ts';
import { watchPostHint } from './post-hint.ts';
import { StatusSwitch } from './StatusSwitch.tsx';
import { watchShown } from './shown.ts';

/** How long after the inbox shows the interaction screen's code loads (it is not needed before). */
const PREFETCH_MS = 1_000;

/**
 * The agent's sidebar on facebook.com: who is logged in, their status, their live inbox, and the
 * interaction they opened (from the inbox, or from a notification).
 */
export function SidebarApp() {
  const session = useMemo(() => createSessionModel(), []);
  const inbox = useMemo(() => createInboxModel(() => session.state.value?.user?.id ?? null), [session]);
  const nav = useMemo(() => createNavigation(), []);
  // Before the first paint, not after it: what the background already sent is shown at once.
  useLayoutEffect(() => {
    const ac = new AbortController();
    session.start(ac.signal);
    inbox.start(ac.signal);
    watchPostHint((postId) => {
      nav.postId.value = postId;
    }, ac.signal);
    // Hidden (the agent closed the sidebar, its frame stays): back to the inbox, so nobody sees this
    // agent "viewing" an interaction they closed; notification requests and a private reply's chat
    // wait until it is shown again.
    const shown = signal(false);
    let requests: AbortController | null = null;
    watchShown((on) => {
      shown.value = on;
      if (on && !requests) {
        requests = new AbortController();
        watchOpenRequests((id) => nav.open(id), requests.signal);
      } else if (!on) {
        requests?.abort();
        requests = null;
        nav.back();
      }
    }, ac.signal);
    const onUser = forgetOnLogout((userId) => void localDb.clearUser(userId));
    const stops = [
      // Logging out leaves nothing of this agent's work on the browser.
      effect(() => {
        const state = session.state.value;
        if (state) onUser(state.user);
        if (state && !state.user) nav.back();
      }),
      // A private reply's Messenger chat opens as soon as it reaches the inbox.
      effect(() => {
        const items = inbox.items.value;
        if (shown.value) nav.inboxChanged(items);
      }),
      // What is open is read: a new message there is not "unread".
      effect(() => {
        const id = nav.openId.value;
        if (id && inbox.unread.value.has(id)) inbox.open(id);
      }),
    ];
    return () => {
      ac.abort();
      requests?.abort();
      for (const stop of stops) stop();
    };
  }, [session, inbox, nav]);

  const state = session.state.value;
  const user = state?.user;
  const openId = nav.openId.value;
  const agent = user?.role === 'agent';
  // The interaction screen's code, once the inbox is on screen, so opening one is not kept waiting.
  useEffect(() => {
    if (!agent) return;
    const timer = setTimeout(() => void loadInteractionScreen(), PREFETCH_MS);
    return () => clearTimeout(timer);
  }, [agent]);
  return (
    <main class="sidebar">
      <header class="card">
        <h1>{t('extName')}</h1>
        {user && <WhoAmI session={session} />}
      </header>
      {state === null && <p class="muted">{t('loading')}</p>}
      {state && !user && <LoginForm session={session} />}
      {agent && (
        <div class="stack sidebar-body">
          <StatusSwitch inbox={inbox} />
          {openId ? (
            <LazyInteractionScreen
              key={openId}
              id={openId}
              user={user}
              preview={
                inbox.items.value.find((i) => i.id === openId) ??
                inbox.offers.value.find((i) => i.id === openId) ??
                null
              }
              onBack={() => nav.back()}
              onPrivateChatStarted={(pageId, customer) => nav.expectChat(pageId, customer, inbox.items.value)}
            />
          ) : (
            <Inbox inbox={inbox} postId={nav.postId.value} onOpen={(id) => nav.open(id)} />
          )}
        </div>
      )}
    </main>
  );
}
