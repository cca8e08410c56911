import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../backend/config.ts';
import { TEST_FB_ENV } from './test-facebook-env.ts';
import { createPostgresDatabase, seedPgliteDataDir } from './test-store.ts';

/** Cleanups registered by a test, run by the file's afterEach. */
export const cleanups: (() => Promise<void> | void)[] = [];

export async function runCleanups(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!();
}

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pagedesk-life-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Config for a server on a free port, on a fresh database of the suite's kind: a migrated copy of
 * the template, or with `empty` a database the server has to create (PGlite) and migrate itself,
 * as on a first start.
 */
export async function serverConfig(extra: Record<string, string> = {}, opts: { empty?: boolean } = {}) {
  const databaseUrl = await createPostgresDatabase(opts);
  const dataDir = tempDir();
  if (!opts.empty) seedPgliteDataDir(dataDir);
  return loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    ...TEST_FB_ENV,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...extra,
  });
}
