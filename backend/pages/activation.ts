import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { FacebookDeps } from '../facebook/facebook-deps.ts';
import { describeGraphError, GraphError } from '../facebook/graph-errors.ts';
import type { Emit } from '../realtime/emit.ts';
import type { Database } from '../store/database.ts';
import { activations, pages } from '../store/schema.ts';
import { type LinkResult, linkPage } from './link-page.ts';
import { SCOPES } from './permissions.ts';

const TTL_MS = 15 * 60_000;
const hash = (state: string) => createHash('sha256').update(state).digest('hex');

export interface GrantedPage {
  id: string;
  name: string;
  accessToken: string;
  tasks: string[];
}

export function callbackUrl(publicUrl: string): string {
  return `${publicUrl}/oauth/facebook/callback`;
}

/** Opens an attempt: a random `state` (stored hashed) ties the dialog's answer to this admin. */
export async function startActivation(
  db: Database,
  fb: FacebookDeps,
  userId: string,
  publicUrl: string,
  now: Date,
) {
  await db.delete(activations).where(lt(activations.expiresAt, now));
  const state = randomBytes(24).toString('base64url');
  const [row] = await db
    .insert(activations)
    .values({ stateHash: hash(state), userId, createdAt: now, expiresAt: new Date(now.getTime() + TTL_MS) })
    .returning({ id: activations.id });
  const dialogUrl = fb.graph.dialogUrl({ redirectUri: callbackUrl(publicUrl), state, scopes: SCOPES });
  return { id: row!.id, dialogUrl };
}

export type CallbackOutcome = { ok: true; pageCount: number } | { ok: false; message: string };

/**
 * The dialog's redirect: checks `state`, trades the code for a long-lived user token and lists the
 * Pages it manages. The Page tokens wait, encrypted, until the admin picks one.
 */
export async function completeActivation(
  db: Database,
  fb: FacebookDeps,
  query: { state?: string; code?: string; error?: string; errorDescription?: string },
  publicUrl: string,
  now: Date,
): Promise<CallbackOutcome> {
  if (!query.state)
    return { ok: false, message: 'The answer from Facebook has no state: start again from Pagedesk.' };
  const [row] = await db
    .select()
    .from(activations)
    .where(
      and(
        eq(activations.stateHash, hash(query.state)),
        eq(activations.status, 'pending'),
        gt(activations.expiresAt, now),
      ),
    )
    .limit(1);
  if (!row)
    return { ok: false, message: 'This sign-in has expired or was already used: start again from Pagedesk.' };
  const fail = async (message: string): Promise<CallbackOutcome> => {
    await db.update(activations).set({ status: 'failed', error: message }).where(eq(activations.id, row.id));
    return { ok: false, message };
  };
  if (query.error || !query.code) {
    return fail(
      query.error === 'access_denied'
        ? 'You cancelled the Facebook dialog, so no Page was linked.'
        : `Facebook did not grant access${query.errorDescription ? `: ${query.errorDescription}` : ''}.`,
    );
  }
  try {
    const short = await fb.graph.exchangeCode(query.code, callbackUrl(publicUrl));
    const long = await fb.graph.exchangeLongLived(short.accessToken);
    const granted = await fb.graph.listPages(long.accessToken);
    if (granted.length === 0) {
      return fail(
        'Facebook granted no Page. Run "Activate with Facebook" again and, in the dialog, tick the Pages Pagedesk should answer for.',
      );
    }
    const list: GrantedPage[] = granted.map((p) => ({
      id: p.id,
      name: p.name,
      accessToken: p.accessToken,
      tasks: p.tasks,
    }));
    await db
      .update(activations)
      .set({ status: 'ready', pagesCiphertext: fb.cipher.encrypt(JSON.stringify(list), row.id) })
      .where(eq(activations.id, row.id));
    return { ok: true, pageCount: list.length };
  } catch (err) {
    if (err instanceof GraphError) return fail(describeGraphError(err));
    throw err;
  }
}

export type ActivationView =
  | { status: 'pending' | 'done' }
  | { status: 'failed'; error: string }
  | { status: 'ready'; pages: { id: string; name: string; linked: boolean; tasks: string[] }[] };

/** What the admin's screen shows for an attempt; only its own creator may see it. */
export async function viewActivation(db: Database, fb: FacebookDeps, userId: string, id: string, now: Date) {
  const [row] = await db
    .select()
    .from(activations)
    .where(and(eq(activations.id, id), eq(activations.userId, userId), gt(activations.expiresAt, now)))
    .limit(1);
  if (!row) return undefined;
  if (row.status === 'failed')
    return { status: 'failed', error: row.error ?? 'Failed.' } satisfies ActivationView;
  if (row.status !== 'ready' || !row.pagesCiphertext) return { status: row.status } as ActivationView;
  const granted = JSON.parse(fb.cipher.decrypt(row.pagesCiphertext, row.id)) as GrantedPage[];
  const linked = new Set((await db.select({ id: pages.id }).from(pages)).map((p) => p.id));
  return {
    status: 'ready',
    pages: granted.map((p) => ({ id: p.id, name: p.name, tasks: p.tasks, linked: linked.has(p.id) })),
  } satisfies ActivationView;
}

export type PickResult = LinkResult | { ok: false; code: 'NOT_FOUND' | 'NOT_READY' | 'NOT_GRANTED' };

/** Links the Page the admin picked from the attempt's list. */
export async function pickPage(
  db: Database,
  fb: FacebookDeps,
  userId: string,
  id: string,
  pageId: string,
  now: Date,
  emit: Emit,
) {
  const [row] = await db
    .select()
    .from(activations)
    .where(and(eq(activations.id, id), eq(activations.userId, userId), gt(activations.expiresAt, now)))
    .limit(1);
  if (!row) return { ok: false, code: 'NOT_FOUND' } as PickResult;
  if (row.status !== 'ready' || !row.pagesCiphertext) return { ok: false, code: 'NOT_READY' } as PickResult;
  const granted = JSON.parse(fb.cipher.decrypt(row.pagesCiphertext, row.id)) as GrantedPage[];
  const page = granted.find((p) => p.id === pageId);
  if (!page) return { ok: false, code: 'NOT_GRANTED' } as PickResult;
  return (await linkPage(
    db,
    fb,
    { id: page.id, name: page.name, token: page.accessToken },
    userId,
    now,
    emit,
  )) as PickResult;
}
