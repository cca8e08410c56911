import { useEffect, useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import type { SessionModel } from '../ui/session-model.ts';

/** The backend this extension talks to; changing it logs out. */
export function ConnectionCard({ session }: { session: SessionModel }) {
  const current = session.state.value?.backendUrl ?? '';
  const [url, setUrl] = useState(current);
  useEffect(() => setUrl(current), [current]);
  const loggedIn = Boolean(session.state.value?.user);
  return (
    <form
      class="card row"
      onSubmit={(e) => {
        e.preventDefault();
        void session.setBackend(url);
      }}
    >
      <label style={{ flex: 1 }}>
        {t('backendUrl')}
        <input
          name="backendUrl"
          type="url"
          required
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="secondary" disabled={url === current || session.busy.value}>
        {loggedIn ? t('saveAndLogOut') : t('save')}
      </button>
    </form>
  );
}
