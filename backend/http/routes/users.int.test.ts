import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.ts';

let t: TestApp;
let admin: string;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp();
  const a = await t.userWithSession('admin', 'Root Admin');
  admin = a.token;
  adminId = a.user.id;
});
afterAll(() => t.close());

const newUser = (email: string, extra: object = {}) => ({
  email,
  name: 'Carla Agent',
  role: 'agent',
  password: 'a long enough password',
  ...extra,
});

describe('admin manages users', () => {
  it('creates an agent who can then log in, and lists it', async () => {
    const res = await t.call('POST', '/api/users', { token: admin, body: newUser('Carla@Example.test') });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ email: 'carla@example.test', role: 'agent', active: true });
    const list = await (await t.call('GET', '/api/users', { token: admin })).json();
    expect(list.users.map((u: { email: string }) => u.email)).toContain('carla@example.test');
    const login = await t.call('POST', '/api/auth/login', {
      body: { email: 'carla@example.test', password: 'a long enough password' },
    });
    expect(login.status).toBe(200);
  });

  it('stores a name spelling NUL or a lone surrogate as U+FFFD rather than failing with a 500', async () => {
    const raw = JSON.stringify(newUser('odd@example.test')).replace('Carla Agent', 'Carla\\u0000\\ud800');
    const res = await t.call('POST', '/api/users', { token: admin, raw });
    expect(res.status).toBe(201);
    expect((await res.json()).name).toBe('Carla\uFFFD\uFFFD');
  });

  it('refuses a second user with the same email, naming the field', async () => {
    await t.call('POST', '/api/users', { token: admin, body: newUser('dup@example.test') });
    const res = await t.call('POST', '/api/users', { token: admin, body: newUser('DUP@example.test') });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe('CONFLICT');
    expect(body.error.fields[0].path).toBe('body.email');
  });

  it('changes the role', async () => {
    const { id } = await (
      await t.call('POST', '/api/users', { token: admin, body: newUser('r@example.test') })
    ).json();
    const res = await t.call('PATCH', `/api/users/${id}`, { token: admin, body: { role: 'supervisor' } });
    expect(res.status).toBe(200);
    expect((await res.json()).role).toBe('supervisor');
  });

  it('a role change applies to a session already in use, at once', async () => {
    const { user, token } = await t.userWithSession('agent');
    expect((await (await t.call('GET', '/api/me', { token })).json()).user.role).toBe('agent');
    expect((await t.call('GET', '/api/supervisor/board', { token })).status).toBe(403);
    await t.call('PATCH', `/api/users/${user.id}`, { token: admin, body: { role: 'supervisor' } });
    expect((await (await t.call('GET', '/api/me', { token })).json()).user.role).toBe('supervisor');
    expect((await t.call('GET', '/api/supervisor/board', { token })).status).toBe(200);
  });

  it('deactivating a user ends their sessions at once and blocks new logins', async () => {
    const { user, token } = await t.userWithSession('agent');
    expect((await t.call('GET', '/api/me', { token })).status).toBe(200);
    const res = await t.call('PATCH', `/api/users/${user.id}`, { token: admin, body: { active: false } });
    expect((await res.json()).active).toBe(false);
    expect((await t.call('GET', '/api/me', { token })).status).toBe(401);
    const login = await t.call('POST', '/api/auth/login', {
      body: { email: user.email, password: 'correct horse battery' },
    });
    expect(login.status).toBe(401);
  });

  it('resetting a password ends old sessions and the new password works', async () => {
    const { user, token } = await t.userWithSession('agent');
    const res = await t.call('PATCH', `/api/users/${user.id}`, {
      token: admin,
      body: { password: 'brand new password' },
    });
    expect(res.status).toBe(200);
    expect((await t.call('GET', '/api/me', { token })).status).toBe(401);
    const login = await t.call('POST', '/api/auth/login', {
      body: { email: user.email, password: 'brand new password' },
    });
    expect(login.status).toBe(200);
  });

  it('never lets the last active admin go, nor an admin lock themself out', async () => {
    const self = await t.call('PATCH', `/api/users/${adminId}`, { token: admin, body: { role: 'agent' } });
    expect(self.status).toBe(409);
    const other = await t.userWithSession('admin');
    // With two admins, one may demote the other...
    const demote = await t.call('PATCH', `/api/users/${other.user.id}`, {
      token: admin,
      body: { active: false },
    });
    expect(demote.status).toBe(200);
    // ...and the remaining one still cannot remove themself.
    const again = await t.call('PATCH', `/api/users/${adminId}`, { token: admin, body: { active: false } });
    expect(again.status).toBe(409);
  });

  it('answers 404 for an unknown user id', async () => {
    const res = await t.call('PATCH', '/api/users/00000000-0000-4000-8000-000000000000', {
      token: admin,
      body: { name: 'X' },
    });
    expect(res.status).toBe(404);
  });
});

describe('bad input never gets a 500', () => {
  const cases: [string, { raw?: string; body?: unknown }, number, string][] = [
    ['malformed JSON', { raw: '{"email": ' }, 400, 'INVALID_JSON'],
    ['a JSON array', { body: [1, 2] }, 400, 'BAD_REQUEST'],
    ['wrong types', { body: { email: 5, name: [], role: 'agent', password: true } }, 400, 'BAD_REQUEST'],
    ['an unknown role', { body: newUser('x1@example.test', { role: 'god' }) }, 400, 'BAD_REQUEST'],
    ['unknown fields', { body: newUser('x2@example.test', { isAdmin: true }) }, 400, 'BAD_REQUEST'],
    ['a short password', { body: newUser('x3@example.test', { password: 'short' }) }, 400, 'BAD_REQUEST'],
    ['a bad email', { body: newUser('not-an-email') }, 400, 'BAD_REQUEST'],
    [
      'an oversize body',
      { raw: JSON.stringify(newUser('x4@example.test', { name: 'x'.repeat(2_000_000) })) },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ];
  for (const [what, input, status, code] of cases) {
    it(`answers ${status} ${code} for ${what}`, async () => {
      const res = await t.call('POST', '/api/users', { token: admin, ...input });
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(0);
    });
  }

  it('names the unknown field in the message', async () => {
    const res = await t.call('POST', '/api/users', {
      token: admin,
      body: newUser('x5@example.test', { isAdmin: true }),
    });
    expect((await res.json()).error.message).toContain('isAdmin');
  });

  it('rejects a non-JSON content type with 415', async () => {
    const res = await t.app.request('/api/users', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(res.status).toBe(415);
  });

  it('rejects a path id that is not a uuid with 400', async () => {
    const res = await t.call('PATCH', '/api/users/1%20or%201=1', { token: admin, body: { name: 'x' } });
    expect(res.status).toBe(400);
  });

  it('keeps nothing of a rejected create', async () => {
    await t.call('POST', '/api/users', {
      token: admin,
      body: newUser('ghost@example.test', { role: 'god' }),
    });
    const list = await (await t.call('GET', '/api/users', { token: admin })).json();
    expect(list.users.map((u: { email: string }) => u.email)).not.toContain('ghost@example.test');
  });

  it('answers an unknown route with the 404 envelope', async () => {
    const res = await t.call('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });
});
