import { ErrorText } from '../ui/ErrorText.tsx';
import { t } from '../ui/i18n.ts';
import { Dialog } from './Dialog.tsx';
import type { SpyModel } from './spy-model.ts';
import { TranscriptMessages } from './TranscriptMessages.tsx';

/** Spy: the agent's interaction as it happens, read-only (no composer, nothing marked read). */
export function SpyDialog({ spy }: { spy: SpyModel }) {
  const target = spy.target.value;
  if (!target) return null;
  const transcript = spy.transcript.value;
  const current = spy.interactionId.value;
  return (
    <Dialog title={t('spyTitle', target.agentName)} onClose={() => spy.close()} testId="spy-dialog" wide>
      <p class="muted small">{t('spyReadOnly')}</p>
      {target.interactionIds.length > 1 && (
        <fieldset class="row">
          <legend class="sr-only">{t('spyWhich')}</legend>
          {target.interactionIds.map((id, n) => (
            <button
              key={id}
              type="button"
              class={id === current ? undefined : 'secondary'}
              aria-pressed={id === current}
              onClick={() => spy.select(id)}
            >
              {t('interactionN', String(n + 1))}
            </button>
          ))}
        </fieldset>
      )}
      {spy.loading.value && <p class="muted">{t('loading')}</p>}
      <ErrorText error={spy.error.value} />
      {transcript && (
        <>
          <p data-testid="spy-heading">
            <strong class="user-text">
              {transcript.interaction.customerName ??
                transcript.interaction.customerId ??
                t('unknownCustomer')}
            </strong>{' '}
            <span class="muted">
              · <span class="user-text">{transcript.interaction.campaignName}</span> ·{' '}
              {t(`state_${transcript.interaction.state}`)}
            </span>
          </p>
          {transcript.post && (
            <blockquote class="post">
              <span class="muted small">{t('postLabel')}</span>
              <p class="user-text">{transcript.post.message}</p>
            </blockquote>
          )}
          <TranscriptMessages messages={transcript.messages} live />
          {(transcript.outgoing ?? []).length > 0 && (
            <p class="muted small">{t('spyOutgoing', String(transcript.outgoing.length))}</p>
          )}
        </>
      )}
    </Dialog>
  );
}
