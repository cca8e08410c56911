import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, resolveSession } from '../../backend/accounts/sessions.ts';
import { signWebhookBody } from '../../backend/facebook/webhook-signature.ts';
import { allRoutes } from '../../backend/http/routes/index.ts';
import { daySourceCacheFor } from '../../backend/supervision/day-source.ts';
import type { Role } from '../../shared/api/users.ts';
import { seedCampaign, seedInteraction, seedPage, seedPresence } from '../harness/supervision-seed.ts';
import { createTestApp, type TestApp } from '../harness/test-app.ts';
import { TEST_FB_ENV } from '../harness/test-facebook-env.ts';

type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = ['anonymous', 'agent', 'supervisor', 'admin'];

/**
 * The explicit table of who may call what. A route missing here fails the suite, so a new route
 * cannot ship without someone deciding its access. `true` = allowed, `false` = refused.
 */
const ADMIN_ONLY = { anonymous: false, agent: false, supervisor: false, admin: true };
const EVERYONE = { anonymous: true, agent: true, supervisor: true, admin: true };
const LOGGED_IN = { anonymous: false, agent: true, supervisor: true, admin: true };
const AGENT_ONLY = { anonymous: false, agent: true, supervisor: false, admin: false };
const OVERSEERS = { anonymous: false, agent: false, supervisor: true, admin: true };
const EXPECTED: Record<string, Record<Caller, boolean>> = {
  'GET /healthz': { anonymous: true, agent: true, supervisor: true, admin: true },
  'POST /api/auth/login': { anonymous: true, agent: true, supervisor: true, admin: true },
  'POST /api/auth/logout': { anonymous: false, agent: true, supervisor: true, admin: true },
  'GET /api/me': { anonymous: false, agent: true, supervisor: true, admin: true },
  'GET /api/users': { anonymous: false, agent: false, supervisor: false, admin: true },
  'POST /api/users': { anonymous: false, agent: false, supervisor: false, admin: true },
  'PATCH /api/users/:id': { anonymous: false, agent: false, supervisor: false, admin: true },
  'GET /api/pages': ADMIN_ONLY,
  'POST /api/pages/activations': ADMIN_ONLY,
  'GET /api/pages/activations/:id': ADMIN_ONLY,
  'POST /api/pages/activations/:id/link': ADMIN_ONLY,
  'POST /api/pages/import-token': ADMIN_ONLY,
  'POST /api/pages/:id/check': ADMIN_ONLY,
  'PATCH /api/pages/:id': ADMIN_ONLY,
  'GET /api/campaigns': LOGGED_IN,
  'POST /api/campaigns': ADMIN_ONLY,
  'GET /api/campaigns/:id': LOGGED_IN,
  'PATCH /api/campaigns/:id': ADMIN_ONLY,
  'GET /api/agent/work': AGENT_ONLY,
  'GET /api/interactions/:id': LOGGED_IN,
  'POST /api/agent/status': AGENT_ONLY,
  'POST /api/interactions/:id/accept': AGENT_ONLY,
  'POST /api/interactions/:id/complete': AGENT_ONLY,
  'POST /api/interactions/:id/replies': AGENT_ONLY,
  'POST /api/interactions/:id/replies/:replyId/retry': AGENT_ONLY,
  'POST /api/attachments': AGENT_ONLY,
  // Public so Facebook can fetch what agents attach; the random uuid in the path is the secret.
  'GET /media/:id/:name': EVERYONE,
  'GET /api/supervisor/board': OVERSEERS,
  'GET /api/supervisor/campaigns/:id/drill': OVERSEERS,
  'POST /api/supervisor/spy/:interactionId': OVERSEERS,
  'GET /api/supervisor/agents/:id': OVERSEERS,
  'POST /api/supervisor/agents/:id/pause': OVERSEERS,
  'POST /api/supervisor/agents/:id/logout': OVERSEERS,
  'GET /api/audit': ADMIN_ONLY,
  'GET /api/recordings': LOGGED_IN,
  'GET /api/recordings/count': LOGGED_IN,
  'GET /api/recordings/export.csv': LOGGED_IN,
  'GET /api/recordings/:id': LOGGED_IN,
  // Public, but proven otherwise: the state parameter, the verify token, the signature.
  'GET /oauth/facebook/callback': EVERYONE,
  'GET /webhooks/facebook': EVERYONE,
  'POST /webhooks/facebook': EVERYONE,
};

/** Requests that carry what a public-but-verified route needs, so "allowed" means it got through. */
function sampleRequest(routeKey: string): { query?: string; raw?: string; headers?: Record<string, string> } {
  if (routeKey === 'GET /webhooks/facebook') {
    return { query: `?hub.mode=subscribe&hub.challenge=42&hub.verify_token=${TEST_FB_ENV.FB_VERIFY_TOKEN}` };
  }
  if (routeKey === 'POST /webhooks/facebook') {
    const raw = '{"object":"page","entry":[]}';
    const signature = signWebhookBody(new TextEncoder().encode(raw), TEST_FB_ENV.FB_APP_SECRET);
    return { raw, headers: { 'x-hub-signature-256': signature } };
  }
  return {};
}

let t: TestApp;
const userIds: Partial<Record<Role, string>> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const role of ['agent', 'supervisor', 'admin'] as const)
    userIds[role] = (await t.userWithSession(role)).user.id;
});

/** A fresh session per cell, so a cell that logs out cannot affect the next one. */
async function tokenFor(caller: Caller): Promise<string | undefined> {
  if (caller === 'anonymous') return undefined;
  return (await createSession(t.store.db, userIds[caller]!, new Date(), 60_000)).token;
}
afterAll(() => t.close());

const key = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

describe('authorization matrix', () => {
  it('has an expectation for every route, and no stale ones', () => {
    expect(allRoutes.map(key).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const route of allRoutes) {
    for (const caller of CALLERS) {
      const allowed = EXPECTED[key(route)]?.[caller];
      it(`${key(route)} as ${caller} is ${allowed ? 'allowed' : 'refused'}`, async () => {
        // A concrete path; a well-formed unknown id so "allowed" means "got past authorization".
        const path = route.path.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');
        const sample = sampleRequest(key(route));
        const token = await tokenFor(caller);
        const res = await t.app.request(path + (sample.query ?? ''), {
          method: route.method.toUpperCase(),
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(sample.raw ? { 'content-type': 'application/json' } : {}),
            ...sample.headers,
          },
          body: sample.raw,
        });
        if (allowed) {
          expect([401, 403]).not.toContain(res.status);
        } else {
          expect(res.status).toBe(caller === 'anonymous' ? 401 : 403);
          const body = await res.json();
          expect(body.error.code).toBe(caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        }
      });
    }
  }
});

/**
 * Routes that read or act on a campaign's work: what the supervisor of ANOTHER campaign gets (and,
 * to prove the fixture is right, what the campaign's own supervisor gets). Every route under
 * /api/supervisor, /api/recordings and /api/interactions must have a row.
 */
type Fixture = { campaignId: string; agentId: string; interactionId: string };
interface ScopedCase {
  path: (f: Fixture) => string;
  /** The other supervisor: refused with 404, or answered with nothing of the campaign. */
  other: { status: 404 } | { status: 200; sees: (body: unknown, res: Response, f: Fixture) => boolean };
  /** The campaign's supervisor: the status (and optionally what they see). */
  own: number;
}
const listsNothing = (body: unknown) =>
  JSON.stringify(body).length > 0 && (body as { results: unknown[] }).results.length === 0;
const SCOPED: Record<string, ScopedCase> = {
  'GET /api/supervisor/board': {
    path: () => '/api/supervisor/board',
    other: { status: 200, sees: (b, _r, f) => !JSON.stringify(b).includes(f.campaignId) },
    own: 200,
  },
  'GET /api/supervisor/campaigns/:id/drill': {
    path: (f) => `/api/supervisor/campaigns/${f.campaignId}/drill?metric=waiting`,
    other: { status: 404 },
    own: 200,
  },
  'POST /api/supervisor/spy/:interactionId': {
    path: (f) => `/api/supervisor/spy/${f.interactionId}`,
    other: { status: 404 },
    own: 200,
  },
  'GET /api/supervisor/agents/:id': {
    path: (f) => `/api/supervisor/agents/${f.agentId}`,
    other: { status: 404 },
    own: 200,
  },
  'POST /api/supervisor/agents/:id/pause': {
    path: (f) => `/api/supervisor/agents/${f.agentId}/pause`,
    other: { status: 404 },
    own: 200,
  },
  'POST /api/supervisor/agents/:id/logout': {
    path: (f) => `/api/supervisor/agents/${f.agentId}/logout`,
    other: { status: 404 },
    own: 200,
  },
  'GET /api/recordings': {
    path: () => '/api/recordings',
    other: { status: 200, sees: listsNothing },
    own: 200,
  },
  'GET /api/recordings/count': {
    path: () => '/api/recordings/count',
    other: { status: 200, sees: (b) => (b as { total: number }).total === 0 },
    own: 200,
  },
  'GET /api/recordings/export.csv': {
    path: () => '/api/recordings/export.csv',
    other: { status: 200, sees: (_b, res) => res.headers.get('x-total-count') === '0' },
    own: 200,
  },
  'GET /api/recordings/:id': {
    path: (f) => `/api/recordings/${f.interactionId}`,
    other: { status: 404 },
    own: 200,
  },
  'GET /api/interactions/:id': {
    path: (f) => `/api/interactions/${f.interactionId}`,
    other: { status: 404 },
    own: 200,
  },
  'GET /api/campaigns/:id': {
    path: (f) => `/api/campaigns/${f.campaignId}`,
    other: { status: 404 },
    own: 200,
  },
  'GET /api/campaigns': {
    path: () => '/api/campaigns',
    other: { status: 200, sees: (b, _r, f) => !JSON.stringify(b).includes(f.campaignId) },
    own: 200,
  },
};
const ACTING = new Set(['POST /api/supervisor/agents/:id/pause', 'POST /api/supervisor/agents/:id/logout']);

describe('supervisors see only their campaigns', () => {
  let f: Fixture;
  let own: string;
  let other: string;
  beforeAll(async () => {
    const db = t.store.db;
    own = (await t.userWithSession('supervisor', 'Own Sup')).token;
    const otherSup = await t.userWithSession('supervisor', 'Other Sup');
    other = otherSup.token;
    const agent = await t.userWithSession('agent', 'Scoped Agent');
    const ownSup = await resolveSession(db, own, new Date());
    const pageId = await seedPage(db, 'Scoped Page');
    const campaignId = await seedCampaign(db, {
      pageId,
      name: 'Scoped',
      agents: [agent.user.id],
      supervisors: [ownSup!.id],
    });
    await seedCampaign(db, {
      pageId,
      name: 'Elsewhere',
      channel: 'messenger',
      supervisors: [otherSup.user.id],
    });
    await seedPresence(db, agent.user.id, 'available', new Date());
    const interactionId = await seedInteraction(db, {
      campaignId,
      pageId,
      steps: [{ state: 'queued', at: new Date() }],
    });
    f = { campaignId, agentId: agent.user.id, interactionId };
    // Seeded behind the app's back (no campaign.changed event): drop the boards' shared rows.
    daySourceCacheFor(t.deps.events).invalidate();
  });

  it('has a row for every route that reads or acts on campaign work', () => {
    const scoped = allRoutes
      .map(key)
      .filter(
        (k) =>
          /^\w+ \/api\/(supervisor|recordings|interactions\/:id$|campaigns)/.test(k) &&
          !/^(POST|PATCH) \/api\/campaigns/.test(k),
      );
    expect(scoped.sort()).toEqual(Object.keys(SCOPED).sort());
  });

  for (const [routeKey, c] of Object.entries(SCOPED)) {
    it(`${routeKey}: the supervisor of another campaign ${c.other.status === 404 ? 'is refused (404)' : 'sees nothing of it'}`, async () => {
      const method = routeKey.split(' ')[0]!;
      const res = await t.call(method, c.path(f), { token: other });
      expect(res.status).toBe(c.other.status);
      if (c.other.status === 200) {
        const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
        expect(c.other.sees(body, res, f)).toBe(true);
      }
      // Acting twice would change the fixture for the rows after; the action tests cover success.
      if (!ACTING.has(routeKey)) expect((await t.call(method, c.path(f), { token: own })).status).toBe(c.own);
    });
  }
});
