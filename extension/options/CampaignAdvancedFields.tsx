import { t } from '../ui/i18n.ts';
import { CannedResponsesEditor } from './CannedResponsesEditor.tsx';
import type { CampaignFormModel } from './campaign-form-model.ts';
import { LIMITS, type ThresholdKey } from './campaign-validation.ts';
import type { CampaignsModel } from './campaigns-model.ts';
import { FormField } from './FormField.tsx';
import { MembersEditor } from './MembersEditor.tsx';
import { SupervisorsEditor } from './SupervisorsEditor.tsx';

/** The thresholds set here; the service level is under Basic, where admins look for it first. */
const THRESHOLD_FIELDS: { key: Exclude<ThresholdKey, 'serviceLevel'>; label: string; hint: string }[] = [
  { key: 'dropout', label: 'dropoutSeconds', hint: 'dropoutHint' },
  { key: 'chatTime', label: 'chatTimeSeconds', hint: 'chatTimeHint' },
  { key: 'acd', label: 'acdLabel', hint: 'acdHint' },
];

/** Thresholds, capacity, the on/off switch, canned responses and members. */
export function CampaignAdvancedFields({ model, form }: { model: CampaignsModel; form: CampaignFormModel }) {
  const s = form.state.value;
  return (
    <section class="stack" aria-labelledby="campaign-advanced-title">
      <h3 id="campaign-advanced-title">{t('advancedSection')}</h3>
      <div class="grid">
        {THRESHOLD_FIELDS.map(({ key, label, hint }) => (
          <FormField
            key={key}
            id={`cf-${key}`}
            label={t(label)}
            hint={t(hint)}
            slot={`body.thresholds.${key}`}
            messages={form.messagesAt(`body.thresholds.${key}`)}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                min={LIMITS.thresholds[key][0]}
                max={LIMITS.thresholds[key][1]}
                step={1}
                value={s.thresholds[key]}
                onInput={(e) => form.setThreshold(key, e.currentTarget.value)}
              />
            )}
          </FormField>
        ))}
        <FormField
          id="cf-max-per-agent"
          label={t('maxPerAgent')}
          hint={t('maxPerAgentHint')}
          slot="body.maxInteractionsPerAgent"
          messages={form.messagesAt('body.maxInteractionsPerAgent')}
        >
          {(p) => (
            <input
              {...p}
              type="number"
              min={LIMITS.maxInteractionsPerAgent[0]}
              max={LIMITS.maxInteractionsPerAgent[1]}
              step={1}
              value={s.maxInteractionsPerAgent}
              onInput={(e) => form.setField('maxInteractionsPerAgent', e.currentTarget.value)}
            />
          )}
        </FormField>
      </div>
      <div class="field">
        <label class="choice">
          <input
            type="checkbox"
            name="enabled"
            aria-describedby="cf-enabled-hint"
            checked={s.enabled}
            onChange={(e) => form.setField('enabled', e.currentTarget.checked)}
          />
          <span>{t('enabled')}</span>
        </label>
        <span id="cf-enabled-hint" class="muted small">
          {t('enabledHint')}
        </span>
      </div>
      <CannedResponsesEditor form={form} />
      <MembersEditor form={form} users={model.users.value} />
      <SupervisorsEditor form={form} users={model.users.value} />
    </section>
  );
}
