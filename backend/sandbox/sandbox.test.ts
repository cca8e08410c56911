import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from './sandbox.ts';
import { APP_ID, APP_SECRET, hookBody, type Json, REDIRECT_URI, startReceiver } from './sandbox-test-kit.ts';
import { appsecretProof } from './signatures.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

describe('startSandbox', () => {
  it('serves the whole flow over real HTTP: login, subscribe, a customer comment, the signed webhook', async () => {
    const hook = await startReceiver();
    closers.push(hook.close);
    const running = await startSandbox({
      port: 0,
      appId: APP_ID,
      appSecret: APP_SECRET,
      verifyToken: 'v',
      webhookUrl: hook.url,
      delivery: { batchWindowMs: 5 },
    });
    closers.push(running.stop);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const json = async (path: string, init?: RequestInit) => {
      const res = await fetch(`${running.url}${path}`, init);
      return { status: res.status, body: (await res.json()) as Json };
    };
    const post = (path: string, body: unknown) =>
      json(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    await post('/_sandbox/pages', { name: 'HTTP Page' });
    const dialog = await fetch(
      `${running.url}/v25.0/dialog/oauth?${new URLSearchParams({
        client_id: APP_ID,
        redirect_uri: REDIRECT_URI,
        scope: 'pages_show_list,pages_manage_metadata,pages_read_engagement',
        sandbox_auto: '1',
      })}`,
      { redirect: 'manual' },
    );
    expect(dialog.status).toBe(302);
    const code = new URL(dialog.headers.get('location')!).searchParams.get('code')!;
    const short = await json(
      `/v25.0/oauth/access_token?${new URLSearchParams({ client_id: APP_ID, client_secret: APP_SECRET, redirect_uri: REDIRECT_URI, code })}`,
    );
    const userToken: string = short.body.access_token;
    const accounts = await json(
      `/v25.0/me/accounts?access_token=${userToken}&appsecret_proof=${appsecretProof(APP_SECRET, userToken)}`,
    );
    const page: { id: string; access_token: string } = accounts.body.data[0];
    // Paging links point at the listening URL when no publicUrl was given.
    expect(running.sandbox.config.publicUrl).toBe(running.url);

    const proof = appsecretProof(APP_SECRET, page.access_token);
    const sub = await json(
      `/v25.0/${page.id}/subscribed_apps?access_token=${page.access_token}&appsecret_proof=${proof}`,
      {
        method: 'POST',
        body: new URLSearchParams({ subscribed_fields: 'feed' }),
      },
    );
    expect(sub.body).toEqual({ success: true });

    const created = await post(`/_sandbox/pages/${page.id}/posts`, { message: 'post' });
    await post(`/_sandbox/posts/${created.body.id}/comments`, { customer: { name: 'Ann' }, message: 'hi' });
    await running.sandbox.deliveryIdle();
    const values = hook.received.flatMap((r) =>
      hookBody(r).entry[0].changes.map((c: { value: unknown }) => c.value),
    );
    expect(values.map((v: { item: string }) => v.item)).toEqual(['status', 'comment']);
  });
});
