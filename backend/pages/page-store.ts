import { asc, eq } from 'drizzle-orm';
import type { FacebookDeps } from '../facebook/facebook-deps.ts';
import type { Database } from '../store/database.ts';
import { pages } from '../store/schema.ts';

export type PageRow = typeof pages.$inferSelect;

/** Stores (or re-activates) a Page: a re-activation keeps every record and only renews the token. */
export async function savePage(
  db: Database,
  fb: FacebookDeps,
  page: { id: string; name: string; token: string; scopes: string[]; linkedBy: string },
  now: Date,
): Promise<PageRow> {
  const tokenCiphertext = fb.cipher.encrypt(page.token, page.id);
  const fresh = {
    name: page.name,
    tokenCiphertext,
    scopes: page.scopes,
    health: 'active' as const,
    healthReason: null,
    healthCheckedAt: now,
    healthChangedAt: now,
    linkedBy: page.linkedBy,
    updatedAt: now,
  };
  const [row] = await db
    .insert(pages)
    .values({ id: page.id, ...fresh, createdAt: now })
    .onConflictDoUpdate({ target: pages.id, set: fresh })
    .returning();
  return row!;
}

export async function findPage(db: Database, id: string): Promise<PageRow | undefined> {
  const [row] = await db.select().from(pages).where(eq(pages.id, id)).limit(1);
  return row;
}

export function listPages(db: Database): Promise<PageRow[]> {
  return db.select().from(pages).orderBy(asc(pages.name));
}

/** The Page's token in clear, for one Graph call; never logged, never returned by the API. */
export function pageToken(fb: FacebookDeps, page: PageRow): string {
  return fb.cipher.decrypt(page.tokenCiphertext, page.id);
}

export async function setHumanAgent(db: Database, id: string, enabled: boolean, now: Date): Promise<PageRow> {
  const [row] = await db
    .update(pages)
    .set({ humanAgentEnabled: enabled, updatedAt: now })
    .where(eq(pages.id, id))
    .returning();
  return row!;
}
