import { expect } from 'vitest';
import { ok, only, type Row } from './expectations.ts';
import type { AuthzWorld } from './world.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9, 9, 9]);

/** Everything of A's and X's that agent B and the other supervisor must never get. */
const ofAOrX = (w: AuthzWorld) => [
  w.interactionA,
  w.interactionA2,
  w.canary,
  w.campaignX,
  w.users.agentA.id,
  w.users.agentA.name,
];
const total = (n: number | 'some') => (a: { text: string }) => {
  const count = (JSON.parse(a.text) as { total: number }).total;
  if (n === 'some') expect(count).toBeGreaterThan(0);
  else expect(count).toBe(n);
};
const csvTotal = (n: number | 'some') => (a: { res: Response }) => {
  const count = Number(a.res.headers.get('x-total-count'));
  if (n === 'some') expect(count).toBeGreaterThan(0);
  else expect(count).toBe(n);
};
/** Agents act only on their own work: another agent's is "not found", as if it did not exist. */
const ownerOnly = (owner: ReturnType<typeof ok>) => only({ agentA: owner, agentB: 404 });

/** An agent's work, attachments, the supervisor's board and actions, and recordings. */
export const workRows: Record<string, Row> = {
  'GET /api/interactions/:id': {
    path: (w) => `/api/interactions/${w.interactionA}`,
    expect: only({
      agentA: ok(200, { sees: (w) => [w.interactionA, w.canary] }),
      agentB: 404,
      supervisorX: ok(200, { sees: (w) => [w.interactionA, w.canary] }),
      supervisorOther: 404,
      admin: ok(200, { sees: (w) => [w.interactionA, w.canary] }),
    }),
  },
  'GET /api/agent/work': {
    path: () => '/api/agent/work',
    expect: only({
      agentA: ok(200, { sees: (w) => [w.interactionA], hides: (w) => [w.interactionB, w.interactionY] }),
      agentB: ok(200, {
        sees: (w) => [w.interactionB],
        hides: (w) => [...ofAOrX(w).slice(0, 3), w.interactionY],
      }),
    }),
  },
  // No target in the path: each agent sets their own status, never anyone else's.
  'POST /api/agent/status': {
    path: () => '/api/agent/status',
    json: () => ({ status: 'available' }),
    expect: only({
      agentA: ok(200, { sees: (w) => [w.users.agentA.id] }),
      agentB: ok(200, { sees: (w) => [w.users.agentB.id], hides: (w) => [w.users.agentA.id] }),
    }),
  },
  // Offered (ringall) to A only: B may not take it.
  'POST /api/interactions/:id/accept': {
    prepare: async (w) => {
      w.offerA = await w.offerToA();
    },
    path: (w) => `/api/interactions/${w.offerA}/accept`,
    expect: ownerOnly(
      ok(200, {
        sees: () => ['"ok":true'],
        check: async (_a, w) => {
          const token = await w.token('agentA');
          const read = await w.t.call('GET', `/api/interactions/${w.offerA}`, { token });
          expect(((await read.json()) as { interaction: { agentId: string } }).interaction.agentId).toBe(
            w.users.agentA.id,
          );
        },
      }),
    ),
  },
  'POST /api/interactions/:id/complete': {
    path: (w) => `/api/interactions/${w.interactionA2}/complete`,
    json: () => ({}),
    expect: ownerOnly(ok(200, { sees: () => ['"ok":true'] })),
  },
  'POST /api/interactions/:id/replies': {
    path: (w) => `/api/interactions/${w.interactionA}/replies`,
    json: () => ({ text: 'Let me check that order.' }),
    expect: ownerOnly(ok(201, { sees: () => ['"outboxId"', '"pending"'] })),
  },
  'POST /api/interactions/:id/replies/:replyId/retry': {
    path: (w) => `/api/interactions/${w.interactionA}/replies/${w.replyA}/retry`,
    expect: ownerOnly(ok(200, { sees: (w) => [`"id":${w.replyA}`, '"pending"'] })),
  },
  'POST /api/attachments': {
    path: () => '/api/attachments?name=photo.png',
    request: () => ({ body: PNG, headers: { 'content-type': 'image/png' } }),
    expect: only({
      agentA: ok(201, { sees: () => ['/media/', 'photo.png'] }),
      agentB: ok(201, { sees: () => ['/media/', 'photo.png'] }),
    }),
  },
  // Public so Facebook can fetch what agents attach; the random id in the path is the secret.
  'GET /media/:id/:name': {
    path: (w) => w.attachment.path,
    expect: Object.fromEntries(
      (['anonymous', 'agentA', 'agentB', 'supervisorX', 'supervisorOther', 'admin'] as const).map((c) => [
        c,
        ok(200, { check: (a) => expect(a.res.headers.get('content-type')).toBe('image/png') }),
      ]),
    ) as Row['expect'],
  },
  'GET /api/supervisor/board': {
    path: () => '/api/supervisor/board',
    expect: only({
      supervisorX: ok(200, {
        sees: (w) => [w.campaignX, w.users.agentA.id, w.users.agentB.id],
        hides: (w) => [w.campaignY, w.users.agentC.id],
      }),
      supervisorOther: ok(200, {
        sees: (w) => [w.campaignY, w.users.agentC.id],
        hides: (w) => [...ofAOrX(w), w.users.agentB.id, w.interactionB],
      }),
      admin: ok(200, { sees: (w) => [w.campaignX, w.campaignY, w.users.agentA.id, w.users.agentC.id] }),
    }),
  },
  'GET /api/supervisor/campaigns/:id/drill': {
    path: (w) => `/api/supervisor/campaigns/${w.campaignX}/drill?metric=active&agentId=${w.users.agentA.id}`,
    expect: only({
      supervisorX: ok(200, { sees: (w) => [w.interactionA], hides: (w) => [w.interactionB] }),
      supervisorOther: 404,
      admin: ok(200, { sees: (w) => [w.interactionA] }),
    }),
  },
  'POST /api/supervisor/spy/:interactionId': {
    path: (w) => `/api/supervisor/spy/${w.interactionA}`,
    expect: only({
      supervisorX: ok(200, { sees: (w) => [w.interactionA, w.canary] }),
      supervisorOther: 404,
      admin: ok(200, { sees: (w) => [w.interactionA, w.canary] }),
    }),
  },
  'GET /api/supervisor/agents/:id': {
    path: (w) => `/api/supervisor/agents/${w.users.agentA.id}`,
    expect: only({
      supervisorX: ok(200, { sees: (w) => [w.users.agentA.id, w.users.agentA.name, w.interactionA] }),
      supervisorOther: 404,
      admin: ok(200, { sees: (w) => [w.users.agentA.id, w.users.agentA.name] }),
    }),
  },
  'POST /api/supervisor/agents/:id/pause': {
    path: (w) => `/api/supervisor/agents/${w.users.agentA.id}/pause`,
    expect: only({
      supervisorX: ok(200, { sees: (w) => [w.users.agentA.id, 'paused by supervisor'] }),
      supervisorOther: 404,
      admin: ok(200, { sees: (w) => [w.users.agentA.id, 'paused by supervisor'] }),
    }),
    after: (w) => w.restorePresence(),
  },
  'POST /api/supervisor/agents/:id/logout': {
    path: (w) => `/api/supervisor/agents/${w.users.agentA.id}/logout`,
    expect: only({
      // Answered work stays the agent's: A's interaction is listed as kept.
      supervisorX: ok(200, { sees: (w) => [w.users.agentA.id, '"offline"', w.interactionA] }),
      supervisorOther: 404,
      admin: ok(200, { sees: (w) => [w.users.agentA.id, '"offline"', w.interactionA] }),
    }),
    after: (w) => w.restorePresence(),
  },
  'GET /api/audit': {
    path: () => '/api/audit',
    expect: only({ admin: ok(200, { sees: (w) => [w.users.supervisorX.id, w.users.agentA.id] }) }),
  },
  'GET /api/recordings': {
    path: () => '/api/recordings',
    expect: only({
      agentA: ok(200, {
        sees: (w) => [w.interactionA, w.canary],
        hides: (w) => [w.interactionB, w.interactionY],
      }),
      agentB: ok(200, {
        sees: (w) => [w.interactionB],
        hides: (w) => [...ofAOrX(w).slice(0, 3), w.interactionY],
      }),
      supervisorX: ok(200, { sees: (w) => [w.interactionA, w.interactionB], hides: (w) => [w.interactionY] }),
      supervisorOther: ok(200, {
        sees: (w) => [w.interactionY],
        hides: (w) => [...ofAOrX(w), w.interactionB],
      }),
      admin: ok(200, { sees: (w) => [w.interactionA, w.interactionB, w.interactionY] }),
    }),
  },
  'GET /api/recordings/count': {
    path: () => '/api/recordings/count',
    expect: only({
      agentA: ok(200, { check: total('some') }),
      agentB: ok(200, { check: total(1) }),
      supervisorX: ok(200, { check: total('some') }),
      supervisorOther: ok(200, { check: total(1) }),
      admin: ok(200, { check: total('some') }),
    }),
  },
  'GET /api/recordings/export.csv': {
    path: () => '/api/recordings/export.csv',
    expect: only({
      agentA: ok(200, { sees: (w) => [w.interactionA, w.canary], check: csvTotal('some') }),
      agentB: ok(200, {
        sees: (w) => [w.interactionB],
        hides: (w) => [...ofAOrX(w).slice(0, 3), w.interactionY],
        check: csvTotal(1),
      }),
      supervisorX: ok(200, { sees: (w) => [w.interactionA, w.interactionB], hides: (w) => [w.interactionY] }),
      supervisorOther: ok(200, {
        sees: (w) => [w.interactionY],
        hides: (w) => [...ofAOrX(w).slice(0, 3), w.interactionB],
        check: csvTotal(1),
      }),
      admin: ok(200, { sees: (w) => [w.interactionA, w.interactionY] }),
    }),
  },
  'GET /api/recordings/:id': {
    path: (w) => `/api/recordings/${w.interactionA}`,
    expect: only({
      agentA: ok(200, { sees: (w) => [w.interactionA, w.canary] }),
      agentB: 404,
      supervisorX: ok(200, { sees: (w) => [w.interactionA, w.canary] }),
      supervisorOther: 404,
      admin: ok(200, { sees: (w) => [w.interactionA, w.canary] }),
    }),
  },
};
