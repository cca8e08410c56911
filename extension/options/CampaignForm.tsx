import { useEffect, useRef } from 'preact/hooks';
import { ErrorText } from '../ui/ErrorText.tsx';
import { t } from '../ui/i18n.ts';
import { CampaignAdvancedFields } from './CampaignAdvancedFields.tsx';
import { CampaignBasicFields } from './CampaignBasicFields.tsx';
import type { CampaignFormModel } from './campaign-form-model.ts';
import type { CampaignsModel } from './campaigns-model.ts';

/** Create or edit one campaign: Basic, then Advanced, then Save or Cancel. */
export function CampaignForm({ model, form }: { model: CampaignsModel; form: CampaignFormModel }) {
  const title = useRef<HTMLHeadingElement>(null);
  const self = useRef<HTMLFormElement>(null);
  // Keyboard and screen-reader users land on the form that replaced the table.
  useEffect(() => title.current?.focus(), []);
  const editing = model.campaigns.value.find((c) => c.id === form.campaignId);
  const clientProblems = form.attempted.value && form.clientIssues.value.length > 0;
  return (
    <form
      class="card stack campaign-form"
      data-testid="campaign-form"
      aria-labelledby="campaign-form-title"
      noValidate
      ref={self}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await model.save()) return;
        // Save is at the bottom of a long form: take the admin to the first problem (after the render).
        setTimeout(() => {
          const invalid = self.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
          if (invalid) invalid.focus();
          else self.current?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'center' });
        });
      }}
    >
      <h2 id="campaign-form-title" tabIndex={-1} ref={title}>
        {editing ? t('editCampaignTitle', editing.name) : t('newCampaign')}
      </h2>
      <ErrorText error={form.formError.value} />
      {!form.formError.value && clientProblems && (
        <p class="error" role="alert">
          {t('fixFields')}
        </p>
      )}
      {form.generalIssues.value.map((i) => (
        <p key={`${i.path} ${i.message}`} class="error">
          {i.message}
        </p>
      ))}
      <CampaignBasicFields model={model} form={form} />
      <CampaignAdvancedFields model={model} form={form} />
      <div class="row">
        <button type="submit" disabled={model.saving.value}>
          {t('save')}
        </button>
        <button type="button" class="secondary" onClick={() => model.closeForm()}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
