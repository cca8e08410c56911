import { useEffect, useMemo } from 'preact/hooks';
import { ErrorText } from '../ui/ErrorText.tsx';
import { t } from '../ui/i18n.ts';
import { CreateUserForm } from './CreateUserForm.tsx';
import { UserRow } from './UserRow.tsx';
import { createUsersModel } from './users-model.ts';

export function UsersScreen() {
  const model = useMemo(() => createUsersModel(), []);
  useEffect(() => {
    void model.load();
  }, [model]);
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{t('users')}</h2>
      <CreateUserForm model={model} />
      <ErrorText error={model.error.value} />
      {model.loading.value && model.users.value.length === 0 ? (
        <p class="muted" role="status">
          {t('loading')}
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('name')}</th>
              <th>{t('email')}</th>
              <th>{t('role')}</th>
              <th>{t('status')}</th>
              <th>{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {model.users.value.map((u) => (
              <UserRow key={u.id} user={u} model={model} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
