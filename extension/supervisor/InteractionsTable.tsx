import type { InteractionView } from '../../shared/api/interactions.ts';
import { ChannelIcon } from '../ui/ChannelIcon.tsx';
import { t } from '../ui/i18n.ts';
import { formatWhen } from './format-when.ts';

/** A list of interactions: who, where, in which state, and when it was queued, answered, ended. */
export function InteractionsTable({ items, testId }: { items: readonly InteractionView[]; testId?: string }) {
  return (
    <div class="table-scroll">
      <table class="board-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('customer')}</th>
            <th scope="col">{t('campaign')}</th>
            <th scope="col">{t('state')}</th>
            <th scope="col">{t('queuedAt')}</th>
            <th scope="col">{t('answeredAt')}</th>
            <th scope="col">{t('endedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} data-testid="interaction-row" data-interaction-id={i.id}>
              <th scope="row" class="user-text">
                {i.customerName ?? i.customerId ?? t('unknownCustomer')}
              </th>
              <td>
                <span class="channel">
                  <ChannelIcon channel={i.channel} />
                  <span class="sr-only">{t(`channel_${i.channel}`)}</span>
                </span>{' '}
                <span class="user-text">{i.campaignName}</span>
              </td>
              <td>{t(`state_${i.state}`)}</td>
              <td>{formatWhen(i.queuedAt)}</td>
              <td>{formatWhen(i.answeredAt)}</td>
              <td>{formatWhen(i.endedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
