import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ CORS_ORIGINS: 'https://console.example.com' });
});
afterAll(() => t.close());

function preflight(origin: string) {
  return t.app.request('/api/me', {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
    },
  });
}

describe('CORS', () => {
  it('admits the extension origins and configured ones', async () => {
    for (const origin of [
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      'moz-extension://0b0e1a4c-8f83-4bb6-9d7c-1f0c1c1c1c1c',
      'https://console.example.com',
    ]) {
      const res = await preflight(origin);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    }
  });

  it('refuses any other origin, facebook.com included', async () => {
    for (const origin of ['https://www.facebook.com', 'https://evil.example', 'null']) {
      const res = await preflight(origin);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('structured logs', () => {
  it('writes one JSON line per request with its request id, and never the password', async () => {
    t.logs.length = 0;
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'test-req-0001' },
      body: JSON.stringify({ email: 'x@example.test', password: 'hunter2-secret-value' }),
    });
    expect(res.headers.get('x-request-id')).toBe('test-req-0001');
    const lines = t.logs.map((l) => JSON.parse(l));
    const request = lines.find((l) => l.msg === 'request');
    expect(request).toMatchObject({ level: 'info', requestId: 'test-req-0001', method: 'POST', status: 401 });
    expect(t.logs.join('')).not.toContain('hunter2-secret-value');
  });

  it('logs an unexpected error with the request id and answers 500 with the envelope', async () => {
    t.logs.length = 0;
    // Break the database under the app: a genuine infrastructure failure.
    const broken = await import('../harness/test-app.ts').then((m) => m.createTestApp());
    await broken.store.close();
    const { token } = { token: 'A'.repeat(43) };
    const res = await broken.call('GET', '/api/me', { token });
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
    const error = broken.logs.map((l) => JSON.parse(l)).find((l) => l.level === 'error');
    expect(error.requestId).toBe(body.error.requestId);
  });
});
