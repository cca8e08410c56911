import type { Transcript } from '../../shared/api/interactions.ts';
import { t } from '../ui/i18n.ts';
import { httpUrl } from '../ui/safe-url.ts';
import { authorLabel, formatWhen } from './author-label.ts';
import { MessageAttachments } from './MessageAttachments.tsx';
import { PrivateReply } from './PrivateReply.tsx';
import { threadOrder } from './thread-order.ts';

/** The post, then its comment thread in reading order, replies indented under their parent. */
export function FacebookThread(props: {
  transcript: Transcript;
  now: number;
  onPrivateReply: (commentId: string, customerName: string | null, text: string) => Promise<boolean>;
}) {
  const { post, messages, context, interaction } = props.transcript;
  const photo = httpUrl(post?.photoUrl);
  return (
    <section class="stack" aria-label={t('postAndComments')}>
      {post && (
        <article class="post" aria-label={t('post')}>
          {post.message && <p class="post-text user-text">{post.message}</p>}
          {photo && (
            <img
              class="post-image"
              src={photo}
              alt={t('postImage')}
              loading="lazy"
              referrerpolicy="no-referrer"
            />
          )}
        </article>
      )}
      <ol class="thread" aria-label={t('comments')}>
        {threadOrder(messages).map(({ message: m, depth }) => {
          const author = authorLabel(m.author, interaction.pageName);
          return (
            <li
              key={m.id}
              class={`comment depth-${depth} ${m.author.kind}${m.removed ? ' removed' : ''}`}
              data-testid="transcript-message"
              data-author-kind={m.author.kind}
              data-message-id={m.id}
            >
              <div class="message-head">
                <span class="author user-text">{author}</span>
                {m.at && (
                  <time class="muted small" dateTime={m.at}>
                    {formatWhen(m.at, props.now)}
                  </time>
                )}
              </div>
              {m.removed && <span class="badge removed-badge">{t('commentRemoved')}</span>}
              {m.text && <p class="message-text user-text">{m.text}</p>}
              <MessageAttachments attachments={m.attachments} from={author} />
              {m.privateReplySent && <p class="muted small">{t('privateReplySent')}</p>}
              {m.author.kind === 'customer' && m.privateReply && (
                <PrivateReply
                  message={m}
                  customer={author}
                  campaign={context.messengerCampaign}
                  onStart={(text) => props.onPrivateReply(m.id, m.author.name, text)}
                />
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
