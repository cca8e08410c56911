import { useState } from 'preact/hooks';
import { ROLES, type Role } from '../../shared/api/users.ts';
import type { RuntimeError } from '../../shared/runtime-messages.ts';
import { ErrorText } from '../ui/ErrorText.tsx';
import { t } from '../ui/i18n.ts';
import type { UsersModel } from './users-model.ts';

export function CreateUserForm({ model }: { model: UsersModel }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<RuntimeError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) => error?.fields?.find((f) => f.path === `body.${field}`)?.message;

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const err = await model.create({ email, name, role, password });
    setBusy(false);
    setError(err);
    if (!err) {
      setEmail('');
      setName('');
      setPassword('');
    }
  };
  return (
    <form class="card stack" onSubmit={onSubmit} aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t('createUser')}</h2>
      <div class="row">
        <label>
          {t('name')}
          <input name="name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
          {fieldError('name') && <span class="error">{fieldError('name')}</span>}
        </label>
        <label>
          {t('email')}
          <input
            name="email"
            type="email"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          {fieldError('email') && <span class="error">{fieldError('email')}</span>}
        </label>
        <label>
          {t('role')}
          <select name="role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role_${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('initialPassword')}
          <input
            name="password"
            type="password"
            autocomplete="new-password"
            required
            minLength={10}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          {fieldError('password') && <span class="error">{fieldError('password')}</span>}
        </label>
        <button type="submit" disabled={busy}>
          {t('create')}
        </button>
      </div>
      {error && !error.fields?.length && <ErrorText error={error} />}
      {!error && model.notice.value && (
        <p class="success" role="status">
          {t('userCreated', model.notice.value)}
        </p>
      )}
    </form>
  );
}
