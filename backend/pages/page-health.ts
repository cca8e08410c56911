import { and, eq, ne } from 'drizzle-orm';
import type { FacebookDeps } from '../facebook/facebook-deps.ts';
import { describeGraphError, GraphError } from '../facebook/graph-errors.ts';
import type { Emit } from '../realtime/emit.ts';
import type { Database } from '../store/database.ts';
import { pages } from '../store/schema.ts';
import { findPage, type PageRow, pageToken } from './page-store.ts';
import { toPage } from './page-view.ts';
import { missingPermissions } from './permissions.ts';

export type HealthVerdict =
  | { health: 'active' }
  | { health: 'invalid'; reason: string }
  | { health: 'unknown'; reason: string };

/**
 * Asks Facebook whether the Page's token still works for us: debug_token (valid, our app, every
 * permission for this Page) and subscribed_apps (our app still receives its webhooks). A Facebook
 * outage gives "unknown" — health is never flipped by an error that says nothing about the token.
 */
export async function probePage(fb: FacebookDeps, page: PageRow): Promise<HealthVerdict> {
  let token: string;
  try {
    token = pageToken(fb, page);
  } catch {
    return {
      health: 'invalid',
      reason: 'The stored token cannot be decrypted (was SECRET_KEY changed?). Re-activate the Page.',
    };
  }
  try {
    const info = await fb.graph.debugToken(token);
    if (!info.isValid) {
      const why = info.error ? ` (${info.error.message})` : '';
      return {
        health: 'invalid',
        reason: `Facebook says the Page token is no longer valid${why}. Re-activate the Page.`,
      };
    }
    if (info.appId && info.appId !== fb.appId) {
      return {
        health: 'invalid',
        reason: 'The token belongs to another Facebook app. Re-activate the Page.',
      };
    }
    const missing = missingPermissions(info, page.id);
    if (missing.length) {
      return {
        health: 'invalid',
        reason: `Missing permission(s): ${missing.map((m) => m.scope).join(', ')}. Re-activate the Page.`,
      };
    }
    const apps = await fb.graph.subscribedApps(page.id, token);
    const ours = apps.find((a) => a.appId === fb.appId);
    if (!ours) {
      return {
        health: 'invalid',
        reason: "Pagedesk no longer receives this Page's webhooks (app unsubscribed). Re-activate the Page.",
      };
    }
    return { health: 'active' };
  } catch (err) {
    if (err instanceof GraphError && (err.errorClass === 'token' || err.errorClass === 'permission')) {
      return { health: 'invalid', reason: describeGraphError(err) };
    }
    return { health: 'unknown', reason: err instanceof Error ? err.message : String(err) };
  }
}

/** Records a verdict; returns the row when the health actually changed. */
export async function recordHealth(
  db: Database,
  pageId: string,
  verdict: HealthVerdict,
  now: Date,
  emit: Emit,
): Promise<PageRow | undefined> {
  if (verdict.health === 'unknown') {
    await db.update(pages).set({ healthCheckedAt: now }).where(eq(pages.id, pageId));
    return undefined;
  }
  const reason = verdict.health === 'invalid' ? verdict.reason : null;
  const [changed] = await db
    .update(pages)
    .set({
      health: verdict.health,
      healthReason: reason,
      healthCheckedAt: now,
      healthChangedAt: now,
      updatedAt: now,
    })
    .where(and(eq(pages.id, pageId), ne(pages.health, verdict.health)))
    .returning();
  if (!changed) {
    await db.update(pages).set({ healthCheckedAt: now, healthReason: reason }).where(eq(pages.id, pageId));
  } else {
    emit({ type: 'page.health', page: toPage(changed) });
  }
  return changed;
}

/** A token-class Graph error seen anywhere (a send, a read) marks the Page invalid at once. */
export function markPageInvalid(db: Database, pageId: string, reason: string, now: Date, emit: Emit) {
  return recordHealth(db, pageId, { health: 'invalid', reason }, now, emit);
}

export async function checkPage(db: Database, fb: FacebookDeps, pageId: string, now: Date, emit: Emit) {
  const page = await findPage(db, pageId);
  if (!page) return undefined;
  const verdict = await probePage(fb, page);
  await recordHealth(db, pageId, verdict, now, emit);
  return { verdict, page: await findPage(db, pageId) };
}
