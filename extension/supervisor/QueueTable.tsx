import type { CampaignBoard } from '../../shared/api/supervisor.ts';
import { ChannelIcon } from '../ui/ChannelIcon.tsx';
import { formatDuration } from '../ui/format-duration.ts';
import { t } from '../ui/i18n.ts';

/** Customers waiting, oldest first; time on hold ticks from when they first started waiting. */
export function QueueTable({ board, now }: { board: CampaignBoard; now: number }) {
  const id = `queue-${board.campaign.id}`;
  return (
    <section class="board-section" aria-labelledby={id}>
      <h3 id={id}>
        {t('queueTitle')} <span class="badge">{board.queue.length}</span>
      </h3>
      {!board.campaign.openNow && <p class="muted small">{t('queueClosedHours')}</p>}
      {board.queue.length === 0 ? (
        <p class="muted">{t('queueEmpty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="board-table" data-testid="queue-table">
            <thead>
              <tr>
                <th scope="col">{t('customer')}</th>
                <th scope="col">{t('channel')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">{t('timeOnHold')}</th>
              </tr>
            </thead>
            <tbody>
              {board.queue.map((q) => (
                <tr key={q.interactionId} data-testid="queue-row" data-interaction-id={q.interactionId}>
                  <th scope="row" class="user-text">
                    {q.customerName ?? q.customerId ?? t('unknownCustomer')}
                  </th>
                  <td>
                    <span class="channel">
                      <ChannelIcon channel={q.channel} />
                      {t(`channel_${q.channel}`)}
                    </span>
                  </td>
                  <td>{t(`state_${q.state}`)}</td>
                  <td class="number">{formatDuration(now - Date.parse(q.queuedAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
