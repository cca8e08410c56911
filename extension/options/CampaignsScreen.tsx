import { useEffect, useMemo } from 'preact/hooks';
import { ErrorText } from '../ui/ErrorText.tsx';
import { t } from '../ui/i18n.ts';
import { CampaignForm } from './CampaignForm.tsx';
import { CampaignsTable } from './CampaignsTable.tsx';
import { createCampaignsModel } from './campaigns-model.ts';

/** The admin's campaigns: the table, or the form for one campaign in its place. */
export function CampaignsScreen() {
  const model = useMemo(() => createCampaignsModel(), []);
  useEffect(() => {
    const ac = new AbortController();
    model.start(ac.signal);
    void model.load();
    void model.loadChoices();
    return () => ac.abort();
  }, [model]);
  const form = model.form.value;
  const notice = model.notice.value;
  return (
    <section aria-labelledby="campaigns-title" class="stack">
      <div class="row spread">
        <h2 id="campaigns-title">{t('campaigns')}</h2>
        {!form && (
          <button type="button" onClick={() => model.openNew()}>
            {t('newCampaign')}
          </button>
        )}
      </div>
      <ErrorText error={model.error.value} />
      {notice && (
        <p class="success" role="status">
          {t(notice.key, notice.name)}
        </p>
      )}
      {form ? (
        <CampaignForm key={form.campaignId ?? 'new'} model={model} form={form} />
      ) : (
        <CampaignsTable model={model} />
      )}
    </section>
  );
}
