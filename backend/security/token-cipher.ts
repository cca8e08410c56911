import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Seals Page and user access tokens before they reach the database, so a leaked dump or backup
 * does not hand out the keys to a company's Facebook Page. AES-256-GCM: confidentiality and
 * tamper detection in one; a fresh random 12-byte IV per value (GCM must never reuse an IV under
 * one key, and random 96-bit IVs are safe for far more tokens than we will ever store).
 *
 * Format: `v1.<iv>.<tag>.<ciphertext>`, each base64url. The version lets a later key or algorithm
 * coexist with old rows.
 *
 * `aad` binds a value to its context (e.g. the Page id): a token copied onto another Page's row
 * will not decrypt there. Give the same `aad` to decrypt that was given to encrypt.
 */
export interface TokenCipher {
  encrypt(plain: string, aad?: string): string;
  decrypt(sealed: string, aad?: string): string;
}

/** Decryption failed: wrong key, wrong context, or an altered value. Never says which, on purpose. */
export class TokenCipherError extends Error {
  override readonly name = 'TokenCipherError';
}

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function createTokenCipher(key: Buffer): TokenCipher {
  if (key.length !== KEY_BYTES) {
    throw new TypeError(`the token encryption key must be ${KEY_BYTES} bytes, got ${key.length}`);
  }
  const secretKey = Buffer.from(key); // a private copy: the caller's buffer may be reused or wiped

  return {
    encrypt(plain, aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, secretKey, iv, { authTagLength: TAG_BYTES });
      if (aad !== undefined) cipher.setAAD(Buffer.from(aad, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const fields = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
      return [VERSION, ...fields].join('.');
    },

    decrypt(sealed, aad) {
      const parts = sealed.split('.');
      const [version, iv, tag, ciphertext] = parts;
      if (parts.length !== 4 || version !== VERSION) {
        throw new TokenCipherError(
          `not a sealed token (expected the ${VERSION}.<iv>.<tag>.<ciphertext> format)`,
        );
      }
      const ivBytes = decode(iv!);
      const tagBytes = decode(tag!);
      const ciphertextBytes = decode(ciphertext!);
      if (ivBytes?.length !== IV_BYTES || tagBytes?.length !== TAG_BYTES || ciphertextBytes === undefined) {
        throw new TokenCipherError('not a sealed token (malformed IV, tag or ciphertext)');
      }
      // authTagLength pins the tag to 16 bytes: Node would otherwise accept a truncated tag.
      const decipher = createDecipheriv(ALGORITHM, secretKey, ivBytes, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tagBytes);
      if (aad !== undefined) decipher.setAAD(Buffer.from(aad, 'utf8'));
      try {
        return Buffer.concat([decipher.update(ciphertextBytes), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new TokenCipherError(
          'could not decrypt the token: the secret key changed, the context (aad) differs, or the value was altered',
          { cause },
        );
      }
    },
  };
}

/** Strict base64url: Node's decoder would silently skip stray characters. */
function decode(text: string): Buffer | undefined {
  return BASE64URL.test(text) ? Buffer.from(text, 'base64url') : undefined;
}
