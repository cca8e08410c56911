import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Authenticity checks for Meta webhooks: the `X-Hub-Signature-256` header on every POST and the
 * `hub.*` verification handshake (GET) sent when the callback URL is configured.
 */

const SIGNATURE_PREFIX = 'sha256=';
// Hex is case-insensitive: Meta sends lower case, but an upper-case rendering of the same 32 bytes is
// the same MAC, so both are accepted; the comparison is on the decoded bytes.
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

function hmacSha256(rawBody: Uint8Array, appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update(rawBody).digest();
}

/**
 * The `X-Hub-Signature-256` value Meta would send for this body: `sha256=` + lower-case hex
 * HMAC-SHA256 keyed with the app secret. For tests and the sandbox that plays Meta.
 */
export function signWebhookBody(rawBody: Uint8Array, appSecret: string): string {
  // An empty key gives a MAC anyone can compute: refuse to produce one so a missing secret is loud.
  if (appSecret.length === 0) throw new TypeError('signWebhookBody: appSecret is empty');
  return SIGNATURE_PREFIX + hmacSha256(rawBody, appSecret).toString('hex');
}

/**
 * True when `header` is `sha256=<hex>` and the hex is the HMAC-SHA256 of exactly `rawBody` under
 * `appSecret`. Meta signs the bytes it sent, with non-ASCII and `/`, `<`, `%`, `@` escaped as `\uXXXX`:
 * hash the raw request bytes, never a re-serialized or decoded body. Never throws; anything missing or
 * malformed (no header, the legacy `sha1=` header, wrong length, non-hex, empty secret) is false.
 */
export function verifyWebhookSignature(
  rawBody: Uint8Array,
  header: string | undefined | null,
  appSecret: string,
): boolean {
  if (typeof header !== 'string' || !header.startsWith(SIGNATURE_PREFIX)) return false;
  // With an empty secret the expected MAC is public knowledge, so nothing can be verified.
  if (typeof appSecret !== 'string' || appSecret.length === 0) return false;
  if (!(rawBody instanceof Uint8Array)) return false;
  const hex = header.slice(SIGNATURE_PREFIX.length);
  if (!SHA256_HEX.test(hex)) return false;
  const received = Buffer.from(hex, 'hex');
  const expected = hmacSha256(rawBody, appSecret);
  // Both are 32 bytes here; the length check keeps timingSafeEqual from ever throwing.
  return received.length === expected.length && timingSafeEqual(received, expected);
}

/** The `hub.*` query parameters of Meta's verification GET, already pulled out of the URL. */
export interface HandshakeQuery {
  /** `hub.mode`: always `subscribe` from Meta. */
  mode?: string | null;
  /** `hub.verify_token`: the string typed into the App Dashboard. */
  verifyToken?: string | null;
  /** `hub.challenge`: to be echoed back as the response body. */
  challenge?: string | null;
}

export type HandshakeResult = { ok: true; challenge: string } | { ok: false };

/**
 * Meta sends digits (`1158201444`), but the docs only promise "an int" and we echo the string as
 * received; the bound stops the endpoint from reflecting arbitrary amounts of caller text.
 * The route must answer `text/plain` so the echoed value is never interpreted as markup.
 */
const MAX_CHALLENGE_LENGTH = 256;

const REFUSED: HandshakeResult = Object.freeze({ ok: false });

/**
 * Accepts Meta's subscription handshake when `mode` is `subscribe`, the verify token equals
 * `expectedToken` (compared in constant time) and a challenge of 1..256 characters is present.
 * The caller answers 200 with `challenge` as the body on success and 403 otherwise.
 */
export function verifyHandshake(query: HandshakeQuery, expectedToken: string): HandshakeResult {
  const { mode, verifyToken, challenge }: HandshakeQuery = query ?? {};
  if (mode !== 'subscribe') return REFUSED;
  // An unset token must not let an empty hub.verify_token through.
  if (typeof expectedToken !== 'string' || expectedToken.length === 0) return REFUSED;
  if (typeof verifyToken !== 'string' || !tokensEqual(verifyToken, expectedToken)) return REFUSED;
  if (typeof challenge !== 'string' || challenge.length === 0 || challenge.length > MAX_CHALLENGE_LENGTH) {
    return REFUSED;
  }
  return { ok: true, challenge };
}

/**
 * Constant-time string equality. Hashing both sides first gives equal-length buffers, so neither the
 * content nor the length of the expected token leaks through timing.
 */
function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
