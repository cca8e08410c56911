import { useEffect, useMemo } from 'preact/hooks';
import { ErrorText } from '../ui/ErrorText.tsx';
import { t } from '../ui/i18n.ts';
import { TokenBadge } from '../ui/TokenBadge.tsx';
import { ActivationPanel } from './ActivationPanel.tsx';
import { ImportTokenForm } from './ImportTokenForm.tsx';
import { createPagesModel } from './pages-model.ts';

export function PagesScreen() {
  const model = useMemo(() => createPagesModel(), []);
  useEffect(() => {
    const ac = new AbortController();
    model.start(ac.signal);
    void model.load();
    return () => ac.abort();
  }, [model]);
  return (
    <section aria-labelledby="pages-title" class="stack">
      <div class="row spread">
        <h2 id="pages-title">{t('pages')}</h2>
        <button
          type="button"
          onClick={() => model.activate()}
          disabled={model.activation.value?.view.status === 'pending'}
        >
          {t('activateWithFacebook')}
        </button>
      </div>
      <ActivationPanel model={model} />
      <ErrorText error={model.error.value} />
      {model.error.value?.fields?.map((f) => (
        <p key={f.path} class="error">
          <strong>{f.path}</strong>: {f.message}
        </p>
      ))}
      {model.notice.value && (
        <p class="success" role="status">
          {t('pageLinked', model.notice.value)}
        </p>
      )}
      {model.pages.value.length === 0 ? (
        <p class="muted">{model.loading.value ? t('loading') : t('noPages')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('page')}</th>
              <th>{t('tokenHealth')}</th>
              <th>{t('humanAgent')}</th>
              <th>{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {model.pages.value.map((p) => (
              <tr key={p.id} data-testid="page-row" data-page-id={p.id}>
                <td>
                  <span class="user-text">{p.name}</span>
                  <div class="muted">{p.id}</div>
                </td>
                <td>
                  <TokenBadge page={p} />
                  {p.health === 'invalid' && p.healthReason && (
                    <div class="error small">{p.healthReason}</div>
                  )}
                </td>
                <td>
                  <label class="choice">
                    <input
                      type="checkbox"
                      checked={p.humanAgentEnabled}
                      onChange={(e) => model.setHumanAgent(p.id, e.currentTarget.checked)}
                    />
                    <span>{t('humanAgentAllowed')}</span>
                  </label>
                </td>
                <td>
                  <div class="row">
                    <button
                      type="button"
                      class="secondary"
                      aria-label={t('checkTokenOf', p.name)}
                      title={t('checkToken')}
                      disabled={model.checking.value === p.id}
                      onClick={() => model.check(p.id)}
                    >
                      ⟳
                    </button>
                    {p.health === 'invalid' && (
                      <button type="button" onClick={() => model.activate()}>
                        {t('reactivate')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ImportTokenForm model={model} />
    </section>
  );
}
