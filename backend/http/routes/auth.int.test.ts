import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function login(email: string, password: string) {
  return t.call('POST', '/api/auth/login', { body: { email, password } });
}

describe('POST /api/auth/login', () => {
  it('returns a token and the user for the right password, case-insensitively on the email', async () => {
    const { user } = await t.userWithSession('agent', 'Ana Agent');
    const res = await login(user.email.toUpperCase(), 'correct horse battery');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ id: user.id, name: 'Ana Agent', role: 'agent', active: true });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const me = await t.call('GET', '/api/me', { token: body.token });
    expect((await me.json()).user.id).toBe(user.id);
  });

  it('answers a wrong password and an unknown email identically with 401', async () => {
    const { user } = await t.userWithSession('agent');
    const wrong = await login(user.email, 'not the password');
    const unknown = await login('nobody@example.test', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [(await wrong.json()).error, (await unknown.json()).error];
    expect(a.code).toBe('INVALID_CREDENTIALS');
    expect(b.code).toBe(a.code);
    expect(b.message).toBe(a.message);
  });

  it('stores only a hash of the session token', async () => {
    const { user } = await t.userWithSession('agent');
    const { token } = await (await login(user.email, 'correct horse battery')).json();
    const rows = await t.store.withSession((s) =>
      s.query<{ token_hash: string }>('select token_hash from sessions'),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('throttles an account after 10 failures in 15 minutes, even with the right password', async () => {
    const { user } = await t.userWithSession('agent');
    for (let i = 0; i < 10; i++) expect((await login(user.email, `wrong ${i}`)).status).toBe(401);
    const blocked = await login(user.email, 'correct horse battery');
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error.code).toBe('RATE_LIMITED');
    // Another account is not affected.
    const other = await t.userWithSession('agent');
    expect((await login(other.user.email, 'correct horse battery')).status).toBe(200);
  });

  it('counts only failures inside the window', async () => {
    const { user } = await t.userWithSession('agent');
    const old = new Date(Date.now() - 16 * 60_000).toISOString();
    await t.store.withSession((s) =>
      s.query(
        `insert into login_failures (email, at) select $1, $2::timestamptz from generate_series(1, 12)`,
        [user.email, old],
      ),
    );
    expect((await login(user.email, 'correct horse battery')).status).toBe(200);
  });
});

describe('sessions', () => {
  it('logout ends the session', async () => {
    const { token } = await t.userWithSession('supervisor');
    expect((await t.call('POST', '/api/auth/logout', { token })).status).toBe(200);
    const me = await t.call('GET', '/api/me', { token });
    expect(me.status).toBe(401);
    expect((await me.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('rejects an expired session', async () => {
    const { token, user } = await t.userWithSession('agent');
    await t.store.withSession((s) =>
      s.query(`update sessions set expires_at = now() - interval '1 second' where user_id = $1`, [user.id]),
    );
    expect((await t.call('GET', '/api/me', { token })).status).toBe(401);
  });

  it('rejects malformed and unknown bearer tokens with the envelope', async () => {
    for (const token of ['x', 'A'.repeat(43), '../../etc/passwd']) {
      const res = await t.call('GET', '/api/me', { token });
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
    }
  });
});
