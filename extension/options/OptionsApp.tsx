import { useEffect, useMemo } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import { LoginForm } from '../ui/LoginForm.tsx';
import { createSessionModel } from '../ui/session-model.ts';
import { WhoAmI } from '../ui/WhoAmI.tsx';
import { ConnectionCard } from './ConnectionCard.tsx';
import { UsersScreen } from './UsersScreen.tsx';

export function OptionsApp() {
  const session = useMemo(() => createSessionModel(), []);
  useEffect(() => {
    const ac = new AbortController();
    session.start(ac.signal);
    return () => ac.abort();
  }, [session]);
  const state = session.state.value;
  return (
    <main class="page">
      <h1>{t('optionsTitle')}</h1>
      {state === null ? (
        <p class="muted">{t('loading')}</p>
      ) : (
        <>
          <ConnectionCard session={session} />
          {state.user ? (
            <>
              <div class="card">
                <WhoAmI session={session} />
              </div>
              {state.user.role === 'admin' ? <UsersScreen /> : <p class="muted">{t('notAdmin')}</p>}
            </>
          ) : (
            <LoginForm session={session} />
          )}
        </>
      )}
    </main>
  );
}
