import type { FacebookDeps } from '../facebook/facebook-deps.ts';
import { announceReplies } from '../outbox/outgoing-view.ts';
import { releaseHeld } from '../outbox/send-outbox.ts';
import type { Emit } from '../realtime/emit.ts';
import type { Database } from '../store/database.ts';
import { type PageRow, savePage } from './page-store.ts';
import { toPage } from './page-view.ts';
import { type MissingPermission, missingPermissions, WEBHOOK_FIELDS } from './permissions.ts';

export type LinkResult =
  | { ok: true; page: PageRow }
  | { ok: false; code: 'TOKEN_INVALID'; message: string }
  | { ok: false; code: 'MISSING_PERMISSIONS'; missing: MissingPermission[] };

/**
 * The one path by which a Page becomes linked, whatever brought its token: the token is checked
 * with debug_token (valid, ours, every permission for this Page), our app is subscribed to the
 * Page's webhooks, then the token is stored encrypted. Graph failures propagate as GraphError.
 */
export async function linkPage(
  db: Database,
  fb: FacebookDeps,
  page: { id: string; name: string; token: string },
  userId: string,
  now: Date,
  emit: Emit,
): Promise<LinkResult> {
  const info = await fb.graph.debugToken(page.token);
  if (!info.isValid) {
    return {
      ok: false,
      code: 'TOKEN_INVALID',
      message: info.error?.message ?? 'Facebook says this token is not valid.',
    };
  }
  if (info.appId && info.appId !== fb.appId) {
    return { ok: false, code: 'TOKEN_INVALID', message: 'This token was issued to another Facebook app.' };
  }
  const missing = missingPermissions(info, page.id);
  if (missing.length) return { ok: false, code: 'MISSING_PERMISSIONS', missing };
  await fb.graph.subscribeApp(page.id, page.token, WEBHOOK_FIELDS);
  const row = await savePage(db, fb, { ...page, scopes: info.scopes, linkedBy: userId }, now);
  // Replies held while the token was dead go out now, in their original order.
  const released = await releaseHeld(db, page.id, now);
  emit({ type: 'page.linked', page: toPage(row) });
  await announceReplies(db, emit, released);
  return { ok: true, page: row };
}
