import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../backend/config.ts';
import { TEST_FB_ENV } from './test-facebook-env.ts';
import { createPostgresDatabase } from './test-store.ts';

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

/** Config for a server on a free port, on the suite's kind of database (a fresh one). */
export async function serverConfig(extra: Record<string, string> = {}) {
  const databaseUrl = await createPostgresDatabase();
  return loadConfig({
    PORT: '0',
    DATA_DIR: tempDir(),
    ...TEST_FB_ENV,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...extra,
  });
}
