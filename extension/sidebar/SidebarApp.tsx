import { useEffect, useMemo } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import { LoginForm } from '../ui/LoginForm.tsx';
import { createSessionModel } from '../ui/session-model.ts';
import { WhoAmI } from '../ui/WhoAmI.tsx';
import { Inbox } from './Inbox.tsx';
import { createInboxModel } from './inbox-model.ts';
import { StatusSwitch } from './StatusSwitch.tsx';

/** The agent's sidebar on facebook.com: who is logged in, their status, and their live inbox. */
export function SidebarApp() {
  const session = useMemo(() => createSessionModel(), []);
  const inbox = useMemo(() => createInboxModel(() => session.state.value?.user?.id ?? null), [session]);
  useEffect(() => {
    const ac = new AbortController();
    session.start(ac.signal);
    inbox.start(ac.signal);
    return () => ac.abort();
  }, [session, inbox]);
  const state = session.state.value;
  return (
    <main class="sidebar">
      <header class="card">
        <h1>{t('extName')}</h1>
        {state?.user && <WhoAmI session={session} />}
      </header>
      {state === null && <p class="muted">{t('loading')}</p>}
      {state && !state.user && <LoginForm session={session} />}
      {state?.user?.role === 'agent' && (
        <div class="stack sidebar-body">
          <StatusSwitch inbox={inbox} />
          <Inbox inbox={inbox} />
        </div>
      )}
    </main>
  );
}
