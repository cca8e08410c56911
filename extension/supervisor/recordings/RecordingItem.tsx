import type { Recording } from '../../../shared/api/recordings.ts';
import { ChannelIcon } from '../../ui/ChannelIcon.tsx';
import { t } from '../../ui/i18n.ts';
import { formatWhen } from '../format-when.ts';

const PREVIEW = 3;

/** One search result: campaign, customer, agent, dates and the first messages, with Open. */
export function RecordingItem({ recording, onOpen }: { recording: Recording; onOpen: () => void }) {
  const i = recording.interaction;
  const customer = i.customerName ?? i.customerId ?? t('unknownCustomer');
  return (
    <li class="recording-item card" data-testid="recording-item" data-interaction-id={i.id}>
      <div class="row spread">
        <h3 class="recording-title">
          <span class="channel">
            <ChannelIcon channel={i.channel} />
            <span class="sr-only">{t(`channel_${i.channel}`)}</span>
          </span>{' '}
          <span class="user-text">{customer}</span>{' '}
          <span class="muted small">
            · <span class="user-text">{i.campaignName}</span>
          </span>
        </h3>
        <button type="button" class="secondary" aria-label={t('openTranscriptOf', customer)} onClick={onOpen}>
          {t('openTranscript')}
        </button>
      </div>
      <p class="small muted">
        {t('recordingMeta', [recording.agentName ?? t('noAgent'), formatWhen(i.queuedAt)])} ·{' '}
        {i.endedAt ? t('recordingEnded', formatWhen(i.endedAt)) : t(`state_${i.state}`)}
      </p>
      <ul class="plain recording-preview">
        {recording.messages.slice(0, PREVIEW).map((m) => (
          <li key={m.id}>
            <strong>
              <span class="user-text">{m.author.name ?? t(`author_${m.author.kind}`)}</span>:
            </strong>{' '}
            <span class="user-text">{m.text}</span>
          </li>
        ))}
      </ul>
      {recording.messageCount > PREVIEW && (
        <p class="muted small">{t('moreMessages', String(recording.messageCount - PREVIEW))}</p>
      )}
    </li>
  );
}
