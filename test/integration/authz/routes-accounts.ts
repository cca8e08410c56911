import { expect } from 'vitest';
import { signWebhookBody } from '../../../backend/facebook/webhook-signature.ts';
import { TEST_FB_ENV } from '../../harness/test-facebook-env.ts';
import { everyone, ok, only, type Row } from './expectations.ts';

/** Health, accounts, users, Pages, Facebook's callbacks and campaigns. */
export const accountRows: Record<string, Row> = {
  'GET /healthz': {
    path: () => '/healthz',
    expect: everyone(ok(200, { sees: () => ['"status":"ok"'] })),
  },
  // Public: the credentials are the proof. Whoever calls, it logs in the account named in the body.
  'POST /api/auth/login': {
    path: () => '/api/auth/login',
    json: (w) => ({ email: w.users.agentA.email, password: w.password }),
    expect: everyone(ok(200, { sees: (w) => [w.users.agentA.id, '"token"'] })),
  },
  'POST /api/auth/logout': {
    path: () => '/api/auth/logout',
    expect: only({
      ...Object.fromEntries(
        (['agentA', 'agentB', 'supervisorX', 'supervisorOther', 'admin'] as const).map((c) => [
          c,
          ok(200, {
            sees: () => ['"ok":true'],
            // The session the call carried is over; nobody else's.
            check: async (a, w) => {
              const me = await w.t.call('GET', '/api/me', { token: a.token });
              expect(me.status).toBe(401);
            },
          }),
        ]),
      ),
    }),
    // An agent who logs out goes offline.
    after: (w) => w.restorePresence(),
  },
  'GET /api/me': {
    path: () => '/api/me',
    expect: only(
      Object.fromEntries(
        (['agentA', 'agentB', 'supervisorX', 'supervisorOther', 'admin'] as const).map((c) => [
          c,
          ok(200, { sees: (w) => [w.users[c].id] }),
        ]),
      ),
    ),
  },
  'GET /api/users': {
    path: () => '/api/users',
    expect: only({ admin: ok(200, { sees: (w) => [w.users.agentA.id, w.users.supervisorOther.id] }) }),
  },
  'POST /api/users': {
    path: () => '/api/users',
    json: (_w, caller) => ({
      email: `made-by-${caller}@example.test`,
      name: `Made by ${caller}`,
      role: 'admin',
      password: 'a long password 1',
    }),
    expect: only({ admin: ok(201, { sees: () => ['made-by-admin@example.test'] }) }),
  },
  'PATCH /api/users/:id': {
    path: (w) => `/api/users/${w.users.agentA.id}`,
    json: (w) => ({ name: w.users.agentA.name }),
    expect: only({ admin: ok(200, { sees: (w) => [w.users.agentA.id] }) }),
  },
  'GET /api/pages': {
    path: () => '/api/pages',
    expect: only({ admin: ok(200, { sees: (w) => [w.pageP.id, w.pageQ.id] }) }),
  },
  'POST /api/pages/activations': {
    path: () => '/api/pages/activations',
    expect: only({ admin: ok(201, { sees: () => ['dialogUrl', '/dialog/oauth'] }) }),
  },
  'GET /api/pages/activations/:id': {
    path: (w) => `/api/pages/activations/${w.activationReady}`,
    expect: only({ admin: ok(200, { sees: (w) => ['"ready"', w.pageP.id] }) }),
  },
  'POST /api/pages/activations/:id/link': {
    path: (w) => `/api/pages/activations/${w.activationReady}/link`,
    json: (w) => ({ pageId: w.pageP.id }),
    expect: only({ admin: ok(200, { sees: (w) => [w.pageP.id, '"active"'] }) }),
  },
  'POST /api/pages/import-token': {
    path: () => '/api/pages/import-token',
    json: (w) => ({ accessToken: w.pageP.token }),
    expect: only({ admin: ok(200, { sees: (w) => [w.pageP.id], hides: (w) => [w.pageP.token] }) }),
  },
  'POST /api/pages/:id/check': {
    path: (w) => `/api/pages/${w.pageP.id}/check`,
    expect: only({ admin: ok(200, { sees: (w) => [w.pageP.id, '"active"'] }) }),
  },
  'PATCH /api/pages/:id': {
    path: (w) => `/api/pages/${w.pageP.id}`,
    json: () => ({ humanAgentEnabled: true }),
    expect: only({ admin: ok(200, { sees: (w) => [w.pageP.id, '"humanAgentEnabled":true'] }) }),
  },
  // Public, proven by the one-time `state` of a dialog the admin opened: one finished dialog each.
  'GET /oauth/facebook/callback': {
    path: (w, caller) => w.callbacks[caller],
    expect: everyone(ok(200, { sees: () => ['almost done'] })),
  },
  // Public, proven by the verify token and by the signature.
  'GET /webhooks/facebook': {
    path: () =>
      `/webhooks/facebook?hub.mode=subscribe&hub.challenge=4217&hub.verify_token=${TEST_FB_ENV.FB_VERIFY_TOKEN}`,
    expect: everyone(ok(200, { check: (a) => expect(a.text).toBe('4217') })),
  },
  'POST /webhooks/facebook': {
    path: () => '/webhooks/facebook',
    request: () => {
      const raw = '{"object":"page","entry":[]}';
      const signature = signWebhookBody(new TextEncoder().encode(raw), TEST_FB_ENV.FB_APP_SECRET);
      return { body: raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } };
    },
    expect: everyone(ok(200, { check: (a) => expect(a.text).toBe('EVENT_RECEIVED') })),
  },
  // Agents see the campaigns they work in, supervisors those they supervise.
  'GET /api/campaigns': {
    path: () => '/api/campaigns',
    expect: only({
      agentA: ok(200, { sees: (w) => [w.campaignX], hides: (w) => [w.campaignY] }),
      agentB: ok(200, { sees: (w) => [w.campaignX], hides: (w) => [w.campaignY] }),
      supervisorX: ok(200, { sees: (w) => [w.campaignX], hides: (w) => [w.campaignY] }),
      supervisorOther: ok(200, { sees: (w) => [w.campaignY], hides: (w) => [w.campaignX] }),
      admin: ok(200, { sees: (w) => [w.campaignX, w.campaignY] }),
    }),
  },
  'POST /api/campaigns': {
    path: () => '/api/campaigns',
    json: (w) => ({ name: 'Campaign Z', pageId: w.pageP.id, channel: 'messenger', strategy: 'linear' }),
    expect: only({ admin: ok(201, { sees: () => ['Campaign Z'] }) }),
  },
  'GET /api/campaigns/:id': {
    path: (w) => `/api/campaigns/${w.campaignX}`,
    expect: only({
      agentA: ok(200, { sees: (w) => [w.campaignX] }),
      agentB: ok(200, { sees: (w) => [w.campaignX] }),
      supervisorX: ok(200, { sees: (w) => [w.campaignX] }),
      supervisorOther: 404,
      admin: ok(200, { sees: (w) => [w.campaignX] }),
    }),
  },
  'PATCH /api/campaigns/:id': {
    path: (w) => `/api/campaigns/${w.campaignX}`,
    json: () => ({ name: 'Campaign X' }),
    expect: only({ admin: ok(200, { sees: (w) => [w.campaignX] }) }),
  },
};
