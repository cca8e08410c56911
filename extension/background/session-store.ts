import browser from 'webextension-polyfill';
import type { User } from '../../shared/api/users.ts';

export const DEFAULT_BACKEND_URL = 'http://127.0.0.1:8787';

export interface StoredSession {
  backendUrl: string;
  token: string | null;
  user: User | null;
}

const KEY = 'session';

/** The session lives in extension storage (never in a page), so only extension contexts can read it. */
export async function readSession(): Promise<StoredSession> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<StoredSession> | undefined;
  return {
    backendUrl: stored?.backendUrl ?? DEFAULT_BACKEND_URL,
    token: stored?.token ?? null,
    user: stored?.user ?? null,
  };
}

export async function writeSession(session: StoredSession): Promise<void> {
  await browser.storage.local.set({ [KEY]: session });
}
