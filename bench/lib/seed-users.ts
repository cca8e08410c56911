import { hashPassword } from '../../backend/accounts/password.ts';
import { createSession } from '../../backend/accounts/sessions.ts';
import { migrate } from '../../backend/store/migrate.ts';
import { users } from '../../backend/store/schema.ts';
import type { BenchDatabase } from './bench-database.ts';

export const BENCH_PASSWORD = 'bench password 1234';

export interface BenchUser {
  id: string;
  email: string;
  token: string;
}

export interface Seeded {
  admin: { email: string; password: string };
  byRole: Record<'agent' | 'supervisor', BenchUser[]>;
}

/**
 * Users and their sessions written straight into the (migrated) database before the backend starts.
 * Creating them through the API costs two scrypt hashes each (create and log in): for 1,000 users
 * that is minutes on two cores, spent on the deliberate cost of password hashing, which no figure
 * measures. They share one hash; sessions are opened with the backend's own `createSession`.
 */
export async function seedUsers(
  db: BenchDatabase,
  counts: { agent?: number; supervisor?: number },
): Promise<Seeded> {
  const store = await db.open();
  try {
    await migrate(store);
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const now = new Date();
    const admin = { email: 'admin@bench.test', password: BENCH_PASSWORD };
    await store.db
      .insert(users)
      .values({ email: admin.email, name: 'Bench Admin', role: 'admin', passwordHash });
    const byRole: Seeded['byRole'] = { agent: [], supervisor: [] };
    for (const role of ['agent', 'supervisor'] as const) {
      const count = counts[role] ?? 0;
      for (let from = 0; from < count; from += 500) {
        const rows = await store.db
          .insert(users)
          .values(
            Array.from({ length: Math.min(500, count - from) }, (_, k) => ({
              email: `${role}${from + k}@bench.test`,
              name: `${role === 'agent' ? 'Agent' : 'Supervisor'} ${from + k}`,
              role,
              passwordHash,
            })),
          )
          .returning({ id: users.id, email: users.email });
        for (const r of rows) {
          const { token } = await createSession(store.db, r.id, now, 24 * 3600_000);
          byRole[role].push({ id: r.id, email: r.email, token });
        }
      }
    }
    return { admin, byRole };
  } finally {
    await store.close();
  }
}
