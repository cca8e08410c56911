import { useState } from 'preact/hooks';
import type { User } from '../../shared/api/users.ts';
import { t } from '../ui/i18n.ts';
import type { CampaignFormModel } from './campaign-form-model.ts';
import { FieldError } from './FieldError.tsx';
import { MemberRow } from './MemberRow.tsx';

/** The agents who take this campaign's work, in position order, each with a penalty. */
export function MembersEditor({ form, users }: { form: CampaignFormModel; users: readonly User[] }) {
  const members = form.state.value.members;
  const addable = form.addableAgents(users);
  const [picked, setPicked] = useState('');
  // The pick falls back to the first agent left, so "Add member" always adds who the select shows.
  const choice = addable.find((u) => u.id === picked) ?? addable[0];
  return (
    <fieldset class="stack">
      <legend>{t('members')}</legend>
      <p class="muted small">{t('membersHint')}</p>
      {members.length === 0 ? (
        <p class="muted">{t('noMembers')}</p>
      ) : (
        <table class="members">
          <thead>
            <tr>
              <th scope="col">{t('position')}</th>
              <th scope="col">{t('agent')}</th>
              <th scope="col">{t('penalty')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m, i) => (
              <MemberRow key={m.userId} form={form} member={m} index={i} count={members.length} />
            ))}
          </tbody>
        </table>
      )}
      <FieldError slot="body.members" messages={form.messagesAt('body.members')} />
      {addable.length === 0 ? (
        <p class="muted small">{t('noAgentsToAdd')}</p>
      ) : (
        <div class="row">
          <label>
            {t('agent')}
            <select value={choice?.id} onChange={(e) => setPicked(e.currentTarget.value)}>
              {addable.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="secondary" onClick={() => choice && form.addMember(choice)}>
            {t('addMember')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
