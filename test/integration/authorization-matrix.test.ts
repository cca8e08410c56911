import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../backend/accounts/sessions.ts';
import { signWebhookBody } from '../../backend/facebook/webhook-signature.ts';
import { allRoutes } from '../../backend/http/routes/index.ts';
import type { Role } from '../../shared/api/users.ts';
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
  'GET /api/supervisor/board': OVERSEERS,
  'GET /api/supervisor/campaigns/:id/drill': OVERSEERS,
  'POST /api/supervisor/spy/:interactionId': OVERSEERS,
  'GET /api/supervisor/agents/:id': OVERSEERS,
  'POST /api/supervisor/agents/:id/pause': OVERSEERS,
  'POST /api/supervisor/agents/:id/logout': OVERSEERS,
  'GET /api/audit': ADMIN_ONLY,
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
