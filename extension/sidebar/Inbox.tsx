import { useEffect, useState } from 'preact/hooks';
import { ErrorText } from '../ui/ErrorText.tsx';
import { t } from '../ui/i18n.ts';
import { InboxItem } from './InboxItem.tsx';
import type { InboxModel } from './inbox-model.ts';

/** The agent's unified inbox, oldest waiting first; waiting times tick every second. */
export function Inbox({ inbox }: { inbox: InboxModel }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const items = inbox.items.value;
  const offers = inbox.offers.value;
  return (
    <section aria-labelledby="inbox-title" class="stack">
      <h2 id="inbox-title">
        {t('inbox')} <span class="badge">{inbox.waiting.value}</span>
      </h2>
      {!inbox.connected.value && <p class="muted small">{t('reconnecting')}</p>}
      <ErrorText error={inbox.error.value} />
      {offers.length > 0 && (
        <ul class="inbox" aria-label={t('offers')}>
          {offers.map((o) => (
            <InboxItem key={o.id} item={o} now={now} unread offer onAccept={() => inbox.accept(o.id)} />
          ))}
        </ul>
      )}
      {items.length === 0 && offers.length === 0 ? (
        <p class="muted">{t('inboxEmpty')}</p>
      ) : (
        <ul class="inbox" aria-label={t('inbox')}>
          {items.map((i) => (
            <InboxItem
              key={i.id}
              item={i}
              now={now}
              unread={inbox.unread.value.has(i.id)}
              onOpen={() => inbox.open(i.id)}
              onComplete={() => inbox.complete(i.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
