import { t } from '../ui/i18n.ts';
import type { CampaignFormModel } from './campaign-form-model.ts';
import { LIMITS } from './campaign-validation.ts';
import { FieldError } from './FieldError.tsx';
import { errorId } from './field-aria.ts';
import { ScheduleRowEditor } from './ScheduleRowEditor.tsx';

/** Opening hours: rows of weekday, From and To; "+" adds a row, "−" removes the selected one. */
export function ScheduleEditor({ form }: { form: CampaignFormModel }) {
  const rows = form.state.value.schedule;
  const listMessages = form.messagesAt('body.schedule');
  return (
    <fieldset
      class="stack"
      aria-describedby={['cf-schedule-hint', listMessages.length ? errorId('body.schedule') : '']
        .filter(Boolean)
        .join(' ')}
    >
      <legend>{t('schedule')}</legend>
      <p id="cf-schedule-hint" class="muted small">
        {t('scheduleHint')}
      </p>
      {rows.length === 0 ? (
        <p class="muted" data-testid="always-open">
          {t('alwaysOpenHint')}
        </p>
      ) : (
        <div class="stack schedule-rows">
          {rows.map((row, i) => (
            <ScheduleRowEditor key={row.key} form={form} row={row} index={i} />
          ))}
        </div>
      )}
      <FieldError slot="body.schedule" messages={listMessages} />
      <div class="row">
        <button
          type="button"
          class="secondary icon"
          aria-label={t('addScheduleRow')}
          title={t('addScheduleRow')}
          disabled={rows.length >= LIMITS.schedule}
          onClick={() => form.addRow()}
        >
          +
        </button>
        <button
          type="button"
          class="secondary icon"
          aria-label={t('removeSelectedRow')}
          title={t('removeSelectedRow')}
          disabled={!rows.some((r) => r.key === form.selectedRow.value)}
          onClick={() => form.removeSelected()}
        >
          −
        </button>
      </div>
    </fieldset>
  );
}
