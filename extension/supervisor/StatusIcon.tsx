import type { BoardAgentStatus } from '../../shared/api/supervisor.ts';

/** The status as a shape and a colour (the status column says it in words). */
export function StatusIcon({ status }: { status: BoardAgentStatus }) {
  return (
    <svg class={`board-status-icon ${status}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      {status === 'break' ? (
        // The break indicator: a pause sign.
        <>
          <rect x="3" y="2" width="3.5" height="12" rx="1" fill="currentColor" />
          <rect x="9.5" y="2" width="3.5" height="12" rx="1" fill="currentColor" />
        </>
      ) : status === 'offline' ? (
        <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
      ) : (
        <circle cx="8" cy="8" r="6" fill="currentColor" />
      )}
    </svg>
  );
}
