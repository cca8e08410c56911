import { randomInt } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64URL = `${BASE62}-_`;

/** A uniform number in [0, 1) from the operating system's CSPRNG (the default random source). */
export function cryptoRandom(): number {
  return randomInt(0, 2 ** 47) / 2 ** 47; // randomInt allows a range below 2^48
}

/**
 * Makes every identifier the sandbox hands out, from one random source so that a test can seed it.
 * Shapes follow Meta: numeric ids of 15–17 digits (past 2^53, so clients must keep them as strings),
 * `EAAG…` access tokens, `m_…` message ids, short base64 `fbtrace_id`s. Numeric ids are never
 * reused within one sandbox, so an id names exactly one object.
 */
export class IdFactory {
  private readonly issued = new Set<string>();

  constructor(private readonly random: () => number) {}

  /** A fresh numeric id with `digits` digits and no leading zero. */
  numeric(digits = 15): string {
    for (;;) {
      let id = String(1 + this.int(9));
      while (id.length < digits) id += String(this.int(10));
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }

  /** Page-scoped ids (PSIDs) and app-scoped user ids are 16–17 digits in the wild. */
  personId(): string {
    return this.numeric(16 + this.int(2));
  }

  /** Access tokens: opaque, `EAAG` + base62, far longer than 100 characters like real ones. */
  accessToken(): string {
    return `EAAG${this.chars(BASE62, 180)}`;
  }

  /** OAuth authorization codes are long opaque strings, single use. */
  authCode(): string {
    return `AQ${this.chars(BASE64URL, 300)}`;
  }

  /** New-style Messenger message ids (send-api-response.json): `m_` + 86 base64url characters. */
  mid(): string {
    return `m_${this.chars(BASE64URL, 86)}`;
  }

  /** `fbtrace_id` in error bodies (graph-error-100-appsecret-proof.json has 23 characters). */
  fbtrace(): string {
    return this.chars(BASE64URL, 23);
  }

  forget(): void {
    this.issued.clear();
  }

  private int(below: number): number {
    return Math.min(below - 1, Math.floor(this.random() * below));
  }

  private chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }
}
