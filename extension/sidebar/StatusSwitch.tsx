import { useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import type { InboxModel } from './inbox-model.ts';

/** Available, or on a break with a reason; a supervisor's pause shows here too. */
export function StatusSwitch({ inbox }: { inbox: InboxModel }) {
  const [reason, setReason] = useState('');
  const presence = inbox.presence.value;
  const onBreak = presence?.status === 'break';
  return (
    <div class="status-switch" data-testid="agent-status" data-status={presence?.status ?? 'offline'}>
      <span class={`status-dot ${presence?.status ?? 'offline'}`} aria-hidden="true" />
      <span>
        {t(`status_${presence?.status ?? 'offline'}`)}
        {onBreak && presence?.breakReason ? (
          <>
            {' — '}
            <span class="user-text">{presence.breakReason}</span>
          </>
        ) : null}
      </span>
      {onBreak ? (
        <button type="button" onClick={() => inbox.setAvailable()}>
          {t('becomeAvailable')}
        </button>
      ) : (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            void inbox.setBreak(reason.trim() || t('breakDefaultReason'));
            setReason('');
          }}
        >
          <label class="sr-only" for="break-reason">
            {t('breakReason')}
          </label>
          <input
            id="break-reason"
            placeholder={t('breakReason')}
            value={reason}
            maxLength={100}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <button type="submit" class="secondary">
            {t('takeBreak')}
          </button>
        </form>
      )}
    </div>
  );
}
