import type { InteractionView } from '../../shared/api/interactions.ts';
import { ChannelIcon } from '../ui/ChannelIcon.tsx';
import { t } from '../ui/i18n.ts';

/** Back to the inbox; whose interaction this is: the customer, the campaign, the Page, the channel. */
export function InteractionHeader({
  interaction,
  onBack,
}: {
  interaction: InteractionView;
  onBack: () => void;
}) {
  return (
    <header class="interaction-header">
      <button type="button" class="secondary back-button" onClick={onBack}>
        <span aria-hidden="true">← </span>
        {t('backToInbox')}
      </button>
      <div class="interaction-title">
        <h2 id="interaction-title" class="user-text" tabIndex={-1} data-testid="interaction-customer">
          {interaction.customerName ?? t('unknownCustomer')}
        </h2>
        <p class="muted small interaction-where">
          <span class="channel">
            <ChannelIcon channel={interaction.channel} />
            <span class="sr-only">{t(`inboxChannel_${interaction.channel}`)}</span>
          </span>
          <span class="user-text" data-testid="interaction-campaign">
            {interaction.campaignName}
          </span>
          <span aria-hidden="true">·</span>
          <span class="user-text">{interaction.pageName}</span>
        </p>
      </div>
    </header>
  );
}
