import { createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenCipher, TokenCipherError } from './token-cipher.ts';

const KEY = Buffer.alloc(32, 7);
const TOKEN = 'page-access-token-for-tests';

describe('createTokenCipher', () => {
  it('round-trips a token, unicode included', () => {
    const cipher = createTokenCipher(KEY);
    expect(cipher.decrypt(cipher.encrypt(TOKEN))).toBe(TOKEN);
    expect(cipher.decrypt(cipher.encrypt('páge ✓'))).toBe('páge ✓');
  });

  it('writes v1.<iv>.<tag>.<ciphertext> in base64url, readable by plain AES-256-GCM', () => {
    const sealed = createTokenCipher(KEY).encrypt(TOKEN);
    const [version, iv, tag, ciphertext] = sealed.split('.');
    expect(version).toBe('v1');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    // Decrypt independently, so the format is what it claims to be.
    const decipher = createDecipheriv('aes-256-gcm', KEY, Buffer.from(iv!, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext!, 'base64url')), decipher.final()]);
    expect(plain.toString('utf8')).toBe(TOKEN);
  });

  it('uses a fresh IV every time, so equal tokens never look equal', () => {
    const cipher = createTokenCipher(KEY);
    const sealed = new Set(Array.from({ length: 50 }, () => cipher.encrypt(TOKEN)));
    expect(sealed.size).toBe(50);
    const ivs = new Set([...sealed].map((s) => s.split('.')[1]));
    expect(ivs.size).toBe(50);
  });

  it('refuses a value sealed under another key', () => {
    const sealed = createTokenCipher(KEY).encrypt(TOKEN);
    expect(() => createTokenCipher(randomBytes(32)).decrypt(sealed)).toThrow(TokenCipherError);
    expect(() => createTokenCipher(randomBytes(32)).decrypt(sealed)).toThrow(/secret key changed/);
  });

  it('detects any altered part', () => {
    const cipher = createTokenCipher(KEY);
    const sealed = cipher.encrypt(TOKEN);
    const [version, iv, tag, ciphertext] = sealed.split('.') as [string, string, string, string];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64url');
      bytes[0]! ^= 1;
      return bytes.toString('base64url');
    };
    for (const altered of [
      [version, flip(iv), tag, ciphertext],
      [version, iv, flip(tag), ciphertext],
      [version, iv, tag, flip(ciphertext)],
    ]) {
      expect(() => cipher.decrypt(altered.join('.'))).toThrow(TokenCipherError);
    }
  });

  it('refuses a truncated tag instead of checking fewer bytes', () => {
    const cipher = createTokenCipher(KEY);
    const [version, iv, tag, ciphertext] = cipher.encrypt(TOKEN).split('.') as [
      string,
      string,
      string,
      string,
    ];
    const short = Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url');
    expect(() => cipher.decrypt([version, iv, short, ciphertext].join('.'))).toThrow(/malformed/);
  });

  it('refuses values that are not in the sealed format', () => {
    const cipher = createTokenCipher(KEY);
    for (const bad of ['', TOKEN, 'v2.a.b.c', 'v1.a.b', 'v1.!!!.b.c', `${cipher.encrypt(TOKEN)}.extra`]) {
      expect(() => cipher.decrypt(bad)).toThrow(TokenCipherError);
    }
  });

  it('binds a value to its context through AAD', () => {
    const cipher = createTokenCipher(KEY);
    const sealed = cipher.encrypt(TOKEN, 'page:10000000000000001');
    expect(cipher.decrypt(sealed, 'page:10000000000000001')).toBe(TOKEN);
    expect(() => cipher.decrypt(sealed, 'page:10000000000000002')).toThrow(TokenCipherError);
    expect(() => cipher.decrypt(sealed)).toThrow(TokenCipherError);
    expect(() => cipher.decrypt(cipher.encrypt(TOKEN), 'page:10000000000000001')).toThrow(TokenCipherError);
  });

  it('demands a 32-byte key', () => {
    expect(() => createTokenCipher(Buffer.alloc(16))).toThrow(/32 bytes/);
  });

  it('keeps working when the caller wipes its key buffer', () => {
    const key = Buffer.from(KEY);
    const cipher = createTokenCipher(key);
    const sealed = cipher.encrypt(TOKEN);
    key.fill(0);
    expect(cipher.decrypt(sealed)).toBe(TOKEN);
  });
});
