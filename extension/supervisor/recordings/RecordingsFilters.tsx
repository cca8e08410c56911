import { CHANNELS } from '../../../shared/api/campaigns.ts';
import { t } from '../../ui/i18n.ts';
import type { RecordingChoices } from './recording-choices.ts';
import type { RecordingsForm } from './recordings-filter.ts';
import type { RecordingsModel } from './recordings-model.ts';

/** The search form: a range of local days, campaign, agent, channel and free text. */
export function RecordingsFilters({ model, choices }: { model: RecordingsModel; choices: RecordingChoices }) {
  const f = model.form.value;
  const issue = (field: keyof RecordingsForm) => model.issues.value.find((i) => i.field === field);
  const errorOf = (field: keyof RecordingsForm) => {
    const found = issue(field);
    return found ? (
      <span class="error small" id={`rec-${field}-error`}>
        {t(found.key)}
      </span>
    ) : null;
  };
  const described = (field: keyof RecordingsForm) =>
    issue(field) ? { 'aria-invalid': true, 'aria-describedby': `rec-${field}-error` } : {};
  return (
    <form
      class="card stack recordings-filters"
      aria-label={t('recordingsFilters')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void model.search();
      }}
    >
      <div class="grid">
        <div class="field">
          <label for="rec-from">{t('fromDay')}</label>
          <input
            id="rec-from"
            type="date"
            value={f.from}
            onInput={(e) => model.setField('from', e.currentTarget.value)}
            {...described('from')}
          />
          {errorOf('from')}
        </div>
        <div class="field">
          <label for="rec-to">{t('toDay')}</label>
          <input
            id="rec-to"
            type="date"
            value={f.to}
            onInput={(e) => model.setField('to', e.currentTarget.value)}
            {...described('to')}
          />
          {errorOf('to')}
        </div>
        <div class="field">
          <label for="rec-campaign">{t('campaign')}</label>
          <select
            id="rec-campaign"
            value={f.campaignId}
            onChange={(e) => model.setField('campaignId', e.currentTarget.value)}
          >
            <option value="">{t('allCampaigns')}</option>
            {choices.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="rec-agent">{t('agent')}</label>
          <select
            id="rec-agent"
            value={f.agentId}
            onChange={(e) => model.setField('agentId', e.currentTarget.value)}
          >
            <option value="">{t('allAgents')}</option>
            {choices.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="rec-channel">{t('channel')}</label>
          <select
            id="rec-channel"
            value={f.channel}
            onChange={(e) => model.setField('channel', e.currentTarget.value as RecordingsForm['channel'])}
          >
            <option value="">{t('allChannels')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel_${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="rec-q">{t('searchText')}</label>
          <input
            id="rec-q"
            type="search"
            value={f.q}
            placeholder={t('searchTextHint')}
            onInput={(e) => model.setField('q', e.currentTarget.value)}
            {...described('q')}
          />
          {errorOf('q')}
        </div>
      </div>
      <div class="row">
        <button type="submit" disabled={model.loading.value}>
          {t('search')}
        </button>
        <button type="button" class="secondary" onClick={() => model.reset()}>
          {t('clearFilters')}
        </button>
      </div>
    </form>
  );
}
