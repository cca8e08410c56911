import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { users } from '../store/schema.ts';
import { hashPassword } from './password.ts';

export type BootstrapResult =
  | { created: false }
  | { created: true; email: string; generatedPassword: string | undefined };

/**
 * On first start (no users at all) creates the admin from ADMIN_EMAIL/ADMIN_PASSWORD, or
 * admin@localhost with a random password that the caller prints once. Safe when instances race:
 * the insert only happens while the table is empty, under a transaction-level advisory lock.
 */
export async function bootstrapAdmin(
  db: Database,
  opts: { email: string | undefined; password: string | undefined },
  now: Date,
): Promise<BootstrapResult> {
  const email = opts.email ?? 'admin@localhost';
  const generatedPassword = opts.password ? undefined : randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(opts.password ?? generatedPassword!);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(4715220302)`);
    const existing = await tx.select({ id: users.id }).from(users).limit(1);
    if (existing.length > 0) return { created: false } as const;
    await tx
      .insert(users)
      .values({ email, name: 'Administrator', role: 'admin', passwordHash, createdAt: now, updatedAt: now });
    return { created: true, email, generatedPassword } as const;
  });
}
