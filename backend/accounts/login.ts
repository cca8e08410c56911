import { and, eq, gt, lt } from 'drizzle-orm';
import type { LoginRequest } from '../../shared/api/auth.ts';
import type { Database } from '../store/database.ts';
import { loginFailures, type UserRow, users } from '../store/schema.ts';
import { decoyHash, verifyPassword } from './password.ts';
import { createSession } from './sessions.ts';

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const LOGIN_MAX_FAILURES = 10;

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; user: UserRow }
  | { ok: false; code: 'INVALID_CREDENTIALS' | 'RATE_LIMITED' };

/**
 * Checks the password and opens a session. Unknown email, wrong password and inactive account all
 * give the same answer in about the same time, so a caller learns nothing about which emails exist.
 */
export async function login(
  db: Database,
  input: LoginRequest,
  now: Date,
  sessionTtlMs: number,
): Promise<LoginResult> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const failures = await db
    .select({ id: loginFailures.id })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, input.email), gt(loginFailures.at, since)))
    .limit(LOGIN_MAX_FAILURES);
  if (failures.length >= LOGIN_MAX_FAILURES) return { ok: false, code: 'RATE_LIMITED' };

  const [user] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !valid || !user.active) {
    await db.insert(loginFailures).values({ email: input.email, at: now });
    await db.delete(loginFailures).where(lt(loginFailures.at, since));
    return { ok: false, code: 'INVALID_CREDENTIALS' };
  }
  await db.delete(loginFailures).where(eq(loginFailures.email, input.email));
  const session = await createSession(db, user.id, now, sessionTtlMs);
  return { ok: true, ...session, user };
}
