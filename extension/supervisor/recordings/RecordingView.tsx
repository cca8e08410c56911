import { ErrorText } from '../../ui/ErrorText.tsx';
import { t } from '../../ui/i18n.ts';
import { formatWhen } from '../format-when.ts';
import { TranscriptMessages } from '../TranscriptMessages.tsx';
import type { RecordingViewModel } from './recording-view-model.ts';

const OPEN = new Set(['queued', 'offered', 'assigned', 'answered']);

/** One recording's whole transcript, with Refresh; live while the interaction is open. */
export function RecordingView({ view, onBack }: { view: RecordingViewModel; onBack: () => void }) {
  const r = view.transcript.value;
  const i = r?.interaction;
  return (
    <section class="stack" aria-labelledby="recording-title" data-testid="recording-transcript">
      <div class="row spread">
        <h2 id="recording-title" tabIndex={-1}>
          {i ? (
            <>
              <span class="user-text">{i.customerName ?? i.customerId ?? t('unknownCustomer')}</span>
              <span class="muted small">
                {' · '}
                <span class="user-text">{i.campaignName}</span>
              </span>
            </>
          ) : (
            t('transcript')
          )}
        </h2>
        <span class="row nowrap">
          <button
            type="button"
            class="secondary"
            onClick={() => view.refresh()}
            disabled={view.loading.value}
          >
            {t('refresh')}
          </button>
          <button type="button" class="secondary" onClick={onBack}>
            {t('backToResults')}
          </button>
        </span>
      </div>
      {view.loading.value && !r && <p class="muted">{t('loading')}</p>}
      <ErrorText error={view.error.value} />
      {view.cachedAt.value !== null && (
        <p class="notice small" role="status" data-testid="recording-offline">
          {t('recordingCachedCopy', formatWhen(view.cachedAt.value))}
        </p>
      )}
      {r && i && (
        <>
          <p class="small muted">
            {t('recordingMeta', [r.agentName ?? t('noAgent'), formatWhen(i.queuedAt)])} ·{' '}
            {i.endedAt ? t('recordingEnded', formatWhen(i.endedAt)) : t(`state_${i.state}`)}
            {OPEN.has(i.state) && <span class="badge live"> {t('liveBadge')}</span>}
          </p>
          {r.post && (
            <blockquote class="post">
              <span class="muted small">{t('postLabel')}</span>
              <p class="user-text">{r.post.message}</p>
            </blockquote>
          )}
          <TranscriptMessages messages={r.messages} live={OPEN.has(i.state)} />
          {r.messagesTruncated && (
            <p class="muted small">{t('transcriptTruncated', String(r.messageCount))}</p>
          )}
        </>
      )}
    </section>
  );
}
