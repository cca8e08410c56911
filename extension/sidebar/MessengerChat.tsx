import type { Transcript } from '../../shared/api/interactions.ts';
import { t } from '../ui/i18n.ts';
import { authorLabel, formatWhen } from './author-label.ts';
import { MessageAttachments } from './MessageAttachments.tsx';

/** The Messenger chat as bubbles: the customer's on one side, the Page's and agents' on the other. */
export function MessengerChat({ transcript, now }: { transcript: Transcript; now: number }) {
  return (
    <ol class="chat" aria-label={t('conversation')}>
      {transcript.messages.map((m) => {
        const author = authorLabel(m.author, transcript.interaction.pageName);
        return (
          <li
            key={m.id}
            class={`bubble ${m.author.kind === 'customer' ? 'in' : 'out'}`}
            data-testid="transcript-message"
            data-author-kind={m.author.kind}
            data-message-id={m.id}
          >
            <span class="author user-text">{author}</span>
            {m.text && <p class="message-text user-text">{m.text}</p>}
            <MessageAttachments attachments={m.attachments} from={author} />
            {m.at && (
              <time class="muted small" dateTime={m.at}>
                {formatWhen(m.at, now)}
              </time>
            )}
          </li>
        );
      })}
    </ol>
  );
}
