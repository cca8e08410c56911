import { CHANNELS, type Channel, STRATEGY_NAMES, type StrategyName } from '../../shared/api/campaigns.ts';
import { t } from '../ui/i18n.ts';
import type { CampaignFormModel } from './campaign-form-model.ts';
import type { CampaignsModel } from './campaigns-model.ts';
import { FormField } from './FormField.tsx';
import { ScheduleEditor } from './ScheduleEditor.tsx';
import { browserTimeZone, COMMON_TIME_ZONES } from './time-zones.ts';

/** Name, service level, where the work comes from, how it is routed, and when. */
export function CampaignBasicFields({ model, form }: { model: CampaignsModel; form: CampaignFormModel }) {
  const s = form.state.value;
  const editing = form.mode === 'edit';
  const pages = model.pages.value;
  // When editing, the campaign's Page may be missing from the list (not loaded yet, or unlinked since).
  const pageName = model.campaigns.value.find((c) => c.id === form.campaignId)?.pageName;
  const zones = [...new Set([browserTimeZone(), ...COMMON_TIME_ZONES])];
  return (
    <section class="stack" aria-labelledby="campaign-basic-title">
      <h3 id="campaign-basic-title">{t('basicSection')}</h3>
      <div class="grid">
        <FormField id="cf-name" label={t('name')} slot="body.name" messages={form.messagesAt('body.name')}>
          {(p) => (
            <input
              {...p}
              name="name"
              required
              maxLength={100}
              value={s.name}
              onInput={(e) => form.setField('name', e.currentTarget.value)}
            />
          )}
        </FormField>
        <FormField
          id="cf-service-level"
          label={t('serviceLevelSeconds')}
          hint={t('serviceLevelHint')}
          slot="body.thresholds.serviceLevel"
          messages={form.messagesAt('body.thresholds.serviceLevel')}
        >
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={86_400}
              step={1}
              value={s.thresholds.serviceLevel}
              onInput={(e) => form.setThreshold('serviceLevel', e.currentTarget.value)}
            />
          )}
        </FormField>
        <FormField
          id="cf-page"
          label={t('page')}
          hint={editing ? t('fixedAfterCreation') : pages.length === 0 ? t('noLinkedPages') : undefined}
          slot="body.pageId"
          messages={form.messagesAt('body.pageId')}
        >
          {(p) => (
            <select
              {...p}
              name="pageId"
              disabled={editing}
              value={s.pageId}
              onChange={(e) => form.setField('pageId', e.currentTarget.value)}
            >
              {!editing && <option value="">{t('pickPagePlaceholder')}</option>}
              {editing && !pages.some((pg) => pg.id === s.pageId) && (
                <option value={s.pageId}>{pageName}</option>
              )}
              {pages.map((pg) => (
                <option key={pg.id} value={pg.id}>
                  {pg.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id="cf-channel"
          label={t('channel')}
          slot="body.channel"
          messages={form.messagesAt('body.channel')}
        >
          {(p) => (
            <select
              {...p}
              name="channel"
              disabled={editing}
              value={s.channel}
              onChange={(e) => form.setField('channel', e.currentTarget.value as Channel)}
            >
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel_${c}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          wide
          id="cf-strategy"
          label={t('strategy')}
          hint={t('strategyHint')}
          slot="body.strategy"
          messages={form.messagesAt('body.strategy')}
        >
          {(p) => (
            <select
              {...p}
              name="strategy"
              value={s.strategy}
              onChange={(e) => form.setField('strategy', e.currentTarget.value as StrategyName)}
            >
              {STRATEGY_NAMES.map((name) => (
                <option key={name} value={name}>
                  {`${name} — ${t(`strategy_${name}`)}`}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id="cf-time-zone"
          label={t('timeZone')}
          hint={t('timeZoneHint')}
          slot="body.timeZone"
          messages={form.messagesAt('body.timeZone')}
        >
          {(p) => (
            <input
              {...p}
              name="timeZone"
              list="cf-time-zones"
              autocomplete="off"
              spellcheck={false}
              value={s.timeZone}
              onInput={(e) => form.setField('timeZone', e.currentTarget.value)}
            />
          )}
        </FormField>
        <datalist id="cf-time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <ScheduleEditor form={form} />
    </section>
  );
}
