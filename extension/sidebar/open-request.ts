import browser from 'webextension-polyfill';

/** Set by the background when the agent clicks a notification: `{ id, at }` (at in ms or ISO). */
export const OPEN_INTERACTION_KEY = 'pagedesk.openInteraction';
/** An older request is from another moment (a sidebar that was closed): it opens nothing. */
export const OPEN_REQUEST_FRESH_MS = 2 * 60_000;

type Storage = Pick<typeof browser.storage, 'local' | 'onChanged'>;
// Not named `storage` below: WXT's build then adds its own storage module to the page (about 16 kB).

function freshId(value: unknown, now: number): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, at } = value as { id?: unknown; at?: unknown };
  const when = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : Number.NaN;
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id) || !Number.isFinite(when)) return null;
  const age = now - when;
  return age >= -5_000 && age < OPEN_REQUEST_FRESH_MS ? id : null;
}

/**
 * Opens the interaction a notification asked for: on start and whenever the key changes. The key is
 * removed once read, so a later sidebar does not open it again.
 */
export function watchOpenRequests(
  onOpen: (id: string) => void,
  signal: AbortSignal,
  store: Storage = browser.storage,
): void {
  const consume = async () => {
    const value = (await store.local.get(OPEN_INTERACTION_KEY))[OPEN_INTERACTION_KEY];
    if (value === undefined || signal.aborted) return;
    await store.local.remove(OPEN_INTERACTION_KEY);
    const id = freshId(value, Date.now());
    if (id) onOpen(id);
  };
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[OPEN_INTERACTION_KEY]?.newValue !== undefined) void consume();
  };
  store.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => store.onChanged.removeListener(onChanged), { once: true });
  void consume();
}
