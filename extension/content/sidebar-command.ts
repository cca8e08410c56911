/** What the background asks a facebook.com tab's content script to do with the sidebar. */
export interface SidebarCommand {
  type: 'pagedesk.sidebar';
  action: 'open' | 'toggle';
}

export function isSidebarCommand(value: unknown): value is SidebarCommand {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SidebarCommand>;
  return v.type === 'pagedesk.sidebar' && (v.action === 'open' || v.action === 'toggle');
}

/**
 * storage.local key holding the interaction the sidebar should open next (a notification was
 * clicked). The background writes it; the sidebar reads and removes it. storage.local rather than
 * storage.session: content scripts (which check it when a new facebook.com tab starts) cannot read
 * the session area in Chrome.
 */
export const OPEN_INTERACTION_KEY = 'pagedesk.openInteraction';

export interface OpenInteractionRequest {
  id: string;
  /** When it was asked (ms since the epoch): an old request is not acted on. */
  at: number;
}

const FRESH_MS = 60_000;

/** A request made in the last minute, which a facebook.com tab that just started should honour. */
export function isFreshOpenRequest(value: unknown, now: number): value is OpenInteractionRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<OpenInteractionRequest>;
  return typeof v.id === 'string' && typeof v.at === 'number' && now - v.at >= 0 && now - v.at < FRESH_MS;
}
