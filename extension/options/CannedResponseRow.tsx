import type { CannedResponse } from '../../shared/api/campaigns.ts';
import { t } from '../ui/i18n.ts';
import type { CampaignFormModel } from './campaign-form-model.ts';
import { FieldError } from './FieldError.tsx';
import { FormField } from './FormField.tsx';
import { errorId } from './field-aria.ts';

/** One canned response, edited in place, with buttons to move it and remove it. */
export function CannedResponseRow({
  form,
  response: r,
  index,
  count,
}: {
  form: CampaignFormModel;
  response: CannedResponse;
  index: number;
  count: number;
}) {
  const path = `body.cannedResponses.${index}`;
  const n = String(index + 1);
  const rowMessages = form.messagesAt(path);
  return (
    <li
      class="canned-row"
      data-testid="canned-row"
      data-response-id={r.id}
      aria-describedby={rowMessages.length ? errorId(path) : undefined}
    >
      <FormField
        id={`cf-response-${r.id}-title`}
        label={t('responseTitle')}
        slot={`${path}.title`}
        messages={form.messagesAt(`${path}.title`)}
      >
        {(p) => (
          <input
            {...p}
            maxLength={80}
            value={r.title}
            onInput={(e) => form.updateResponse(r.id, { title: e.currentTarget.value })}
          />
        )}
      </FormField>
      <FormField
        id={`cf-response-${r.id}-text`}
        label={t('responseText')}
        slot={`${path}.text`}
        messages={form.messagesAt(`${path}.text`)}
      >
        {(p) => (
          <textarea
            {...p}
            rows={2}
            maxLength={2_000}
            value={r.text}
            onInput={(e) => form.updateResponse(r.id, { text: e.currentTarget.value })}
          />
        )}
      </FormField>
      <div class="row nowrap">
        <button
          type="button"
          class="secondary icon"
          aria-label={t('moveResponseUp', n)}
          title={t('moveResponseUp', n)}
          disabled={index === 0}
          onClick={() => form.moveResponse(r.id, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          class="secondary icon"
          aria-label={t('moveResponseDown', n)}
          title={t('moveResponseDown', n)}
          disabled={index === count - 1}
          onClick={() => form.moveResponse(r.id, 1)}
        >
          ↓
        </button>
        <button
          type="button"
          class="danger"
          aria-label={t('removeResponse', n)}
          onClick={() => form.removeResponse(r.id)}
        >
          {t('remove')}
        </button>
      </div>
      <FieldError slot={path} messages={rowMessages} />
    </li>
  );
}
