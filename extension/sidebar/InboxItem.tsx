import type { InteractionView } from '../../shared/api/interactions.ts';
import { ChannelIcon } from '../ui/ChannelIcon.tsx';
import { formatDuration } from '../ui/format-duration.ts';
import { t } from '../ui/i18n.ts';

/** One interaction in the inbox: campaign and Page, channel, customer, waiting time, unread; opens on click. */
export function InboxItem(props: {
  item: InteractionView;
  now: number;
  unread: boolean;
  offer?: boolean;
  /** The post on screen holds this thread. */
  onPost?: boolean;
  onAccept?: () => void;
  onComplete?: () => void;
  onOpen?: () => void;
}) {
  const { item, now } = props;
  const since = Date.parse(item.lastCustomerAt ?? item.queuedAt);
  return (
    <li
      class={props.unread ? 'inbox-item unread' : 'inbox-item'}
      data-testid="inbox-item"
      data-interaction-id={item.id}
    >
      <button type="button" class="inbox-open" onClick={props.onOpen}>
        <span class="channel" title={t(`inboxChannel_${item.channel}`)}>
          <ChannelIcon channel={item.channel} />
          <span class="sr-only">{t(`inboxChannel_${item.channel}`)}</span>
        </span>
        <span class="inbox-main">
          <span class="inbox-title">
            <span class="user-text">{item.campaignName}</span> ·{' '}
            <span class="user-text">{item.pageName}</span>
          </span>
          <span class="inbox-customer user-text">{item.customerName ?? t('unknownCustomer')}</span>
          {props.onPost && <span class="on-post-mark">{t('onThisPost')}</span>}
        </span>
        <span class="inbox-wait" title={t('waitingSince')}>
          {formatDuration(now - since)}
        </span>
        {props.unread && <span class="sr-only">{t('unread')}</span>}
      </button>
      {props.offer ? (
        <button type="button" onClick={props.onAccept}>
          {t('accept')}
        </button>
      ) : (
        <button type="button" class="secondary" onClick={props.onComplete}>
          {t('complete')}
        </button>
      )}
    </li>
  );
}
