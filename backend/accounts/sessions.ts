import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { sessions, type UserRow, users } from '../store/schema.ts';
import { SessionCache } from './session-cache.ts';

const caches = new WeakMap<Database, SessionCache>();
function cacheOf(db: Database): SessionCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new SessionCache();
    caches.set(db, cache);
  }
  return cache;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a session: the random token goes to the client once; only its hash is stored. */
export async function createSession(db: Database, userId: string, now: Date, ttlMs: number) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** The active user behind a token, or null when the token is unknown, expired or the user inactive. */
export async function resolveSession(db: Database, token: string, now: Date): Promise<UserRow | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const hash = hashToken(token);
  const cache = cacheOf(db);
  const cached = cache.get(hash, now.getTime());
  if (cached) return cached;
  const rows = await db
    .select({ user: users, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, now), eq(users.active, true)))
    .limit(1);
  const found = rows[0];
  if (!found) return null;
  cache.put(hash, found.user, found.expiresAt, now.getTime());
  return found.user;
}

export async function endSession(db: Database, token: string): Promise<void> {
  cacheOf(db).forgetToken(hashToken(token));
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function endAllSessions(db: Database, userId: string): Promise<void> {
  forgetUserSessions(db, userId);
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** A user's role, name or state changed: their cached sessions are read again on next use. */
export function forgetUserSessions(db: Database, userId: string): void {
  cacheOf(db).forgetUser(userId);
}
