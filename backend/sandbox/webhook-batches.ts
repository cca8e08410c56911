import { unixSeconds } from './clock.ts';

/** One update waiting to be delivered: a `feed` change or a Messenger event for one Page. */
export interface WebhookEvent {
  pageId: string;
  /** The subscribed field it belongs to (feed, messages, message_echoes, …). */
  field: string;
  kind: 'changes' | 'messaging';
  payload: unknown;
}

/**
 * The body of one delivery: `{"object":"page","entry":[…]}` with one entry per Page and kind, in
 * the order the first event of each arrived, so a request may mix Pages (messenger-batch-two-pages)
 * and a Page's changes share one entry. Entry `time` is seconds for feed, milliseconds for
 * Messenger, as Meta sends them (FACEBOOK-PLATFORM.md §1.2).
 */
export function webhookBody(events: readonly WebhookEvent[], now: number) {
  const entries = new Map<string, { id: string; time: number; changes?: unknown[]; messaging?: unknown[] }>();
  for (const event of events) {
    const key = `${event.kind}|${event.pageId}`;
    let entry = entries.get(key);
    if (!entry) {
      entry =
        event.kind === 'changes'
          ? { id: event.pageId, time: unixSeconds(now), changes: [] }
          : { id: event.pageId, time: now, messaging: [] };
      entries.set(key, entry);
    }
    if (event.kind === 'changes') entry.changes!.push({ field: event.field, value: event.payload });
    else entry.messaging!.push(event.payload);
  }
  return { object: 'page', entry: [...entries.values()] };
}
