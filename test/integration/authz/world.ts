import { randomBytes, scryptSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { createSession } from '../../../backend/accounts/sessions.ts';
import { createSandbox, type Sandbox } from '../../../backend/sandbox/sandbox.ts';
import type { UserRow } from '../../../backend/store/schema.ts';
import { interactionOffers, outbox, users as usersTable } from '../../../backend/store/schema.ts';
import { daySourceCacheFor } from '../../../backend/supervision/day-source.ts';
import { seedComments, seedInteraction, seedPresence } from '../../harness/supervision-seed.ts';
import { createTestApp, type TestApp } from '../../harness/test-app.ts';
import { TEST_FB_ENV } from '../../harness/test-facebook-env.ts';

/**
 * The six callers of the authorization matrix. Agents A and B are both members of campaign X, so
 * "B cannot see A's work" is proven inside one campaign (the hardest case: same queue, same
 * supervisor). Supervisor X supervises X only; supervisor Other supervises campaign Y only (agent C
 * works there), on another Page.
 */
export const CALLERS = ['anonymous', 'agentA', 'agentB', 'supervisorX', 'supervisorOther', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];
export type Person = Exclude<Caller, 'anonymous'>;

const PASSWORD = 'correct horse battery';
const HOUR = 3_600_000;

export interface AuthzWorld {
  t: TestApp;
  sandbox: Sandbox;
  users: Record<Person | 'agentC', UserRow>;
  password: string;
  /** Page P (campaign X, Facebook) and Page Q (campaign Y), both linked through the Graph sandbox. */
  pageP: { id: string; token: string };
  pageQ: { id: string; token: string };
  campaignX: string;
  campaignY: string;
  /** Agent A's answered comment thread in X; its transcript holds `canary`. */
  interactionA: string;
  /** Agent A's second interaction, the one the `complete` row closes. */
  interactionA2: string;
  interactionB: string;
  interactionY: string;
  /** Text only A's interaction holds: any body of someone out of scope that contains it is a leak. */
  canary: string;
  /** Agent A's failed reply in `interactionA` (the retry row). */
  replyA: number;
  attachment: { id: string; path: string };
  /** An activation whose dialog is done: ready to link (admin's). */
  activationReady: string;
  /** One finished dialog's redirect per caller, for the public OAuth callback row. */
  callbacks: Record<Caller, string>;
  /** Set by the accept row: an interaction of X offered to agent A only. */
  offerA: string;
  /** A fresh session for the caller (a cell that logs out, or a supervisor's Logout, ends only its own). */
  token(caller: Caller): Promise<string | undefined>;
  /** Agents A, B and C back to available (after a cell that paused or logged one out). */
  restorePresence(): Promise<void>;
  /** An interaction of X offered (ringall) to agent A only. */
  offerToA(): Promise<string>;
  close(): Promise<void>;
}

export async function createAuthzWorld(): Promise<AuthzWorld> {
  const sandbox = createSandbox({
    appId: TEST_FB_ENV.FB_APP_ID,
    appSecret: TEST_FB_ENV.FB_APP_SECRET,
    verifyToken: TEST_FB_ENV.FB_VERIFY_TOKEN,
    publicUrl: 'http://sandbox.test',
  });
  // Graph, in process: every Graph call of the backend lands in the sandbox.
  const graphFetch = ((input: string | URL | Request, init?: RequestInit) =>
    sandbox.app.fetch(new Request(input, init))) as typeof fetch;
  const t = await createTestApp({ PUBLIC_URL: 'http://desk.test' }, { graphFetch });
  const db = t.store.db;
  const control = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await sandbox.app.fetch(
      new Request(`http://sandbox.test/_sandbox${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
    expect(res.status).toBe(201);
    return (await res.json()) as T;
  };

  const names: Record<Person | 'agentC', [UserRow['role'], string]> = {
    agentA: ['agent', 'Alice Agent-A'],
    agentB: ['agent', 'Bruno Agent-B'],
    agentC: ['agent', 'Chloe Agent-C'],
    supervisorX: ['supervisor', 'Xavier Sup-X'],
    supervisorOther: ['supervisor', 'Olga Sup-Other'],
    admin: ['admin', 'Ada Admin'],
  };
  const users = {} as AuthzWorld['users'];
  const bearer = {} as Record<Person, string>;
  // Stored with light scrypt parameters (the hash carries them): the login row logs in six times.
  const passwordHash = lightHash(PASSWORD);
  for (const [who, [role, name]] of Object.entries(names) as [Person, [UserRow['role'], string]][]) {
    const [row] = await db
      .insert(usersTable)
      .values({ email: `${who.toLowerCase()}@authz.test`, name, role, passwordHash })
      .returning();
    users[who] = row!;
    bearer[who] = (await createSession(db, row!.id, new Date(), 3_600_000)).token;
  }
  const api = async (method: string, path: string, who: Person, body?: unknown) => {
    const res = await t.call(method, path, { token: bearer[who], body });
    expect(res.status, `${method} ${path}`).toBeLessThan(300);
    return res.json();
  };

  const link = async (name: string) => {
    const page = await control<{ id: string; access_token: string }>('/pages', { name });
    const res = await api('POST', '/api/pages/import-token', 'admin', { accessToken: page.access_token });
    expect(res.linked.map((p: { id: string }) => p.id)).toEqual([page.id]);
    return { id: page.id, token: page.access_token };
  };
  const pageP = await link('Authz Shop P');
  const pageQ = await link('Authz Shop Q');
  const campaign = async (name: string, pageId: string, agents: string[], supervisor: string) =>
    (
      await api('POST', '/api/campaigns', 'admin', {
        name,
        pageId,
        channel: 'facebook',
        strategy: 'linear',
        maxInteractionsPerAgent: 20,
        members: agents.map((userId, position) => ({ userId, penalty: 0, position })),
        supervisorIds: [supervisor],
      })
    ).id as string;
  const campaignX = await campaign(
    'Campaign X',
    pageP.id,
    [users.agentA.id, users.agentB.id],
    users.supervisorX.id,
  );
  const campaignY = await campaign('Campaign Y', pageQ.id, [users.agentC.id], users.supervisorOther.id);

  const now = Date.now();
  const restorePresence = async () => {
    for (const a of [users.agentA, users.agentB, users.agentC])
      await seedPresence(db, a.id, 'available', new Date(now - HOUR));
  };
  await restorePresence();
  const canary = 'CANARY order 4417-A: only agent A and their overseers may read this';
  let thread = 0;
  const answered = async (campaignId: string, pageId: string, agentId: string, text: string) => {
    thread += 1;
    const threadKey = `${pageId}_authz${thread}`;
    const at = (m: number) => new Date(now - HOUR + m * 60_000);
    const id = await seedInteraction(db, {
      campaignId,
      pageId,
      threadKey,
      customerName: `Customer ${thread}`,
      steps: [
        { state: 'queued', at: at(0) },
        { state: 'assigned', at: at(1), agentId },
        { state: 'answered', at: at(2), agentId },
      ],
    });
    await seedComments(db, { pageId, threadKey, comments: [{ message: text, at: at(0) }] });
    return id;
  };
  const interactionA = await answered(campaignX, pageP.id, users.agentA.id, canary);
  const interactionA2 = await answered(campaignX, pageP.id, users.agentA.id, 'A second question');
  const interactionB = await answered(campaignX, pageP.id, users.agentB.id, 'A question for B');
  const interactionY = await answered(campaignY, pageQ.id, users.agentC.id, 'A question in Y');

  // A's reply that Facebook refused: what the retry row sends again.
  const sent = await api('POST', `/api/interactions/${interactionA}/replies`, 'agentA', { text: 'On it!' });
  await db.update(outbox).set({ status: 'failed', lastError: 'Blocked' }).where(eq(outbox.id, sent.outboxId));
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]);
  const upload = await t.app.request('/api/attachments?name=receipt.png', {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer.agentA}`, 'content-type': 'image/png' },
    body: png,
  });
  expect(upload.status).toBe(201);
  const uploaded = (await upload.json()) as { id: string; url: string };
  // Supervisor X spies on A's interaction once: the audit log has a row for the admin to read.
  await api('POST', `/api/supervisor/spy/${interactionA}`, 'supervisorX');

  // Finished Login dialogs: one redirect per caller for the callback row, one linked by the admin.
  const finishDialog = async () => {
    const started = await api('POST', '/api/pages/activations', 'admin');
    const res = await sandbox.app.fetch(new Request(`${started.dialogUrl}&sandbox_auto=1`));
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('code')).toBeTruthy();
    return { id: started.id as string, callback: location.pathname + location.search };
  };
  const ready = await finishDialog();
  expect((await t.app.request(ready.callback)).status).toBe(200);
  const callbacks = {} as Record<Caller, string>;
  for (const c of CALLERS) callbacks[c] = (await finishDialog()).callback;

  // Seeded behind the app's back (no events): drop the boards' shared rows.
  daySourceCacheFor(t.deps.events).invalidate();

  const world: AuthzWorld = {
    t,
    sandbox,
    users,
    password: PASSWORD,
    pageP,
    pageQ,
    campaignX,
    campaignY,
    interactionA,
    interactionA2,
    interactionB,
    interactionY,
    canary,
    replyA: sent.outboxId,
    attachment: { id: uploaded.id, path: new URL(uploaded.url).pathname },
    activationReady: ready.id,
    callbacks,
    offerA: '',
    async token(caller) {
      if (caller === 'anonymous') return undefined;
      return (await createSession(db, users[caller].id, new Date(), 3_600_000)).token;
    },
    restorePresence,
    async offerToA() {
      const id = await seedInteraction(db, {
        campaignId: campaignX,
        pageId: pageP.id,
        steps: [
          { state: 'queued', at: new Date() },
          { state: 'offered', at: new Date() },
        ],
      });
      await db
        .insert(interactionOffers)
        .values({ interactionId: id, agentId: users.agentA.id, offeredAt: new Date() });
      return id;
    },
    async close() {
      sandbox.stop();
      await t.close();
    },
  };
  return world;
}

/** A hash in the format of backend/accounts/password.ts with N=2^10: the same check, much faster. */
function lightHash(password: string): string {
  const [n, r, p] = [1024, 8, 1];
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 64, { N: n, r, p });
  return ['scrypt', n, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}
