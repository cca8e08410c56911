import { hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The key that seals access tokens at rest (token-cipher.ts). It comes from SECRET_KEY when set;
 * otherwise from `DATA_DIR/secret.key`, created on first start so `npm start` works with no setup.
 *
 * Both sources hold the same thing, a secret of at least 32 random bytes in base64 or base64url,
 * and both go through the same HKDF-SHA256 derivation. So the file's content can later be moved
 * into SECRET_KEY and every stored token still decrypts.
 *
 * A damaged or missing-after-use key is never silently replaced: a new key cannot read the tokens
 * sealed with the old one, and every Page would have to be re-activated.
 */

export const SECRET_KEY_FILE = 'secret.key';

export interface SecretKeyOptions {
  /** SECRET_KEY from configuration. */
  secretKey?: string;
  dataDir: string;
  /** Injected for tests; crypto's randomBytes otherwise. */
  randomBytes?: (size: number) => Buffer;
}

export interface SecretKey {
  key: Buffer;
  source: 'config' | 'file' | 'generated';
}

const MIN_SECRET_BYTES = 32;
const KEY_BYTES = 32;
const HKDF_INFO = 'pagedesk token encryption';
const BASE64_OR_URL = /^[A-Za-z0-9+/_-]+={0,2}$/;

export function loadSecretKey(options: SecretKeyOptions): SecretKey {
  if (options.secretKey !== undefined) {
    return { key: deriveKey(decodeSecret(options.secretKey, 'SECRET_KEY')), source: 'config' };
  }
  const file = path.join(options.dataDir, SECRET_KEY_FILE);
  if (fs.existsSync(file)) return { key: readKeyFile(file), source: 'file' };

  const secret = `${(options.randomBytes ?? randomBytes)(MIN_SECRET_BYTES).toString('base64url')}\n`;
  if (!createExclusively(file, secret)) {
    // Another process starting on the same DATA_DIR created it first: use theirs.
    return { key: readKeyFile(file), source: 'file' };
  }
  return { key: deriveKey(decodeSecret(secret.trim(), file)), source: 'generated' };
}

/** The cipher key: HKDF-SHA256 over the secret (no salt, as the secret is already random). */
function deriveKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), HKDF_INFO, KEY_BYTES));
}

function decodeSecret(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const bytes = BASE64_OR_URL.test(trimmed) ? Buffer.from(trimmed, 'base64') : undefined;
  if (!bytes || bytes.length < MIN_SECRET_BYTES) {
    throw new Error(
      `${where} must be at least ${MIN_SECRET_BYTES} random bytes in base64 or base64url` +
        ` (for example: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")`,
    );
  }
  return bytes;
}

function readKeyFile(file: string): Buffer {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new Error(`${file} must be a file holding the token encryption key`);
  // POSIX modes mean nothing on Windows, where the directory's ACL protects the file.
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
    throw new Error(
      `${file} holds the key to every stored access token but other users can access it (mode ${mode}). ` +
        `Run: chmod 600 "${file}"`,
    );
  }
  try {
    return deriveKey(decodeSecret(fs.readFileSync(file, 'utf8'), file));
  } catch (cause) {
    throw new Error(
      `${file} is damaged: it does not hold a key of at least ${MIN_SECRET_BYTES} bytes in base64. ` +
        'Restore it from a backup; a new key cannot read the tokens sealed with the old one.',
      { cause },
    );
  }
}

/**
 * Creates `file` with `content` unless it exists; false when someone else created it. The content
 * is written to a private temporary file first and then hard-linked into place, which fails if the
 * name is taken: a concurrent reader sees no file or the whole key, never half of it.
 */
function createExclusively(file: string, content: string): boolean {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${SECRET_KEY_FILE}.${randomUUID()}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.linkSync(temp, file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (!LINK_UNSUPPORTED.has(code ?? '')) throw err;
      // A filesystem without hard links: an exclusive create, written in a single call.
      return writeExclusively(file, content);
    }
    syncDirectory(dir);
    return true;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

function writeExclusively(file: string, content: string): boolean {
  try {
    fs.writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** Makes the new name durable: tokens sealed right after start must not outlive a lost key file. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported everywhere (Windows cannot open a directory); the file itself was synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
