import type { TranscriptMessage } from '../../shared/api/interactions.ts';
import { t } from '../ui/i18n.ts';
import { formatWhen } from './format-when.ts';
import { safeHref } from './safe-href.ts';

type Message = Pick<TranscriptMessage, 'id' | 'author' | 'text' | 'attachments' | 'at' | 'removed'>;

function authorOf(m: Message): string {
  if (m.author.kind === 'customer') return m.author.name ?? t('unknownCustomer');
  if (m.author.kind === 'agent') return m.author.name ?? t('author_agent');
  return m.author.name ?? t('author_page');
}

/**
 * Messages of a transcript, oldest first, as plain text (never HTML) with their author and time;
 * attachments are links, and only http(s) ones.
 */
export function TranscriptMessages({ messages, live }: { messages: readonly Message[]; live?: boolean }) {
  if (messages.length === 0) return <p class="muted">{t('noMessages')}</p>;
  return (
    <ol class="transcript" aria-label={t('messages')} aria-live={live ? 'polite' : undefined}>
      {messages.map((m) => (
        <li key={m.id} class={`transcript-message author-${m.author.kind}`} data-testid="transcript-message">
          <div class="transcript-meta">
            <strong class="user-text">{authorOf(m)}</strong>
            <span class="muted small">
              {' '}
              · {t(`author_${m.author.kind}`)}
              {m.at ? ` · ${formatWhen(m.at)}` : ''}
            </span>
            {m.removed && <span class="badge off">{t('messageRemoved')}</span>}
          </div>
          {m.text && <p class="transcript-text user-text">{m.text}</p>}
          {m.attachments.length > 0 && (
            <ul class="plain small">
              {m.attachments.map((a, n) => {
                const href = safeHref(a.url);
                const label = t('attachmentN', [String(n + 1), a.type]);
                return (
                  <li key={n}>
                    {href ? (
                      <a href={href} target="_blank" rel="noopener noreferrer">
                        {label}
                      </a>
                    ) : (
                      label
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
