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
  REDIRECT_URI,
} from './sandbox-test-kit.ts';

const dialogQuery = (extra: Record<string, string> = {}) =>
  new URLSearchParams({
    client_id: APP_ID,
    redirect_uri: REDIRECT_URI,
    state: 'csrf-123',
    response_type: 'code',
    scope: INBOX_SCOPES.join(','),
    ...extra,
  });

async function submitDialog(
  sb: ReturnType<typeof makeSandbox>['sb'],
  fields: { action: string; scopes: string[]; pageIds: string[] },
) {
  const form = new URLSearchParams({
    client_id: APP_ID,
    redirect_uri: REDIRECT_URI,
    state: 'csrf-123',
    response_type: 'code',
    scope: INBOX_SCOPES.join(','),
    action: fields.action,
  });
  for (const s of fields.scopes) form.append('granted_scopes', s);
  for (const id of fields.pageIds) form.append('page_ids', id);
  const res = await sb.app.request('/v25.0/dialog/oauth', { method: 'POST', body: form });
  return new URL(res.headers.get('location') ?? 'http://missing/');
}

describe('login dialog', () => {
  it('lists every requested permission and managed Page as ticked checkboxes, with names escaped', async () => {
    const { sb } = makeSandbox();
    await control(sb, 'POST', '/pages', { name: 'Shop <b>&</b> "Co"' });
    const res = await sb.app.request(`/v25.0/dialog/oauth?${dialogQuery()}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const scope of INBOX_SCOPES) {
      expect(html).toContain(`name="granted_scopes" value="${scope}" checked`);
    }
    expect(html).toContain('Shop &#60;b&#62;&#38;&#60;/b&#62; &#34;Co&#34;');
    expect(html).not.toContain('<b>&</b>');
    expect(html).toMatch(/name="page_ids" value="\d{15}" checked/);
    expect(html).toContain('value="continue"');
    expect(html).toContain('value="cancel"');
  });

  it('refuses an unknown client_id with an error page', async () => {
    const { sb } = makeSandbox();
    const res = await sb.app.request(`/v25.0/dialog/oauth?${dialogQuery({ client_id: '999' })}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Invalid App ID');
  });

  it("redirects a Cancel to redirect_uri with Meta's access_denied parameters and the state", async () => {
    const { sb } = makeSandbox();
    const location = await submitDialog(sb, { action: 'cancel', scopes: [], pageIds: [] });
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: 'access_denied',
      error_code: '200',
      error_description: 'Permissions error',
      error_reason: 'user_denied',
      state: 'csrf-123',
    });
    expect(location.search).toContain('error_description=Permissions+error');
  });
});

describe('dialog → code → short-lived → long-lived → /me/accounts → debug_token', () => {
  it('lists only the Pages ticked in the dialog and reports them as granular target_ids', async () => {
    const { sb, time } = makeSandbox();
    const kept = await control(sb, 'POST', '/pages', { name: 'Kept Page' });
    const unticked = await control(sb, 'POST', '/pages', { name: 'Unticked Page' });

    const location = await submitDialog(sb, {
      action: 'continue',
      scopes: INBOX_SCOPES.filter((s) => s !== 'pages_manage_engagement'),
      pageIds: [kept.body.id],
    });
    expect(location.searchParams.get('state')).toBe('csrf-123');
    const code = location.searchParams.get('code')!;
    expect(code.length).toBeGreaterThan(50);

    const short = await graph(sb, 'GET', '/v25.0/oauth/access_token', {
      query: { client_id: APP_ID, client_secret: APP_SECRET, redirect_uri: REDIRECT_URI, code },
    });
    expect(short.status).toBe(200);
    expect(short.body).toEqual({
      access_token: expect.stringMatching(/^EAAG\w{100,}$/),
      token_type: 'bearer',
      expires_in: 7200,
    });

    const long = await graph(sb, 'GET', '/v25.0/oauth/access_token', {
      query: {
        grant_type: 'fb_exchange_token',
        client_id: APP_ID,
        client_secret: APP_SECRET,
        fb_exchange_token: short.body.access_token,
      },
    });
    expect(long.body).toEqual({
      access_token: expect.stringMatching(/^EAAG/),
      token_type: 'bearer',
      expires_in: 5183944,
    });
    const userToken: string = long.body.access_token;
    expect(userToken).not.toBe(short.body.access_token);

    const accounts = await graph(sb, 'GET', '/v25.0/me/accounts', { token: userToken });
    expect(accounts.status).toBe(200);
    expect(accounts.body.data).toHaveLength(1);
    const [entry] = accounts.body.data;
    expect(Object.keys(entry)).toEqual(['access_token', 'category', 'category_list', 'name', 'id', 'tasks']);
    expect(entry).toMatchObject({
      id: kept.body.id,
      name: 'Kept Page',
      tasks: expect.arrayContaining(['MESSAGING', 'MODERATE']),
    });
    expect(accounts.body.data.map((p: { id: string }) => p.id)).not.toContain(unticked.body.id);

    const appToken = `${APP_ID}|${APP_SECRET}`;
    const userDebug = await graph(sb, 'GET', '/v25.0/debug_token', {
      query: { input_token: userToken, access_token: appToken },
    });
    expect(userDebug.body.data).toMatchObject({
      app_id: APP_ID,
      type: 'USER',
      is_valid: true,
      expires_at: Math.floor(time.ms / 1000) + 5183944,
      user_id: sb.state.defaultAdmin.id,
    });
    expect(userDebug.body.data.scopes).toEqual(expect.arrayContaining(['public_profile', 'pages_messaging']));
    expect(userDebug.body.data.scopes).not.toContain('pages_manage_engagement');
    expect(userDebug.body.data.granular_scopes).toContainEqual({
      scope: 'pages_messaging',
      target_ids: [kept.body.id],
    });

    const pageDebug = await graph(sb, 'GET', '/v25.0/debug_token', {
      query: { input_token: entry.access_token, access_token: appToken },
    });
    expect(pageDebug.body.data).toMatchObject({
      type: 'PAGE',
      is_valid: true,
      expires_at: 0,
      profile_id: kept.body.id,
    });
  });

  it("makes codes single-use and bound to the dialog's redirect_uri", async () => {
    const { sb } = makeSandbox();
    const code = await autoLoginCode(sb);
    const exchange = (redirect: string) =>
      graph(sb, 'GET', '/v25.0/oauth/access_token', {
        query: { client_id: APP_ID, client_secret: APP_SECRET, redirect_uri: redirect, code },
      });
    const wrongRedirect = await exchange('http://127.0.0.1:8787/other');
    expect(wrongRedirect.status).toBe(400);
    expect(wrongRedirect.body.error).toMatchObject({
      type: 'OAuthException',
      code: 100,
      error_subcode: 36008,
    });
    expect((await exchange(REDIRECT_URI)).status).toBe(200);
    const again = await exchange(REDIRECT_URI);
    expect(again.body.error).toMatchObject({
      code: 100,
      error_subcode: 36009,
      message: 'This authorization code has been used.',
    });
    expect(again.body.error.fbtrace_id).toMatch(/^[\w-]{20,}$/);
  });

  it('expires codes after ten minutes and short-lived tokens after two hours', async () => {
    const { sb, time } = makeSandbox();
    const stale = await autoLoginCode(sb);
    time.advance(10 * 60 * 1000 + 1);
    const late = await graph(sb, 'GET', '/oauth/access_token', {
      query: { client_id: APP_ID, client_secret: APP_SECRET, redirect_uri: REDIRECT_URI, code: stale },
    });
    expect(late.body.error).toMatchObject({ code: 100, error_subcode: 36007 });

    const code = await autoLoginCode(sb);
    const short = await graph(sb, 'GET', '/oauth/access_token', {
      query: { client_id: APP_ID, client_secret: APP_SECRET, redirect_uri: REDIRECT_URI, code },
    });
    time.advance(2 * 60 * 60 * 1000);
    const me = await graph(sb, 'GET', '/v25.0/me', { token: short.body.access_token });
    expect(me.body.error).toMatchObject({ code: 190, error_subcode: 463 });
    const exchange = await graph(sb, 'GET', '/oauth/access_token', {
      query: {
        grant_type: 'fb_exchange_token',
        client_id: APP_ID,
        client_secret: APP_SECRET,
        fb_exchange_token: short.body.access_token,
      },
    });
    expect(exchange.body.error).toMatchObject({ code: 190, error_subcode: 463 });
  });

  it('rejects a wrong client_secret with code 1', async () => {
    const { sb } = makeSandbox();
    const code = await autoLoginCode(sb);
    const res = await graph(sb, 'GET', '/oauth/access_token', {
      query: { client_id: APP_ID, client_secret: 'nope', redirect_uri: REDIRECT_URI, code },
    });
    expect(res.body.error).toMatchObject({
      type: 'OAuthException',
      code: 1,
      message: 'Error validating client secret.',
    });
  });

  it('pages /me/accounts with limit and cursors, and the next link repeats the request', async () => {
    const { sb } = makeSandbox();
    for (const name of ['A', 'B', 'C']) await control(sb, 'POST', '/pages', { name });
    const token = await longLivedToken(sb, await autoLoginCode(sb));
    const first = await graph(sb, 'GET', '/v25.0/me/accounts', {
      token,
      query: { limit: '2', fields: 'id,name' },
    });
    expect(first.body.data.map((p: { name: string }) => p.name)).toEqual(['A', 'B']);
    expect(Object.keys(first.body.data[0])).toEqual(['name', 'id']);
    const next = new URL(first.body.paging.next);
    expect(next.origin).toBe('http://sandbox.test');
    expect(next.pathname).toBe('/v25.0/me/accounts');
    const second = await graph(sb, 'GET', `${next.pathname}${next.search}`);
    expect(second.body.data.map((p: { name: string }) => p.name)).toEqual(['C']);
    expect(second.body.paging.next).toBeUndefined();
    expect(second.body.paging.cursors.after).toEqual(expect.any(String));
  });

  it('answers /me for the user token and for a Page token', async () => {
    const { sb } = makeSandbox();
    const page = await control(sb, 'POST', '/pages', { name: 'Me Page' });
    const token = await longLivedToken(sb, await autoLoginCode(sb));
    expect((await graph(sb, 'GET', '/me', { token })).body).toEqual({
      name: 'Sandbox Admin',
      id: sb.state.defaultAdmin.id,
    });
    expect((await graph(sb, 'GET', '/v19.0/me', { token: page.body.access_token })).body).toEqual({
      name: 'Me Page',
      id: page.body.id,
    });
  });
});
