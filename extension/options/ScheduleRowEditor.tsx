import { t } from '../ui/i18n.ts';
import type { CampaignFormModel, ScheduleDraftRow } from './campaign-form-model.ts';
import { FieldError } from './FieldError.tsx';
import { FormField } from './FormField.tsx';
import { errorId } from './field-aria.ts';

/** Monday first, as most of Pagedesk's customers read a week; values stay 0 = Sunday. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

/**
 * One opening period. Times are text in HH:MM rather than `type="time"`, whose display follows the
 * browser's locale (12-hour in some) and which cannot say 24:00, the end of the day.
 */
export function ScheduleRowEditor({
  form,
  row,
  index,
}: {
  form: CampaignFormModel;
  row: ScheduleDraftRow;
  index: number;
}) {
  const selected = form.selectedRow.value === row.key;
  const n = String(index + 1);
  const path = `body.schedule.${index}`;
  const rowMessages = form.messagesAt(path);
  const id = `cf-schedule-${row.key}`;
  const time = (field: 'from' | 'to') => (
    <FormField
      id={`${id}-${field}`}
      label={t(field)}
      slot={`${path}.${field}`}
      messages={form.messagesAt(`${path}.${field}`)}
    >
      {(p) => (
        <input
          {...p}
          class="time"
          inputMode="numeric"
          placeholder="HH:MM"
          maxLength={5}
          autocomplete="off"
          value={row[field]}
          onInput={(e) => form.updateRow(row.key, { [field]: e.currentTarget.value })}
        />
      )}
    </FormField>
  );
  return (
    <fieldset
      aria-describedby={rowMessages.length ? errorId(path) : undefined}
      data-testid="schedule-row"
      data-selected={selected}
      class={selected ? 'schedule-row selected' : 'schedule-row'}
      // Working in a row selects it, so "−" removes the row the admin is looking at.
      onFocusIn={() => form.selectRow(row.key)}
    >
      <legend class="sr-only">{t('scheduleRowLabel', n)}</legend>
      <label class="choice">
        <input
          type="radio"
          name="cf-schedule-selected"
          checked={selected}
          onChange={() => form.selectRow(row.key)}
        />
        <span class="sr-only">{t('selectRow', n)}</span>
      </label>
      <FormField
        id={`${id}-weekday`}
        label={t('weekday')}
        slot={`${path}.weekday`}
        messages={form.messagesAt(`${path}.weekday`)}
      >
        {(p) => (
          <select
            {...p}
            value={String(row.weekday)}
            onChange={(e) => form.updateRow(row.key, { weekday: Number(e.currentTarget.value) })}
          >
            {WEEK.map((d) => (
              <option key={d} value={String(d)}>
                {t(`weekday_${d}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {time('from')}
      {time('to')}
      <FieldError slot={path} messages={rowMessages} />
    </fieldset>
  );
}
