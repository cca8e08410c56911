import { useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';

/** Complete the interaction, with an optional disposition asked inline. */
export function CompleteBar({
  busy,
  onComplete,
}: {
  busy: boolean;
  onComplete: (disposition: string) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [disposition, setDisposition] = useState('');
  if (!asking)
    return (
      <button type="button" class="secondary" onClick={() => setAsking(true)}>
        {t('complete')}
      </button>
    );
  return (
    <form
      class="complete-form row"
      aria-label={t('completeInteraction')}
      onSubmit={(e) => {
        e.preventDefault();
        onComplete(disposition);
      }}
    >
      <label class="grow">
        {t('dispositionOptional')}
        <input
          value={disposition}
          maxLength={100}
          placeholder={t('dispositionPlaceholder')}
          onInput={(e) => setDisposition(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setAsking(false);
          }}
          // biome-ignore lint/a11y/noAutofocus: the agent asked for this field by pressing Complete.
          autoFocus
        />
      </label>
      <button type="submit" disabled={busy}>
        {t('completeInteraction')}
      </button>
      <button type="button" class="secondary" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </form>
  );
}
