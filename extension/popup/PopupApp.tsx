import { useEffect, useMemo } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { forgetRecordingsOnLogout } from '../supervisor/recordings/forget-on-logout.ts';
import { t } from '../ui/i18n.ts';
import { createSessionModel } from '../ui/session-model.ts';
import { WhoAmI } from '../ui/WhoAmI.tsx';
import { createPopupModel } from './popup-model.ts';
import { SupervisorHome } from './SupervisorHome.tsx';

/** The toolbar popup (and, with ?view=tab, the wall-screen tab): the supervisor's monitor. */
export function PopupApp() {
  const session = useMemo(() => createSessionModel(), []);
  const popup = useMemo(() => createPopupModel(), []);
  useEffect(() => {
    const ac = new AbortController();
    session.start(ac.signal);
    forgetRecordingsOnLogout(session.state, ac.signal);
    return () => ac.abort();
  }, [session]);
  const state = session.state.value;
  const user = state?.user;
  return (
    <main class={popup.isTab ? 'page popup wall' : 'page popup'}>
      {user && (user.role === 'supervisor' || user.role === 'admin') ? (
        <SupervisorHome key={user.id} session={session} popup={popup} />
      ) : (
        <>
          <h1>{t('extName')}</h1>
          {user ? (
            <div class="stack">
              <WhoAmI session={session} />
              <p data-testid="agent-note">{t('agentPopupNote')}</p>
            </div>
          ) : (
            <div class="stack">
              <p class="muted">{state ? t('notLoggedIn') : t('loading')}</p>
              <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
                {t('openOptions')}
              </button>
            </div>
          )}
        </>
      )}
    </main>
  );
}
