import type { MessengerWindow } from '../../shared/api/interactions.ts';

/** "2 d 4 h", "3 h 12 min", "12 min", "< 1 min": time left, as precise as it is useful. */
export function formatRemaining(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return '< 1 min';
  const days = Math.floor(minutes / 1_440);
  const hours = Math.floor((minutes % 1_440) / 60);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  const mins = minutes % 60;
  if (hours > 0) return `${hours} h ${mins} min`;
  return `${mins} min`;
}

/** The composer's view of the Messenger window at `now`: a catalog key and its substitutions. */
export type WindowState =
  | { open: true; key: 'windowClosesIn' | 'windowHumanAgentLeft'; subs: string[]; urgent: boolean }
  | { open: false; key: 'windowClosed' | 'windowClosedBecause'; subs: string[] };

/** Under an hour left: the countdown says so louder. */
const URGENT_MS = 60 * 60_000;

export function windowState(window: MessengerWindow, now: number): WindowState {
  if (window.state === 'closed')
    return window.reason
      ? { open: false, key: 'windowClosedBecause', subs: [window.reason] }
      : { open: false, key: 'windowClosed', subs: [] };
  const left = Date.parse(window.closesAt) - now;
  // The backend closes it too (the interaction expires), but the clock may get there first.
  if (!(left > 0)) return { open: false, key: 'windowClosed', subs: [] };
  return window.tag === 'HUMAN_AGENT'
    ? { open: true, key: 'windowHumanAgentLeft', subs: [formatRemaining(left)], urgent: left < URGENT_MS }
    : {
        open: true,
        key: 'windowClosesIn',
        subs: [formatRemaining(left), window.tag],
        urgent: left < URGENT_MS,
      };
}
