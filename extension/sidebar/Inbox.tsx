import { ErrorText } from '../ui/ErrorText.tsx';
import { t } from '../ui/i18n.ts';
import { useNow } from '../ui/use-now.ts';
import { InboxItem } from './InboxItem.tsx';
import type { InboxModel } from './inbox-model.ts';
import { splitByPost } from './post-hint.ts';

/**
 * The agent's unified inbox, oldest waiting first; waiting times tick every second. The
 * interactions of the post on screen come first, in their own group.
 */
export function Inbox({
  inbox,
  postId = null,
  onOpen,
}: {
  inbox: InboxModel;
  postId?: string | null;
  onOpen?: (id: string) => void;
}) {
  const now = useNow(1_000);
  const offers = inbox.offers.value;
  const { onPost, rest } = splitByPost(inbox.items.value, postId);
  const open = (id: string) => {
    inbox.open(id);
    onOpen?.(id);
  };
  const item = (i: (typeof rest)[number], here: boolean) => (
    <InboxItem
      key={i.id}
      item={i}
      now={now}
      unread={inbox.unread.value.has(i.id)}
      onPost={here}
      onOpen={() => open(i.id)}
      onComplete={() => inbox.complete(i.id)}
    />
  );
  return (
    <section aria-labelledby="inbox-title" class="stack">
      <h2 id="inbox-title">
        {t('inbox')} <span class="badge">{inbox.items.value.length + inbox.offers.value.length}</span>
      </h2>
      {!inbox.connected.value && <p class="muted small">{t('reconnecting')}</p>}
      <ErrorText error={inbox.error.value} />
      {offers.length > 0 && (
        <ul class="inbox" aria-label={t('offers')}>
          {offers.map((o) => (
            <InboxItem
              key={o.id}
              item={o}
              now={now}
              unread
              offer
              onOpen={() => open(o.id)}
              onAccept={() => inbox.accept(o.id)}
            />
          ))}
        </ul>
      )}
      {onPost.length > 0 && (
        <section aria-labelledby="on-post-title" class="on-post stack">
          <h3 id="on-post-title" class="small">
            {t('onThisPost')}
          </h3>
          <ul class="inbox" aria-label={t('onThisPost')}>
            {onPost.map((i) => item(i, true))}
          </ul>
        </section>
      )}
      {onPost.length === 0 && rest.length === 0 && offers.length === 0 ? (
        <p class="muted">{t('inboxEmpty')}</p>
      ) : rest.length > 0 ? (
        <ul class="inbox" aria-label={t('inbox')}>
          {rest.map((i) => item(i, false))}
        </ul>
      ) : null}
    </section>
  );
}
