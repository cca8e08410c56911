import { useEffect, useMemo } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../ui/i18n.ts';
import { createSessionModel } from '../ui/session-model.ts';
import { WhoAmI } from '../ui/WhoAmI.tsx';

/** The supervisor's popup; for now it says who is logged in (the live board comes with routing). */
export function PopupApp() {
  const session = useMemo(() => createSessionModel(), []);
  useEffect(() => {
    const ac = new AbortController();
    session.start(ac.signal);
    return () => ac.abort();
  }, [session]);
  const state = session.state.value;
  return (
    <main class="page popup">
      <h1>{t('extName')}</h1>
      {state?.user ? (
        <WhoAmI session={session} />
      ) : (
        <div class="stack">
          <p class="muted">{state ? t('notLoggedIn') : t('loading')}</p>
          <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
            {t('openOptions')}
          </button>
        </div>
      )}
    </main>
  );
}
