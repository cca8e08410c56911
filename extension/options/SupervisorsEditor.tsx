import { useState } from 'preact/hooks';
import type { User } from '../../shared/api/users.ts';
import { t } from '../ui/i18n.ts';
import type { CampaignFormModel } from './campaign-form-model.ts';
import { FieldError } from './FieldError.tsx';
import { errorId } from './field-aria.ts';

/** The supervisors who watch this campaign (board, queue, recordings, actions). */
export function SupervisorsEditor({ form, users }: { form: CampaignFormModel; users: readonly User[] }) {
  const picked = form.state.value.supervisors;
  const addable = form.addableSupervisors(users);
  const [choice, setChoice] = useState('');
  const messages = form.messagesAt('body.supervisorIds');
  // Falls back to the first one left, so "Add supervisor" adds who the select shows.
  const current = addable.find((u) => u.id === choice) ?? addable[0];
  return (
    <fieldset class="stack" data-testid="supervisors-editor">
      <legend>{t('supervisors')}</legend>
      <p class="muted small">{t('supervisorsHint')}</p>
      {picked.length === 0 ? (
        <p class="muted">{t('noSupervisors')}</p>
      ) : (
        <ol class="plain stack" aria-label={t('supervisors')}>
          {picked.map((s) => (
            <li key={s.userId} class="row nowrap">
              <span class="grow user-text">{s.name}</span>
              <button
                type="button"
                class="danger"
                aria-label={t('removeSupervisor', s.name)}
                onClick={() => form.removeSupervisor(s.userId)}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <FieldError slot="body.supervisorIds" messages={messages} />
      {addable.length === 0 ? (
        <p class="muted small">{t('noSupervisorsToAdd')}</p>
      ) : (
        <div class="row">
          <label>
            {t('supervisor')}
            <select
              value={current?.id}
              onChange={(e) => setChoice(e.currentTarget.value)}
              aria-describedby={messages.length > 0 ? errorId('body.supervisorIds') : undefined}
            >
              {addable.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="secondary" onClick={() => current && form.addSupervisor(current)}>
            {t('addSupervisor')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
