import { t } from '../ui/i18n.ts';
import { CampaignRow } from './CampaignRow.tsx';
import type { CampaignsModel } from './campaigns-model.ts';

export function CampaignsTable({ model }: { model: CampaignsModel }) {
  const campaigns = model.campaigns.value;
  // A failed load is said above the table (the screen's error); "no campaign yet" would be untrue.
  if (campaigns.length === 0 && model.error.value && !model.loading.value) return null;
  if (campaigns.length === 0)
    return (
      <p class="muted" role="status">
        {model.loading.value ? t('loading') : t('noCampaigns')}
      </p>
    );
  return (
    <div class="table-scroll">
      <table class="campaigns">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('page')}</th>
            <th scope="col">{t('channel')}</th>
            <th scope="col">{t('strategy')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('hours')}</th>
            <th scope="col">{t('members')}</th>
            <th scope="col">{t('tokenHealth')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <CampaignRow key={c.id} campaign={c} model={model} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
