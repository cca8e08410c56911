import type { AttachmentType, MessageAttachment } from './webhook-events.ts';
import {
  asRecord,
  at,
  definedOnly,
  describe,
  isAbsent,
  type JsonRecord,
  own,
  readArray,
  readId,
  readString,
  readUrl,
  type Site,
} from './webhook-fields.ts';

/**
 * The `attachments[]` of a Messenger message or echo, normalized. Pure.
 * Shapes (messages webhook reference): `{type, payload:{url}}` for media; fallback (shared links) as
 * `{type:"fallback", payload:null, title, URL}` in old payloads or with `payload{url,title}`; location
 * with `payload.coordinates{lat,long}`; stickers with `payload.sticker_id`.
 */

const KNOWN_TYPES: ReadonlySet<string> = new Set<AttachmentType>([
  'image',
  'video',
  'audio',
  'file',
  'location',
  'fallback',
  'sticker',
  'template',
  'reel',
  'ig_reel',
]);

const MAX_RAW_TYPE_LENGTH = 64;

export function normalizeAttachments(message: JsonRecord, site: Site): MessageAttachment[] {
  const list = readArray(message, 'attachments', site);
  const listSite = at(site, 'attachments');
  const out: MessageAttachment[] = [];
  for (let i = 0; i < list.length; i++) {
    const attachment = normalizeAttachment(list[i], at(listSite, i));
    if (attachment !== undefined) out.push(attachment);
  }
  // Pre-v6 payloads put the sticker id on the message, next to a plain image attachment.
  return collapseStickers(out, readId(message, 'sticker_id', site, false));
}

function normalizeAttachment(raw: unknown, site: Site): MessageAttachment | undefined {
  const record = asRecord(raw);
  if (!record) {
    site.report(site.path, `expected an object, got ${describe(raw)}`);
    return undefined;
  }
  const typeValue = own(record, 'type');
  let type: AttachmentType = 'unknown';
  let rawType: string | undefined;
  if (typeof typeValue === 'string' && KNOWN_TYPES.has(typeValue)) type = typeValue as AttachmentType;
  else if (typeof typeValue === 'string') rawType = typeValue.slice(0, MAX_RAW_TYPE_LENGTH);
  // Still kept, as `unknown`: the agent should see that something arrived, even if we cannot say what.
  else
    site.report(
      at(site, 'type').path,
      isAbsent(typeValue) ? 'missing' : `expected a string, got ${describe(typeValue)}`,
    );

  const payloadValue = own(record, 'payload');
  const payload = asRecord(payloadValue);
  // Null is normal: Meta sends `"payload": null` for fallbacks and unsupported shares.
  if (!payload && !isAbsent(payloadValue)) {
    site.report(at(site, 'payload').path, `expected an object, got ${describe(payloadValue)}`);
  }
  const payloadSite = at(site, 'payload');
  const url =
    (payload && readUrl(payload, 'url', payloadSite)) ??
    readUrl(record, 'url', site) ??
    readUrl(record, 'URL', site);
  const title =
    (payload && readString(payload, 'title', payloadSite)) || readString(record, 'title', site) || undefined;
  const stickerId = payload ? readId(payload, 'sticker_id', payloadSite, false) : undefined;
  const coordinates = payload ? readCoordinates(payload, payloadSite) : undefined;
  return { type, ...definedOnly({ url, title, stickerId, coordinates, rawType }) };
}

function readCoordinates(payload: JsonRecord, site: Site): MessageAttachment['coordinates'] {
  const value = own(payload, 'coordinates');
  if (isAbsent(value)) return undefined;
  const record = asRecord(value);
  const lat = record && own(record, 'lat');
  const long = record && own(record, 'long');
  if (isLatitude(lat) && isLongitude(long)) return { lat, long };
  site.report(at(site, 'coordinates').path, 'expected {lat, long} in degrees');
  return undefined;
}

function isLatitude(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 90;
}

function isLongitude(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 180;
}

/**
 * One sticker, one attachment. Until 2026-08-30 Meta sends every sticker twice, as the new `sticker`
 * attachment and as the legacy `image` attachment carrying `payload.sticker_id` (older payloads put
 * `sticker_id` on the message instead). Both become a single `sticker`, with the native attachment's
 * URL preferred. Parts without an id join the sticker beside them; different ids stay separate.
 */
function collapseStickers(
  list: MessageAttachment[],
  messageStickerId: string | undefined,
): MessageAttachment[] {
  const out: MessageAttachment[] = [];
  const stickers: MessageAttachment[] = [];
  for (const attachment of list) {
    const id = attachment.stickerId ?? messageStickerId;
    const isSticker = attachment.type === 'sticker' || (attachment.type === 'image' && id !== undefined);
    if (!isSticker) {
      out.push(attachment);
      continue;
    }
    const same = stickers.find((s) => id === undefined || s.stickerId === undefined || s.stickerId === id);
    if (same === undefined) {
      const sticker: MessageAttachment = {
        type: 'sticker',
        ...definedOnly({ url: attachment.url, stickerId: id }),
      };
      stickers.push(sticker);
      out.push(sticker);
      continue;
    }
    const url = attachment.type === 'sticker' ? (attachment.url ?? same.url) : (same.url ?? attachment.url);
    if (url !== undefined) same.url = url;
    const stickerId = same.stickerId ?? id;
    if (stickerId !== undefined) same.stickerId = stickerId;
  }
  return out;
}
