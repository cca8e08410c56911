import { t } from '../ui/i18n.ts';
import type { WindowState } from './messenger-window.ts';

/** The Messenger window: a countdown while open, a clear closed state when it is over. */
export function WindowNotice({ state }: { state: WindowState }) {
  return (
    <p
      class={`window-notice ${state.open ? (state.urgent ? 'urgent' : 'open') : 'closed'}`}
      data-testid="messenger-window"
      data-open={String(state.open)}
      role={state.open ? undefined : 'status'}
    >
      {t(state.key, state.subs)}
    </p>
  );
}
