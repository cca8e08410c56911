import { useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import type { PagesModel } from './pages-model.ts';

/** For admins who already hold a Page or system-user token: the same checks as the dialog. */
export function ImportTokenForm({ model }: { model: PagesModel }) {
  const [token, setToken] = useState('');
  const [refused, setRefused] = useState<{ name: string | null; reason: string }[]>([]);
  const [busy, setBusy] = useState(false);
  return (
    <details class="card">
      <summary>{t('importToken')}</summary>
      <form
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const result = await model.importToken(token);
          setBusy(false);
          setRefused(result ?? []);
          if (result) setToken('');
        }}
      >
        <label>
          {t('accessToken')}
          <input
            name="accessToken"
            type="password"
            autocomplete="off"
            required
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {t('importTokenButton')}
        </button>
        {refused.map((r) => (
          <p key={`${r.name}${r.reason}`} class="error">
            {r.name && (
              <>
                <span class="user-text">{r.name}</span>:{' '}
              </>
            )}
            {r.reason}
          </p>
        ))}
      </form>
    </details>
  );
}
