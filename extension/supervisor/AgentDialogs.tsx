import type { AgentInfo } from '../../shared/api/supervisor.ts';
import { ErrorText } from '../ui/ErrorText.tsx';
import { formatDuration } from '../ui/format-duration.ts';
import { t } from '../ui/i18n.ts';
import type { AgentActionsModel } from './agent-actions-model.ts';
import { Dialog } from './Dialog.tsx';
import { formatWhen } from './format-when.ts';
import { InteractionsTable } from './InteractionsTable.tsx';

function InfoBody({ info }: { info: AgentInfo }) {
  const campaignName = (id: string) => info.campaigns.find((c) => c.id === id)?.name ?? id;
  return (
    <>
      <dl class="facts">
        <dt>{t('email')}</dt>
        <dd class="user-text">{info.agent.email}</dd>
        <dt>{t('status')}</dt>
        <dd data-testid="info-status">
          {t(`boardStatus_${info.status}`)}
          {info.presence.breakReason && (
            <>
              {' — '}
              <span class="user-text">{info.presence.breakReason}</span>
            </>
          )}
        </dd>
        <dt>{t('loginAt')}</dt>
        <dd>{info.loginAt ? formatWhen(info.loginAt) : t('notLoggedInNow')}</dd>
        <dt>{t('lastSeenAt')}</dt>
        <dd>{formatWhen(info.lastSeenAt) || '—'}</dd>
        <dt>{t('campaigns')}</dt>
        <dd>
          {info.campaigns.length === 0
            ? '—'
            : info.campaigns.map((c, n) => (
                <span key={c.id}>
                  {n > 0 && ', '}
                  <span class="user-text">{c.name}</span>
                </span>
              ))}
        </dd>
      </dl>
      <h3>{t('todayFigures')}</h3>
      <table class="board-table">
        <thead>
          <tr>
            <th scope="col">{t('campaign')}</th>
            <th scope="col">{t('metric_answered')}</th>
            <th scope="col">{t('metric_completed')}</th>
            <th scope="col">{t('metric_aht')}</th>
          </tr>
        </thead>
        <tbody>
          {info.today.map((d) => (
            <tr key={d.campaignId}>
              <th scope="row" class="user-text">
                {campaignName(d.campaignId)}
              </th>
              <td class="number">{d.answered}</td>
              <td class="number">{d.completed}</td>
              <td class="number">{d.ahtMs === null ? '—' : formatDuration(d.ahtMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('currentInteractions')}</h3>
      {info.interactions.length === 0 ? (
        <p class="muted">{t('noCurrentInteractions')}</p>
      ) : (
        <InteractionsTable items={info.interactions} />
      )}
    </>
  );
}

/** Info, the confirmations of Pause and Logout, and what they did. */
export function AgentDialogs({ actions }: { actions: AgentActionsModel }) {
  const d = actions.dialog.value;
  if (!d) return null;
  const close = () => actions.close();
  switch (d.kind) {
    case 'info':
      return (
        <Dialog title={t('infoTitle', d.agent.name)} onClose={close} testId="info-dialog" wide>
          {d.loading && <p class="muted">{t('loading')}</p>}
          <ErrorText error={d.error} />
          {d.info && <InfoBody info={d.info} />}
        </Dialog>
      );
    case 'confirm':
      return (
        <Dialog
          title={t(d.action === 'pause' ? 'pauseTitle' : 'logoutTitle', d.agent.name)}
          onClose={close}
          testId="confirm-dialog"
        >
          <p>{t(d.action === 'pause' ? 'pauseExplain' : 'logoutExplain')}</p>
          <ErrorText error={d.error} />
          <div class="row">
            <button
              type="button"
              class={d.action === 'logout' ? 'danger' : undefined}
              disabled={d.busy}
              onClick={() => void actions.confirm()}
            >
              {t(d.action === 'pause' ? 'pauseConfirm' : 'logoutConfirm', d.agent.name)}
            </button>
            <button type="button" class="secondary" onClick={close}>
              {t('cancel')}
            </button>
          </div>
        </Dialog>
      );
    case 'paused':
      return (
        <Dialog title={t('pausedTitle', d.agent.name)} onClose={close} testId="action-result">
          <p class="success" role="status">
            {t('pausedDone', [d.agent.name, d.presence.breakReason ?? ''])}
          </p>
        </Dialog>
      );
    case 'loggedOut':
      return (
        <Dialog title={t('loggedOutTitle', d.agent.name)} onClose={close} testId="action-result">
          <p class="success" role="status">
            {t('loggedOutDone', d.agent.name)}
          </p>
          <p data-testid="logout-counts">
            {t('logoutCounts', [String(d.result.requeued.length), String(d.result.kept.length)])}
          </p>
          {d.result.kept.length > 0 && <p class="muted small">{t('logoutKeptHint')}</p>}
        </Dialog>
      );
  }
}
