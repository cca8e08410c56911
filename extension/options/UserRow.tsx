import { useState } from 'preact/hooks';
import { ROLES, type Role, type User } from '../../shared/api/users.ts';
import { t } from '../ui/i18n.ts';
import type { UsersModel } from './users-model.ts';

/** One user: change the role, (de)activate, or reset the password in place. */
export function UserRow({ user, model }: { user: User; model: UsersModel }) {
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const [resetError, setResetError] = useState<string | null>(null);
  const [resetDone, setResetDone] = useState(false);

  const submitReset = async (e: Event) => {
    e.preventDefault();
    const err = await model.update(user.id, { password });
    setResetError(err ? (err.fields?.[0]?.message ?? err.message) : null);
    if (!err) {
      setResetting(false);
      setPassword('');
      setResetDone(true);
    }
  };

  return (
    <tr data-testid="user-row" data-email={user.email}>
      <td class="user-text">{user.name}</td>
      <td class="user-text">{user.email}</td>
      <td>
        <label>
          <span class="sr-only">{t('roleOf', user.name)}</span>
          <select
            value={user.role}
            onChange={(e) => model.update(user.id, { role: e.currentTarget.value as Role })}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role_${r}`)}
              </option>
            ))}
          </select>
        </label>
      </td>
      <td>
        <span class={user.active ? 'badge' : 'badge off'}>{user.active ? t('active') : t('inactive')}</span>
      </td>
      <td>
        <div class="row">
          <button
            type="button"
            class={user.active ? 'danger' : 'secondary'}
            onClick={() => model.update(user.id, { active: !user.active })}
          >
            {user.active ? t('deactivate') : t('reactivate')}
          </button>
          {!resetting && (
            <button type="button" class="secondary" onClick={() => setResetting(true)}>
              {t('resetPassword')}
            </button>
          )}
          {resetDone && !resetting && <span class="success">{t('passwordReset')}</span>}
        </div>
        {resetting && (
          <form class="row" onSubmit={submitReset}>
            <label>
              <span class="sr-only">{t('newPasswordFor', user.name)}</span>
              <input
                type="password"
                autocomplete="new-password"
                placeholder={t('newPassword')}
                required
                minLength={10}
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            </label>
            <button type="submit">{t('save')}</button>
            <button type="button" class="secondary" onClick={() => setResetting(false)}>
              {t('cancel')}
            </button>
            {resetError && <span class="error">{resetError}</span>}
          </form>
        )}
      </td>
    </tr>
  );
}
