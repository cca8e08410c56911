import { t } from '../ui/i18n.ts';
import { httpUrl } from '../ui/safe-url.ts';
import type { OutgoingEntry } from './interaction-model.ts';

function delivery(o: OutgoingEntry): string {
  switch (o.status) {
    case 'pending':
      return t('replyPending');
    case 'sent':
      return t('replySent');
    case 'held':
      return o.error ? t('replyHeldBecause', o.error) : t('replyHeld');
    default:
      return o.error ? t('replyFailedBecause', o.error) : t('replyFailed');
  }
}

/** The agent's replies on their way to Facebook: pending, sent, held (with why), failed (with a retry). */
export function OutgoingList(props: {
  entries: OutgoingEntry[];
  me: string;
  onRetry: (key: string) => void;
}) {
  if (props.entries.length === 0) return null;
  return (
    <ol class="outgoing" aria-label={t('yourReplies')}>
      {props.entries.map((o) => {
        const attachment = httpUrl(o.attachmentUrl);
        return (
          <li
            key={o.key}
            class={`bubble out outgoing-item ${o.status}`}
            data-testid="outgoing-reply"
            data-status={o.status}
          >
            <span class="author">
              {t('agentAuthor', o.agentName ?? props.me)}
              {o.kind === 'private_reply' && <span class="badge">{t('privateReplyBadge')}</span>}
            </span>
            {o.text && <p class="message-text user-text">{o.text}</p>}
            {attachment && (
              <a href={attachment} target="_blank" rel="noopener noreferrer" class="attachment-link">
                {t('attachedImage')}
              </a>
            )}
            <p
              class={`delivery small ${o.status}`}
              role={o.status === 'failed' || o.status === 'held' ? 'alert' : undefined}
            >
              {delivery(o)}
            </p>
            {o.status === 'failed' && (
              <button type="button" class="secondary small-button" onClick={() => props.onRetry(o.key)}>
                {t('retry')}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
