import { t } from './i18n.ts';
import type { SessionModel } from './session-model.ts';

/** Who is logged in, with their role, and a log-out button. */
export function WhoAmI({ session }: { session: SessionModel }) {
  const user = session.state.value?.user;
  if (!user) return null;
  return (
    <div class="whoami">
      <span>
        <strong class="user-text" data-testid="current-user-name">
          {user.name}
        </strong>{' '}
        <span class="muted">({t(`role_${user.role}`)})</span>
      </span>
      <button type="button" class="secondary" onClick={() => session.logout()} disabled={session.busy.value}>
        {t('logOut')}
      </button>
    </div>
  );
}
