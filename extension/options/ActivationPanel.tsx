import { useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import type { PagesModel } from './pages-model.ts';

/** The activation in progress: waiting for Facebook, then the granted Pages to pick from. */
export function ActivationPanel({ model }: { model: PagesModel }) {
  const current = model.activation.value;
  const [picked, setPicked] = useState<string | null>(null);
  if (!current) return null;
  const view = current.view;
  return (
    <section class="card stack" aria-live="polite" data-testid="activation-panel">
      {view.status === 'pending' && (
        <p role="status">
          {t('activationWaiting')}{' '}
          <button type="button" class="secondary" onClick={() => model.cancelActivation()}>
            {t('cancel')}
          </button>
        </p>
      )}
      {view.status === 'failed' && (
        <p class="error" role="alert">
          {view.error}
        </p>
      )}
      {view.status === 'ready' && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (picked) void model.link(picked);
          }}
        >
          <fieldset class="stack">
            <legend>{t('pickPage')}</legend>
            {view.pages.map((p) => (
              <label key={p.id} class="choice">
                <input
                  type="radio"
                  name="page"
                  value={p.id}
                  checked={picked === p.id}
                  onChange={() => setPicked(p.id)}
                />
                <span>
                  <span class="user-text">{p.name}</span> <span class="muted">({p.id})</span>{' '}
                  {p.linked && <span class="badge">{t('alreadyLinked')}</span>}
                </span>
              </label>
            ))}
          </fieldset>
          <div class="row">
            <button type="submit" disabled={!picked}>
              {t('linkPage')}
            </button>
            <button type="button" class="secondary" onClick={() => model.cancelActivation()}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
