import { t } from '../ui/i18n.ts';
import type { CampaignFormModel, FormState } from './campaign-form-model.ts';
import { FieldError } from './FieldError.tsx';
import { errorId, fieldAria } from './field-aria.ts';

/** One member: position (its place in the list), penalty, and buttons to move or remove it. */
export function MemberRow({
  form,
  member: m,
  index,
  count,
}: {
  form: CampaignFormModel;
  member: FormState['members'][number];
  index: number;
  count: number;
}) {
  const path = `body.members.${index}`;
  const penaltyMessages = form.messagesAt(`${path}.penalty`);
  const rowMessages = form.messagesAt(path);
  const id = `cf-member-${m.userId}`;
  return (
    <tr
      data-testid="member-row"
      data-user-id={m.userId}
      data-position={index}
      aria-describedby={rowMessages.length ? errorId(path) : undefined}
    >
      <td>{index + 1}</td>
      <td>
        <span class="user-text">{m.name}</span>
        <FieldError slot={path} messages={rowMessages} />
      </td>
      <td>
        <label htmlFor={`${id}-penalty`} class="sr-only">
          {t('penaltyOf', m.name)}
        </label>
        <input
          id={`${id}-penalty`}
          {...fieldAria(penaltyMessages, `${path}.penalty`)}
          class="penalty"
          type="number"
          min={0}
          max={100}
          step={1}
          value={m.penalty}
          onInput={(e) => form.setPenalty(m.userId, e.currentTarget.value)}
        />
        <FieldError slot={`${path}.penalty`} messages={penaltyMessages} />
      </td>
      <td>
        <div class="row nowrap">
          <button
            type="button"
            class="secondary icon"
            aria-label={t('moveMemberUp', m.name)}
            title={t('moveMemberUp', m.name)}
            disabled={index === 0}
            onClick={() => form.moveMember(m.userId, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="secondary icon"
            aria-label={t('moveMemberDown', m.name)}
            title={t('moveMemberDown', m.name)}
            disabled={index === count - 1}
            onClick={() => form.moveMember(m.userId, 1)}
          >
            ↓
          </button>
          <button
            type="button"
            class="danger"
            aria-label={t('removeMember', m.name)}
            onClick={() => form.removeMember(m.userId)}
          >
            {t('remove')}
          </button>
        </div>
      </td>
    </tr>
  );
}
