import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { User } from '../../shared/api/users.ts';
import { SessionService } from './session-service.ts';
import { readSession } from './session-store.ts';

const ADA: User = {
  id: '6f1c4b9e-2c1d-4a59-8f0e-0d6b1f6d1c11',
  email: 'ada@example.test',
  name: 'Ada',
  role: 'agent',
  active: true,
  createdAt: '2026-11-24T00:00:00.000Z',
};

type Reply = { status: number; body: unknown } | 'network-error';

/** A fetch that answers from a script and records what was asked. */
function scriptedFetch(replies: Record<string, Reply>) {
  const calls: { method: string; url: string; auth: string | null; body: unknown }[] = [];
  const fetchImpl = (async (input: URL | RequestInfo, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    calls.push({
      method,
      url,
      auth: headers.get('authorization'),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
    const reply = replies[`${method} ${new URL(url).pathname}`];
    if (!reply || reply === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  return { fetchImpl, calls };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('SessionService', () => {
  it('logs in against the configured backend, keeps the token only in extension storage, and tells listeners', async () => {
    const { fetchImpl, calls } = scriptedFetch({
      'POST /api/auth/login': {
        status: 200,
        body: { token: 'tok_abcdefghijklmnopqrstuvwxyz', expiresAt: 'x', user: ADA },
      },
    });
    const service = new SessionService(fetchImpl);
    await service.setBackend('http://127.0.0.1:9999/ignored/path');
    const seen: unknown[] = [];
    service.onChange((s) => seen.push(s));
    const res = await service.login('ada@example.test', 'pw');
    expect(res).toEqual({ ok: true, value: { backendUrl: 'http://127.0.0.1:9999', user: ADA } });
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: 'http://127.0.0.1:9999/api/auth/login',
      auth: null,
    });
    expect((await readSession()).token).toBe('tok_abcdefghijklmnopqrstuvwxyz');
    // What pages receive never includes the token.
    expect(JSON.stringify(seen)).not.toContain('tok_');
  });

  it('returns the backend error as is on a wrong password', async () => {
    const { fetchImpl } = scriptedFetch({
      'POST /api/auth/login': {
        status: 401,
        body: {
          error: { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.', requestId: 'r1' },
        },
      },
    });
    const res = await new SessionService(fetchImpl).login('ada@example.test', 'bad');
    expect(res).toEqual({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' },
    });
  });

  it('says plainly when the backend cannot be reached', async () => {
    const { fetchImpl } = scriptedFetch({ 'POST /api/auth/login': 'network-error' });
    const res = await new SessionService(fetchImpl).login('a@b.c', 'x');
    expect(res.ok).toBe(false);
    if (!res.ok)
      expect(res.error).toMatchObject({
        code: 'NETWORK',
        message: expect.stringContaining('127.0.0.1:8787'),
      });
  });

  it('sends the bearer token on calls and drops a session the backend no longer knows', async () => {
    const { fetchImpl, calls } = scriptedFetch({
      'POST /api/auth/login': {
        status: 200,
        body: { token: 'tok_abcdefghijklmnopqrstuvwxyz', expiresAt: 'x', user: ADA },
      },
      'GET /api/users': {
        status: 401,
        body: { error: { code: 'UNAUTHENTICATED', message: 'Log in first.', requestId: 'r2' } },
      },
    });
    const service = new SessionService(fetchImpl);
    await service.login('ada@example.test', 'pw');
    const res = await service.call('GET', '/api/users');
    expect(calls[1]?.auth).toBe('Bearer tok_abcdefghijklmnopqrstuvwxyz');
    expect(res.ok).toBe(false);
    expect(await service.state()).toEqual({ backendUrl: 'http://127.0.0.1:8787', user: null });
  });

  it('refuses a backend URL that is not http(s), and changing backend logs out', async () => {
    const service = new SessionService(scriptedFetch({}).fetchImpl);
    expect((await service.setBackend('javascript:alert(1)')).ok).toBe(false);
    expect((await service.setBackend('ftp://x')).ok).toBe(false);
    const ok = await service.setBackend('https://pagedesk.example.com');
    expect(ok).toEqual({ ok: true, value: { backendUrl: 'https://pagedesk.example.com', user: null } });
  });

  it('knows the state at once after reading or writing it, for pages that connect', async () => {
    const { fetchImpl } = scriptedFetch({
      'POST /api/auth/login': {
        status: 200,
        body: { token: 'tok_abcdefghijklmnopqrstuvwxyz', expiresAt: 'x', user: ADA },
      },
    });
    const service = new SessionService(fetchImpl);
    expect(service.known()).toBeNull();
    await service.state();
    expect(service.known()).toEqual({ backendUrl: 'http://127.0.0.1:8787', user: null });
    await service.login('ada@example.test', 'pw');
    expect(service.known()).toEqual({ backendUrl: 'http://127.0.0.1:8787', user: ADA });
    await service.logout();
    expect(service.known()).toEqual({ backendUrl: 'http://127.0.0.1:8787', user: null });
  });
});
