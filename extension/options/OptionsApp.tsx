import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import { LoginForm } from '../ui/LoginForm.tsx';
import { createSessionModel } from '../ui/session-model.ts';
import { WhoAmI } from '../ui/WhoAmI.tsx';
import { AuditScreen } from './AuditScreen.tsx';
import { CampaignsScreen } from './CampaignsScreen.tsx';
import { ConnectionCard } from './ConnectionCard.tsx';
import { PagesScreen } from './PagesScreen.tsx';
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
              {state.user.role === 'admin' ? <AdminScreens /> : <p class="muted">{t('notAdmin')}</p>}
            </>
          ) : (
            <LoginForm session={session} />
          )}
        </>
      )}
    </main>
  );
}

const SCREENS = ['pages', 'campaigns', 'users', 'audit'] as const;

/** The admin's screens, one at a time, as tabs. */
function AdminScreens() {
  const [screen, setScreen] = useState<(typeof SCREENS)[number]>('pages');
  return (
    <>
      <div class="tabs" role="tablist" aria-label={t('adminScreens')}>
        {SCREENS.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={screen === s}
            class={screen === s ? 'tab active' : 'tab'}
            onClick={() => setScreen(s)}
          >
            {t(s)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {screen === 'pages' && <PagesScreen />}
        {screen === 'campaigns' && <CampaignsScreen />}
        {screen === 'users' && <UsersScreen />}
        {screen === 'audit' && <AuditScreen />}
      </div>
    </>
  );
}
