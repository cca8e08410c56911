import { useEffect, useMemo } from 'preact/hooks';
import type { AuditEntry } from '../../shared/api/supervisor.ts';
import { ErrorText } from '../ui/ErrorText.tsx';
import { t } from '../ui/i18n.ts';
import { createAuditModel } from './audit-model.ts';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/** What an entry did beyond its action: how a logout left the agent's work. */
function detailOf(e: AuditEntry): string {
  const d = e.detail as { requeued?: unknown; kept?: unknown };
  if (e.action === 'logout' && Array.isArray(d.requeued) && Array.isArray(d.kept))
    return t('logoutCounts', [String(d.requeued.length), String(d.kept.length)]);
  return e.interactionId ? t('auditInteraction', e.interactionId) : '';
}

/** The audit log: who spied on, looked up, paused or logged out whom, and when; newest first. */
export function AuditScreen() {
  const model = useMemo(() => createAuditModel(), []);
  useEffect(() => {
    void model.load();
  }, [model]);
  const entries = model.entries.value;
  return (
    <section aria-labelledby="audit-title" class="stack" data-testid="audit-screen">
      <div class="row spread">
        <h2 id="audit-title">{t('auditTitle')}</h2>
        <button
          type="button"
          class="secondary"
          onClick={() => void model.load()}
          disabled={model.loading.value}
        >
          {t('refresh')}
        </button>
      </div>
      <p class="muted small">{t('auditHint')}</p>
      <ErrorText error={model.error.value} />
      {entries.length === 0 && !model.loading.value ? (
        <p class="muted">{t('auditEmpty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('auditWhen')}</th>
                <th scope="col">{t('auditAction')}</th>
                <th scope="col">{t('auditActor')}</th>
                <th scope="col">{t('agent')}</th>
                <th scope="col">{t('auditDetail')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                  <td>{when.format(Date.parse(e.at))}</td>
                  <th scope="row">{t(`audit_${e.action}`)}</th>
                  <td>
                    {e.actor ? (
                      <>
                        <span class="user-text">{e.actor.name}</span> ({t(`role_${e.actor.role}`)})
                      </>
                    ) : (
                      t('auditUnknownActor')
                    )}
                  </td>
                  <td class="user-text">{e.target?.name ?? '—'}</td>
                  <td class="small">{detailOf(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {model.loading.value && <p class="muted">{t('loading')}</p>}
      {model.nextCursor.value && (
        <button
          type="button"
          class="secondary"
          onClick={() => void model.loadMore()}
          disabled={model.loading.value}
        >
          {t('loadMore')}
        </button>
      )}
    </section>
  );
}
