import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSecretKey, SECRET_KEY_FILE } from './secret-key.ts';

/** RFC 5869 HKDF-SHA256 with an empty salt and one output block, written out independently. */
function hkdf(secret: Buffer): Buffer {
  const prk = createHmac('sha256', Buffer.alloc(32)).update(secret).digest();
  return createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from('pagedesk token encryption'), Buffer.from([1])]))
    .digest();
}

let dataDir: string;
beforeEach(() => {
  dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pagedesk-key-')), 'data');
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

const keyFile = () => path.join(dataDir, SECRET_KEY_FILE);
const SECRET = Buffer.alloc(32, 0xab);

describe('loadSecretKey from configuration', () => {
  it('derives the key with HKDF-SHA256 and leaves DATA_DIR alone', () => {
    const { key, source } = loadSecretKey({ secretKey: SECRET.toString('base64url'), dataDir });
    expect(source).toBe('config');
    expect(key).toEqual(hkdf(SECRET));
    expect(key).not.toEqual(SECRET);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('reads base64 and base64url alike', () => {
    const bytes = Buffer.from(Array.from({ length: 48 }, (_, i) => 250 - i)); // yields + and / in base64
    expect(bytes.toString('base64')).toMatch(/[+/]/);
    const a = loadSecretKey({ secretKey: bytes.toString('base64'), dataDir }).key;
    const b = loadSecretKey({ secretKey: bytes.toString('base64url'), dataDir }).key;
    expect(a).toEqual(b);
    expect(a).toEqual(hkdf(bytes));
  });

  it('refuses a secret shorter than 32 bytes or not in base64', () => {
    expect(() => loadSecretKey({ secretKey: randomBytes(31).toString('base64url'), dataDir })).toThrow(
      /SECRET_KEY must be at least 32 random bytes/,
    );
    expect(() => loadSecretKey({ secretKey: `${'x'.repeat(50)}!`, dataDir })).toThrow(/SECRET_KEY/);
  });
});

describe('loadSecretKey from DATA_DIR', () => {
  it('generates a key file with mode 600 on first start, creating the directory', () => {
    const first = loadSecretKey({ dataDir });
    expect(first.source).toBe('generated');
    expect(first.key).toHaveLength(32);
    expect(fs.statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(keyFile(), 'utf8')).toMatch(/^[A-Za-z0-9_-]{43}\n$/);
    expect(fs.readdirSync(dataDir)).toEqual([SECRET_KEY_FILE]); // no temporary file left behind
  });

  it('reads the same key back on the next start', () => {
    const first = loadSecretKey({ dataDir });
    const second = loadSecretKey({ dataDir });
    expect(second).toEqual({ key: first.key, source: 'file' });
  });

  it('stores a secret that works unchanged as SECRET_KEY', () => {
    const generated = loadSecretKey({ dataDir, randomBytes: () => SECRET });
    expect(generated.key).toEqual(hkdf(SECRET));
    const moved = loadSecretKey({
      secretKey: fs.readFileSync(keyFile(), 'utf8').trim(),
      dataDir: '/nonexistent',
    });
    expect(moved.key).toEqual(generated.key);
  });

  it('uses the key of a process that created the file first', () => {
    const theirs = Buffer.alloc(32, 0x11);
    const result = loadSecretKey({
      dataDir,
      randomBytes: (size) => {
        // Another instance wins the race between our existence check and our write.
        fs.mkdirSync(dataDir, { recursive: true });
        fs.writeFileSync(keyFile(), `${theirs.toString('base64url')}\n`, { mode: 0o600 });
        return Buffer.alloc(size, 0x22);
      },
    });
    expect(result).toEqual({ key: hkdf(theirs), source: 'file' });
    expect(fs.readdirSync(dataDir)).toEqual([SECRET_KEY_FILE]);
  });

  it('falls back to an exclusive write where hard links are not supported', () => {
    const link = vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    });
    const result = loadSecretKey({ dataDir, randomBytes: () => SECRET });
    expect(link).toHaveBeenCalledOnce();
    expect(result).toEqual({ key: hkdf(SECRET), source: 'generated' });
    expect(fs.statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dataDir)).toEqual([SECRET_KEY_FILE]);
  });

  it('refuses a key file that other users can read, and says how to fix it', () => {
    loadSecretKey({ dataDir });
    fs.chmodSync(keyFile(), 0o644);
    expect(() => loadSecretKey({ dataDir })).toThrow(/mode 644\)\. Run: chmod 600 ".*secret\.key"/);
    fs.chmodSync(keyFile(), 0o600);
    expect(loadSecretKey({ dataDir }).source).toBe('file');
  });

  it('refuses a damaged key file instead of replacing it', () => {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(keyFile(), 'too-short\n', { mode: 0o600 });
    expect(() => loadSecretKey({ dataDir })).toThrow(/is damaged.*Restore it from a backup/);
    expect(fs.readFileSync(keyFile(), 'utf8')).toBe('too-short\n');
  });
});
