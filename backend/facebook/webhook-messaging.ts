import { normalizeAttachments } from './webhook-attachments.ts';
import type {
  IgnoredEvent,
  MessageDeliveredEvent,
  MessageEchoEvent,
  MessageReadEvent,
  MessageReceivedEvent,
  PostbackReceivedEvent,
  WebhookEvent,
} from './webhook-events.ts';
import {
  asRecord,
  at,
  dedupeKey,
  definedOnly,
  describe,
  isAbsent,
  type JsonRecord,
  own,
  quote,
  readArray,
  readId,
  readNestedId,
  readString,
  readTime,
  type Site,
  toId,
} from './webhook-fields.ts';

/**
 * One Messenger event (`entry[].messaging[]` or `entry[].standby[]`) as a normalized event. Pure.
 * Shapes: FACEBOOK-PLATFORM.md §2.2. `sender` is the person and `recipient` the Page, except on echoes
 * where the Page is the sender. Times are epoch milliseconds.
 */

export interface MessagingSite extends Site {
  pageId: string;
  /** `entry.time` in epoch ms: the fallback for an event without `timestamp`. */
  entryTime: number | undefined;
  /** The event came in `standby[]`: another app owns the thread. */
  standby: boolean;
}

/** Event keys we knowingly skip, with the webhook field that subscribes to them. */
const IGNORED_KEYS: readonly (readonly [key: string, field: string])[] = [
  ['reaction', 'message_reactions'],
  ['message_edit', 'message_edits'],
  ['optin', 'messaging_optins'],
  ['referral', 'messaging_referrals'],
  ['account_linking', 'messaging_account_linking'],
  ['pass_thread_control', 'messaging_handovers'],
  ['take_thread_control', 'messaging_handovers'],
  ['request_thread_control', 'messaging_handovers'],
  ['app_roles', 'messaging_handovers'],
  ['policy-enforcement', 'messaging_policy_enforcement'],
  ['policy_enforcement', 'messaging_policy_enforcement'],
  ['game_play', 'messaging_game_plays'],
  ['payment', 'messaging_payments'],
  ['checkout_update', 'messaging_checkout_updates'],
  ['pre_checkout', 'messaging_pre_checkouts'],
];

/** Keys every Messenger event has, left out when describing an unrecognised one. */
const ENVELOPE_KEYS = new Set(['sender', 'recipient', 'timestamp']);

export function normalizeMessagingEvent(raw: unknown, site: MessagingSite): WebhookEvent | undefined {
  const event = asRecord(raw);
  if (!event) {
    site.report(site.path, `expected an object, got ${describe(raw)}`);
    return undefined;
  }
  // Dispatch on presence, not value: a `message: null` is a malformed message, not an unknown event.
  if (Object.hasOwn(event, 'message')) return message(event, site);
  if (Object.hasOwn(event, 'postback')) return postback(event, site);
  if (Object.hasOwn(event, 'read')) return read(event, site);
  if (Object.hasOwn(event, 'delivery')) return delivery(event, site);
  for (const [key, field] of IGNORED_KEYS) {
    if (Object.hasOwn(event, key)) return ignored(site, field, `${quote(key)} events are not handled`);
  }
  const keys = Object.keys(event).filter((key) => !ENVELOPE_KEYS.has(key));
  const listed = keys.slice(0, 5).map((key) => quote(key, 40));
  const more = keys.length > 5 ? ` and ${keys.length - 5} more` : '';
  return ignored(site, 'messaging', `unrecognised event (keys: ${listed.join(', ') || 'none'}${more})`);
}

function message(event: JsonRecord, site: MessagingSite): WebhookEvent | undefined {
  const messageSite = at(site, 'message');
  const value = own(event, 'message');
  const body = asRecord(value);
  if (!body) {
    site.report(messageSite.path, `expected an object, got ${describe(value)}`);
    return undefined;
  }
  // The sender unsent the message. Retractions are not modelled yet; skipping beats storing an empty
  // message, and the ignored line keeps the gap visible.
  if (own(body, 'is_deleted') === true) return ignored(site, 'messages', 'message deleted by its sender');

  const isEcho = own(body, 'is_echo') === true;
  // On an echo the Page is the sender and the person is the recipient.
  const psid = readNestedId(event, isEcho ? 'recipient' : 'sender', 'id', site, true);
  const mid = readId(body, 'mid', messageSite, true);
  const timestamp = readTimestamp(event, site);
  if (psid === undefined || mid === undefined || timestamp === undefined) return undefined;

  const text = readString(body, 'text', messageSite);
  const attachments = normalizeAttachments(body, messageSite);
  // Content the Platform cannot deliver to apps: keep a visible placeholder, not an empty bubble, so
  // the agent knows the person sent something and can look in the Page inbox.
  if (own(body, 'is_unsupported') === true) attachments.push({ type: 'unknown', rawType: 'unsupported' });
  const { pageId, standby } = site;

  if (isEcho) {
    const echo: MessageEchoEvent = {
      kind: 'message.echo',
      pageId,
      dedupeKey: dedupeKey('message.echo', pageId, mid),
      standby,
      psid,
      mid,
      // A JSON number in Meta's own example; ours vs. someone else's is decided by comparing it.
      ...definedOnly({
        appId: readId(body, 'app_id', messageSite, false),
        metadata: readString(body, 'metadata', messageSite),
        text,
      }),
      attachments,
      timestamp,
    };
    return echo;
  }

  const received: MessageReceivedEvent = {
    kind: 'message.received',
    pageId,
    dedupeKey: dedupeKey('message.received', pageId, mid),
    standby,
    psid,
    mid,
    ...definedOnly({
      text,
      quickReplyPayload: readQuickReplyPayload(body, messageSite),
      replyToMid: readNestedId(body, 'reply_to', 'mid', messageSite, false),
    }),
    attachments,
    timestamp,
  };
  return received;
}

function readQuickReplyPayload(body: JsonRecord, site: Site): string | undefined {
  const value = own(body, 'quick_reply');
  if (isAbsent(value)) return undefined;
  const record = asRecord(value);
  if (record) return readString(record, 'payload', at(site, 'quick_reply'));
  site.report(at(site, 'quick_reply').path, `expected an object, got ${describe(value)}`);
  return undefined;
}

function postback(event: JsonRecord, site: MessagingSite): WebhookEvent | undefined {
  const postbackSite = at(site, 'postback');
  const value = own(event, 'postback');
  const body = asRecord(value);
  if (!body) {
    site.report(postbackSite.path, `expected an object, got ${describe(value)}`);
    return undefined;
  }
  const psid = readNestedId(event, 'sender', 'id', site, true);
  const timestamp = readTimestamp(event, site);
  if (psid === undefined || timestamp === undefined) return undefined;
  const mid = readId(body, 'mid', postbackSite, false);
  const payload = readString(body, 'payload', postbackSite);
  const { pageId, standby } = site;
  const result: PostbackReceivedEvent = {
    kind: 'postback.received',
    pageId,
    // Before v11.0 postbacks had no mid; the tap is then identified by who, when and which button.
    dedupeKey:
      mid !== undefined
        ? dedupeKey('postback.received', pageId, mid)
        : dedupeKey('postback.received', pageId, psid, timestamp, payload),
    standby,
    psid,
    ...definedOnly({ mid, title: readString(body, 'title', postbackSite), payload }),
    timestamp,
  };
  return result;
}

function read(event: JsonRecord, site: MessagingSite): WebhookEvent | undefined {
  const body = requireBody(event, 'read', site);
  const psid = readNestedId(event, 'sender', 'id', site, true);
  const watermark = body && readWatermark(body, at(site, 'read'));
  if (psid === undefined || watermark === undefined) return undefined;
  const { pageId, standby } = site;
  const result: MessageReadEvent = {
    kind: 'message.read',
    pageId,
    // The watermark says everything up to it is read, so the same watermark is the same fact.
    dedupeKey: dedupeKey('message.read', pageId, psid, watermark),
    standby,
    psid,
    watermark,
  };
  return result;
}

function delivery(event: JsonRecord, site: MessagingSite): WebhookEvent | undefined {
  const deliverySite = at(site, 'delivery');
  const body = requireBody(event, 'delivery', site);
  const psid = readNestedId(event, 'sender', 'id', site, true);
  const watermark = body && readWatermark(body, deliverySite);
  if (body === undefined || psid === undefined || watermark === undefined) return undefined;
  const mids: string[] = [];
  const list = readArray(body, 'mids', deliverySite);
  for (let i = 0; i < list.length; i++) {
    const mid = toId(list[i]);
    if (mid !== undefined) mids.push(mid);
    else deliverySite.report(`${deliverySite.path}.mids[${i}]`, `expected a mid, got ${describe(list[i])}`);
  }
  const { pageId, standby } = site;
  const result: MessageDeliveredEvent = {
    kind: 'message.delivered',
    pageId,
    dedupeKey: dedupeKey('message.delivered', pageId, psid, watermark),
    standby,
    psid,
    mids,
    watermark,
  };
  return result;
}

function requireBody(event: JsonRecord, key: string, site: Site): JsonRecord | undefined {
  const value = own(event, key);
  const body = asRecord(value);
  if (!body) site.report(at(site, key).path, `expected an object, got ${describe(value)}`);
  return body;
}

function readWatermark(body: JsonRecord, site: Site): number | undefined {
  const watermark = readTime(body, 'watermark', 'ms', site);
  if (watermark === undefined && isAbsent(own(body, 'watermark'))) {
    site.report(at(site, 'watermark').path, 'missing');
  }
  return watermark;
}

/** `timestamp`, else `entry.time`: Meta omits the timestamp on some events (deliveries). */
function readTimestamp(event: JsonRecord, site: MessagingSite): number | undefined {
  const timestamp = readTime(event, 'timestamp', 'ms', site) ?? site.entryTime;
  if (timestamp === undefined) site.report(site.path, 'skipped: no usable timestamp or entry.time');
  return timestamp;
}

function ignored(site: MessagingSite, field: string, reason: string): IgnoredEvent {
  return { kind: 'ignored', pageId: site.pageId, field, reason, standby: site.standby };
}
