import { useState } from 'preact/hooks';
import { ErrorText } from './ErrorText.tsx';
import { t } from './i18n.ts';
import type { SessionModel } from './session-model.ts';

export function LoginForm({ session }: { session: SessionModel }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (await session.login(email, password)) setPassword('');
  };
  return (
    <form class="card stack" onSubmit={onSubmit} aria-labelledby="login-title">
      <h2 id="login-title">{t('loginTitle')}</h2>
      <label>
        {t('email')}
        <input
          type="email"
          name="email"
          autocomplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
      </label>
      <label>
        {t('password')}
        <input
          type="password"
          name="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </label>
      <ErrorText error={session.error.value} />
      <button type="submit" disabled={session.busy.value}>
        {session.busy.value ? t('loggingIn') : t('logIn')}
      </button>
    </form>
  );
}
