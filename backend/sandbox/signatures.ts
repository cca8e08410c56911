import { createHmac, timingSafeEqual } from 'node:crypto';

/** `appsecret_proof` = hex(HMAC-SHA256(key = app secret, message = access token)) (FACEBOOK-PLATFORM.md §4.3). */
export function appsecretProof(appSecret: string, accessToken: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

/** `X-Hub-Signature-256` over the exact body bytes, keyed with the app secret (§1.3). */
export function hubSignature256(appSecret: string, body: Uint8Array): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** The older `X-Hub-Signature` (SHA-1) that Meta still sends beside the SHA-256 one (§1.3). */
export function hubSignatureSha1(appSecret: string, body: Uint8Array): string {
  return `sha1=${createHmac('sha1', appSecret).update(body).digest('hex')}`;
}

/** Constant-time comparison of two strings (proofs, secrets). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
