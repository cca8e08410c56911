import { useEffect, useMemo } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import { LoginForm } from '../ui/LoginForm.tsx';
import { createSessionModel } from '../ui/session-model.ts';
import { WhoAmI } from '../ui/WhoAmI.tsx';

/** The agent's sidebar on facebook.com; for now it shows the logged-in agent (the inbox comes later). */
export function SidebarApp() {
  const session = useMemo(() => createSessionModel(), []);
  useEffect(() => {
    const ac = new AbortController();
    session.start(ac.signal);
    return () => ac.abort();
  }, [session]);
  const state = session.state.value;
  return (
    <main class="sidebar">
      <header class="card">
        <h1>{t('extName')}</h1>
        {state?.user && <WhoAmI session={session} />}
      </header>
      {state === null && <p class="muted">{t('loading')}</p>}
      {state && !state.user && <LoginForm session={session} />}
    </main>
  );
}
