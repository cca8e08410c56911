import { beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../../backend/http/routes/index.ts';
import { type Allowed, type Expect, REFUSAL_CODE, type Row, secretsOf } from './expectations.ts';
import { accountRows } from './routes-accounts.ts';
import { workRows } from './routes-work.ts';
import type { AuthzWorld, Caller } from './world.ts';

export const ROUTE_TABLE: Record<string, Row> = { ...accountRows, ...workRows };

/**
 * Intruders first, the resource's owner last: every refusal is tried while the resource is still
 * open (an offer not yet taken, an interaction not yet completed), then the owner's call succeeds.
 */
const RUN_ORDER: readonly Caller[] = [
  'anonymous',
  'agentB',
  'supervisorOther',
  'supervisorX',
  'admin',
  'agentA',
];

const key = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;
const describeExpect = (e: Expect) => (typeof e === 'number' ? `refused (${e})` : `allowed (${e.status})`);

/** Every route × every caller; `cell` wraps each check so the suite can count cells and leaks. */
export function routeMatrix(world: () => AuthzWorld, cell: (check: () => Promise<void>) => Promise<void>) {
  it('has a row for every route, and no stale ones', () => {
    expect(allRoutes.map(key).sort()).toEqual(Object.keys(ROUTE_TABLE).sort());
  });

  for (const route of allRoutes) {
    const routeKey = key(route);
    const row = ROUTE_TABLE[routeKey];
    if (!row) continue; // the test above names it
    describe(routeKey, () => {
      beforeAll(async () => {
        await row.prepare?.(world());
      });
      for (const caller of RUN_ORDER) {
        const expected = row.expect[caller];
        it(`as ${caller}: ${describeExpect(expected)}`, () =>
          cell(async () => {
            const w = world();
            const token = await w.token(caller);
            const extra = row.request?.(w) ?? {};
            const json = row.json?.(w, caller);
            const res = await w.t.app.request(row.path(w, caller), {
              method: route.method.toUpperCase(),
              headers: {
                ...(token ? { authorization: `Bearer ${token}` } : {}),
                ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
                ...extra.headers,
              },
              body: json !== undefined ? JSON.stringify(json) : extra.body,
            });
            const text = await res.text();
            if (typeof expected === 'number') {
              expect(res.status, text).toBe(expected);
              expect(JSON.parse(text).error.code).toBe(REFUSAL_CODE[expected]);
              for (const secret of secretsOf(w)) expect(text).not.toContain(secret);
              return;
            }
            await allowed(expected, { caller, status: res.status, res, text, token }, w);
            await row.after?.(w);
          }));
      }
    });
  }
}

async function allowed(e: Allowed, a: Parameters<NonNullable<Allowed['check']>>[0], w: AuthzWorld) {
  expect(a.status, a.text.slice(0, 300)).toBe(e.status);
  for (const s of e.sees?.(w, a.caller) ?? []) expect(a.text, `${a.caller} should see ${s}`).toContain(s);
  for (const s of e.hides?.(w) ?? []) expect(a.text, `${a.caller} must not see ${s}`).not.toContain(s);
  await e.check?.(a, w);
}
