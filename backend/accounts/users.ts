import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { CreateUserInput, UpdateUserInput } from '../../shared/api/users.ts';
import type { Emit } from '../realtime/emit.ts';
import type { Database } from '../store/database.ts';
import { type UserRow, users } from '../store/schema.ts';
import { hashPassword } from './password.ts';
import { endAllSessions, forgetUserSessions } from './sessions.ts';

export type UserResult =
  | { ok: true; user: UserRow }
  | { ok: false; code: 'NOT_FOUND' | 'EMAIL_TAKEN' | 'LAST_ADMIN' | 'SELF_LOCKOUT' };

export function listUsers(db: Database): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.name), asc(users.email));
}

export async function createUser(db: Database, input: CreateUserInput, now: Date): Promise<UserResult> {
  const passwordHash = await hashPassword(input.password);
  const rows = await db
    .insert(users)
    .values({
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: users.email })
    .returning();
  const user = rows[0];
  return user ? { ok: true, user } : { ok: false, code: 'EMAIL_TAKEN' };
}

/**
 * Changes a user. Deactivating or resetting the password ends every session of the user at once.
 * The last active admin can be neither demoted nor deactivated, and an admin cannot lock themself out.
 */
export async function updateUser(
  db: Database,
  actorId: string,
  id: string,
  input: UpdateUserInput,
  now: Date,
  emit: Emit,
): Promise<UserResult> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const result: UserResult = await db.transaction(async (tx) => {
    // Lock the admins so two concurrent demotions cannot both see "another admin remains".
    await tx.execute(sql`select id from users where role = 'admin' and active for update`);
    const [current] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
    if (!current) return { ok: false, code: 'NOT_FOUND' } as const;
    const losesAdmin =
      current.role === 'admin' &&
      current.active &&
      (input.active === false || (input.role && input.role !== 'admin'));
    if (losesAdmin && id === actorId) return { ok: false, code: 'SELF_LOCKOUT' } as const;
    if (losesAdmin) {
      const others = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, id)))
        .limit(1);
      if (others.length === 0) return { ok: false, code: 'LAST_ADMIN' } as const;
    }
    const [user] = await tx
      .update(users)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        updatedAt: now,
      })
      .where(eq(users.id, id))
      .returning();
    if (input.active === false || passwordHash) await endAllSessions(tx as unknown as Database, id);
    return { ok: true, user: user! } as const;
  });
  // A cached session would keep the old role or state: read again on next use.
  if (result.ok) forgetUserSessions(db, id);
  // Their open sockets close too, once the change is committed.
  if (result.ok && (input.active === false || passwordHash))
    emit({ type: 'user.sessions-ended', userId: id });
  return result;
}
