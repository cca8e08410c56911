import { describe, expect, it } from 'vitest';
import { matches } from './faults.ts';
import { control, graph, makeSandbox, pageWith } from './sandbox-test-kit.ts';

describe('faults', () => {
  it("fails Graph calls with Meta's transient 500 for the duration, then recovers", async () => {
    const { sb, time } = makeSandbox();
    const page = await pageWith(sb, 'P');
    const res = await control(sb, 'POST', '/faults', { kind: '5xx', durationMs: 60_000 });
    expect(res.status).toBe(201);

    const failed = await graph(sb, 'GET', `/v25.0/${page.id}`, { token: page.token });
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({
      error: {
        message: 'An unexpected error has occurred. Please retry your request later.',
        type: 'OAuthException',
        is_transient: true,
        code: 2,
        fbtrace_id: expect.any(String),
      },
    });
    time.advance(59_999);
    expect((await graph(sb, 'GET', `/v25.0/${page.id}`, { token: page.token })).status).toBe(500);
    time.advance(1);
    expect((await graph(sb, 'GET', `/v25.0/${page.id}`, { token: page.token })).status).toBe(200);
  });

  it('throttles with 613 and an X-Business-Use-Case-Usage header naming the Page', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    await control(sb, 'POST', '/faults', { kind: '613', durationMs: 5 * 60_000 });
    const res = await graph(sb, 'POST', `/v25.0/${page.id}/messages`, { token: page.token, json: {} });
    expect(res.body.error).toMatchObject({ code: 613, type: 'OAuthException' });
    const usage = JSON.parse(res.headers.get('x-business-use-case-usage')!);
    expect(usage[page.id][0]).toMatchObject({ call_count: 100, estimated_time_to_regain_access: 5 });
  });

  it('limits a fault to matching paths: 1200 on sends only', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    await control(sb, 'POST', '/faults', { kind: '1200', durationMs: 60_000, paths: ['/*/messages'] });
    const send = await graph(sb, 'POST', `/v25.0/${page.id}/messages`, { token: page.token, json: {} });
    expect(send.body.error).toMatchObject({
      code: 1200,
      message: '(#1200) Temporary send message failure. Please try again later.',
    });
    expect((await graph(sb, 'GET', `/v25.0/${page.id}`, { token: page.token })).status).toBe(200);
  });

  it('adds latency, and DELETE /faults ends every fault at once', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    await control(sb, 'POST', '/faults', { kind: 'latency', durationMs: 60_000, latencyMs: 80 });
    const started = performance.now();
    expect((await graph(sb, 'GET', `/v25.0/${page.id}`, { token: page.token })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);

    await control(sb, 'POST', '/faults', { kind: '5xx', durationMs: 60_000 });
    await control(sb, 'DELETE', '/faults');
    expect((await control(sb, 'GET', '/faults')).body).toEqual([]);
    expect((await graph(sb, 'GET', `/v25.0/${page.id}`, { token: page.token })).status).toBe(200);
  });

  it('validates fault requests', async () => {
    const { sb } = makeSandbox();
    const res = await control(sb, 'POST', '/faults', { kind: '418', durationMs: 10 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('kind');
  });
});

describe('fault path patterns', () => {
  it('matches one segment with *, any depth with **, and the whole path only', () => {
    expect(matches('/*/messages', '/123/messages')).toBe(true);
    expect(matches('*/messages', '/123/messages')).toBe(true);
    expect(matches('/*/messages', '/123/message_attachments')).toBe(false);
    expect(matches('/me/accounts', '/me/accounts')).toBe(true);
    expect(matches('/me', '/me/accounts')).toBe(false);
    expect(matches('/**', '/a/b/c')).toBe(true);
    expect(matches('/oauth/access_token', '/oauth/access_token')).toBe(true);
  });
});
