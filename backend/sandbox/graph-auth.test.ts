import { describe, expect, it } from 'vitest';
import {
  APP_ID,
  APP_SECRET,
  autoLoginCode,
  control,
  graph,
  INBOX_SCOPES,
  longLivedToken,
  makeSandbox,
  pageWith,
} from './sandbox-test-kit.ts';

const APP_TOKEN = `${APP_ID}|${APP_SECRET}`;

describe('appsecret_proof', () => {
  it('refuses a call without it with GraphMethodException 100', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    const res = await graph(sb, 'GET', `/v25.0/${page.id}`, { token: page.token, proof: false });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      message: 'API calls from the server require appsecret_proof argument',
      type: 'GraphMethodException',
      code: 100,
    });
    expect(res.body.error.fbtrace_id).toEqual(expect.any(String));
  });

  it('refuses a proof made with another secret or for another token', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    const res = await graph(sb, 'GET', `/v25.0/${page.id}`, { token: page.token, proof: 'ab'.repeat(32) });
    expect(res.body.error).toMatchObject({
      code: 100,
      message: 'Invalid appsecret_proof provided in the API argument',
    });
  });

  it('accepts the right proof, in the query or with the token in an Authorization header', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    expect((await graph(sb, 'GET', `/v25.0/${page.id}`, { token: page.token })).body).toEqual({
      name: 'P',
      id: page.id,
    });
    const { appsecretProof } = await import('./signatures.ts');
    const res = await sb.app.request(
      `/v25.0/${page.id}?appsecret_proof=${appsecretProof(APP_SECRET, page.token)}`,
      {
        headers: { authorization: `Bearer ${page.token}` },
      },
    );
    expect(res.status).toBe(200);
  });

  it('asks for a token when there is none, and cannot parse one it never issued', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    expect((await graph(sb, 'GET', `/v25.0/${page.id}`)).body.error.code).toBe(104);
    const bogus = await graph(sb, 'GET', `/v25.0/${page.id}`, { token: 'EAAGnotatoken' });
    expect(bogus.body.error).toMatchObject({ code: 190, type: 'OAuthException' });
    expect(bogus.headers.get('www-authenticate')).toContain('invalid_token');
  });
});

describe('token invalidation', () => {
  it('answers 190/460 on every call and is_valid:false in debug_token after a password change', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P', ['feed']);
    const userToken = await longLivedToken(sb, await autoLoginCode(sb));
    const accounts = await graph(sb, 'GET', '/v25.0/me/accounts', { token: userToken });
    const loginPageToken: string = accounts.body.data[0].access_token;

    const inv = await control(sb, 'POST', `/pages/${page.id}/invalidate`, { subcode: 460 });
    // The control-made Page token, the short- and long-lived user tokens, and the Page token from /me/accounts.
    expect(inv.body.invalidated).toBe(4);

    for (const token of [page.token, loginPageToken, userToken]) {
      const res = await graph(sb, 'GET', '/v25.0/me', { token });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        type: 'OAuthException',
        code: 190,
        error_subcode: 460,
        message: expect.stringContaining(
          'The session has been invalidated because the user changed their password',
        ),
      });
    }
    const debug = await graph(sb, 'GET', '/debug_token', {
      query: { input_token: loginPageToken, access_token: APP_TOKEN },
    });
    expect(debug.body.data).toMatchObject({
      is_valid: false,
      type: 'PAGE',
      error: { code: 190, subcode: 460 },
    });

    // Inbound keeps flowing after a password change (FACEBOOK-PLATFORM.md §4.5): the control API still works.
    const post = await control(sb, 'POST', `/pages/${page.id}/posts`, { message: 'still here' });
    expect(post.status).toBe(201);

    // Logging in again yields working tokens.
    const fresh = await longLivedToken(sb, await autoLoginCode(sb));
    expect((await graph(sb, 'GET', '/v25.0/me', { token: fresh })).status).toBe(200);
  });

  it('kills Page tokens of a Page the admin unticks on a new login', async () => {
    const { sb } = makeSandbox();
    await pageWith(sb, 'A');
    const first = await longLivedToken(sb, await autoLoginCode(sb));
    const pageToken: string = (await graph(sb, 'GET', '/me/accounts', { token: first })).body.data[0]
      .access_token;
    // Log in again with no Page ticked (Meta's granular Page picker).
    await sb.app.request('/v25.0/dialog/oauth', {
      method: 'POST',
      body: new URLSearchParams({
        client_id: APP_ID,
        redirect_uri: 'http://127.0.0.1:8787/cb',
        scope: INBOX_SCOPES.join(','),
        action: 'continue',
        granted_scopes: 'pages_show_list',
      }),
    });
    const res = await graph(sb, 'GET', '/v25.0/me', { token: pageToken });
    expect(res.body.error.code).toBe(190);
    expect(res.body.error.message).toContain("must be granted before impersonating a user's page");
    expect((await graph(sb, 'GET', '/me/accounts', { token: first })).body).toEqual({ data: [] });
  });

  it('treats 458 as the app removed: the grant is gone until the next login', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    const token = await longLivedToken(sb, await autoLoginCode(sb));
    await control(sb, 'POST', `/pages/${page.id}/invalidate`, { subcode: 458 });
    const res = await graph(sb, 'GET', '/me', { token });
    expect(res.body.error).toMatchObject({ code: 190, error_subcode: 458 });
    const state = await control(sb, 'GET', '/state');
    expect(state.body.grants).toEqual([]);
  });
});

describe('permissions', () => {
  it('needs pages_messaging for the Send API (230) when the admin did not grant it', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    const token = await longLivedToken(
      sb,
      await autoLoginCode(
        sb,
        INBOX_SCOPES.filter((s) => s !== 'pages_messaging'),
      ),
    );
    const pageToken = (await graph(sb, 'GET', '/me/accounts', { token })).body.data[0].access_token;
    const res = await graph(sb, 'POST', `/v25.0/${page.id}/messages`, {
      token: pageToken,
      json: { recipient: { id: '1' }, message: { text: 'x' } },
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: 230,
      message: '(#230) Requires pages_messaging permission to manage the object',
    });
  });

  it('needs a Page token, not a user token, to write as the Page (210)', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    const token = await longLivedToken(sb, await autoLoginCode(sb));
    const res = await graph(sb, 'POST', `/v25.0/${page.id}/messages`, { token, json: {} });
    expect(res.body.error.code).toBe(210);
  });

  it("answers debug_token only to this app's credentials", async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    const wrong = await graph(sb, 'GET', '/debug_token', {
      query: { input_token: page.token, access_token: `${APP_ID}|wrongsecret` },
    });
    expect(wrong.body.error.code).toBe(190);
    const garbage = await graph(sb, 'GET', '/debug_token', {
      query: { input_token: 'nope', access_token: APP_TOKEN },
    });
    expect(garbage.body.data).toMatchObject({ is_valid: false, error: { code: 190 } });
  });
});
