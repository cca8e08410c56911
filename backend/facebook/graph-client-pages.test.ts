import { describe, expect, it } from 'vitest';
import { GraphError } from './graph-errors.ts';
import {
  fakeGraphClient,
  graphFixture,
  pathOf,
  proofFor,
  queryOf,
  TEST_APP_ID,
  TEST_APP_SECRET,
} from './graph-fakes.ts';

// The admin side of the client: login, Page tokens, token health, webhook subscription.

const PAGE_ID = '2121008874780932';

describe('dialogUrl', () => {
  it('builds the versioned login dialog with comma-joined scopes', () => {
    const { client } = fakeGraphClient(() => ({}));
    const url = new URL(
      client.dialogUrl({
        redirectUri: 'https://desk.example/api/facebook/callback',
        state: 'csrf-123',
        scopes: ['pages_show_list', 'pages_messaging'],
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://www.facebook.test/v25.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: TEST_APP_ID,
      redirect_uri: 'https://desk.example/api/facebook/callback',
      state: 'csrf-123',
      response_type: 'code',
      scope: 'pages_show_list,pages_messaging',
    });
  });
});

describe('token exchange', () => {
  it('trades the code with the app credentials and the same redirect URI', async () => {
    const { client, requests } = fakeGraphClient(() => ({
      body: { access_token: 'short', token_type: 'bearer', expires_in: 5400 },
    }));
    expect(await client.exchangeCode('the-code', 'https://desk.example/cb')).toEqual({
      accessToken: 'short',
      expiresIn: 5400,
    });
    expect(pathOf(requests[0]!)).toBe('/v25.0/oauth/access_token');
    expect(queryOf(requests[0]!)).toEqual({
      client_id: TEST_APP_ID,
      client_secret: TEST_APP_SECRET,
      redirect_uri: 'https://desk.example/cb',
      code: 'the-code',
    });
  });

  it('extends a short-lived token with fb_exchange_token', async () => {
    const { client, requests } = fakeGraphClient(() => ({
      body: graphFixture('graph-oauth-long-lived-token.json'),
    }));
    expect(await client.exchangeLongLived('short')).toEqual({ accessToken: 'token', expiresIn: 5184000 });
    expect(queryOf(requests[0]!)).toEqual({
      grant_type: 'fb_exchange_token',
      client_id: TEST_APP_ID,
      client_secret: TEST_APP_SECRET,
      fb_exchange_token: 'short',
    });
  });
});

describe('listPages', () => {
  it('reads the real /me/accounts sample', async () => {
    const { client, requests } = fakeGraphClient(() => ({ body: graphFixture('graph-me-accounts.json') }));
    expect(await client.listPages('user-token')).toEqual([
      {
        id: PAGE_ID,
        name: 'MyLife',
        accessToken: 'access_token',
        category: '相机/照片',
        tasks: ['ANALYZE', 'ADVERTISE', 'MESSAGING', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'],
      },
    ]);
    expect(pathOf(requests[0]!)).toBe('/v25.0/me/accounts');
    expect(queryOf(requests[0]!)).toEqual({
      fields: 'id,name,access_token,category,tasks',
      limit: '100',
      access_token: 'user-token',
      appsecret_proof: proofFor('user-token'),
    });
  });

  it('follows paging.next with the after cursor and keeps numeric 17-digit ids exact', async () => {
    const { client, requests } = fakeGraphClient((req) =>
      req.url.searchParams.get('after') === 'c1'
        ? {
            body: '{"data":[{"id":10000000000000002,"name":"B","access_token":"tb"}],"paging":{"cursors":{"after":"c2"}}}',
          }
        : {
            body: '{"data":[{"id":10000000000000001,"name":"A","access_token":"ta","tasks":["MESSAGING"]}],"paging":{"cursors":{"after":"c1"},"next":"https://graph.test/v25.0/me/accounts?after=c1"}}',
          },
    );
    const pages = await client.listPages('user-token');
    expect(pages.map((p) => [p.id, p.tasks])).toEqual([
      ['10000000000000001', ['MESSAGING']],
      ['10000000000000002', []],
    ]);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.url.searchParams.get('appsecret_proof')).toBe(proofFor('user-token'));
  });

  it('stops when Graph repeats a cursor, and after 20 pages at most', async () => {
    const page = (after: string) => ({
      body: {
        data: [],
        paging: { cursors: { after }, next: `https://graph.test/v25.0/me/accounts?after=${after}` },
      },
    });
    const looping = fakeGraphClient(() => page('same'));
    await looping.client.listPages('t');
    expect(looping.requests).toHaveLength(2);

    let n = 0;
    const endless = fakeGraphClient(() => page(`c${n++}`));
    await endless.client.listPages('t');
    expect(endless.requests).toHaveLength(20);
  });

  it('returns an empty list when the admin granted no Page', async () => {
    const { client } = fakeGraphClient(() => ({ body: { data: [] } }));
    expect(await client.listPages('t')).toEqual([]);
  });

  it('fails with a permanent GraphError when the answer has an unexpected shape', async () => {
    const { client } = fakeGraphClient(() => ({ body: { data: [{ id: '1', name: 'No token' }] } }));
    const error = await client.listPages('t').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ errorClass: 'permanent' });
    expect((error as GraphError).message).toContain('data.0.access_token');
  });
});

describe('debugToken', () => {
  it('inspects with the app token, signed like any other token', async () => {
    const { client, requests } = fakeGraphClient(() => ({ body: graphFixture('graph-debug-token.json') }));
    const info = await client.debugToken('page-token');
    expect(info).toEqual({
      isValid: true,
      type: 'USER',
      appId: 'appId',
      userId: 'userId',
      expiresAt: 1577347200,
      dataAccessExpiresAt: 1585040349,
      scopes: ['email', 'read_insights', 'manage_pages', 'pages_show_list', 'public_profile'],
      granularScopes: [{ scope: 'manage_pages' }, { scope: 'pages_show_list' }],
    });
    const appToken = `${TEST_APP_ID}|${TEST_APP_SECRET}`;
    expect(queryOf(requests[0]!)).toEqual({
      input_token: 'page-token',
      access_token: appToken,
      appsecret_proof: proofFor(appToken),
    });
  });

  it('reads a never-expiring page token, its target Page ids, and the reason a token is invalid', async () => {
    const body =
      '{"data":{"app_id":1234567890,"type":"PAGE","is_valid":false,"expires_at":0,"profile_id":10000000000000001,' +
      '"scopes":["pages_messaging"],"granular_scopes":[{"scope":"pages_messaging","target_ids":[10000000000000001]}],' +
      '"error":{"code":190,"subcode":460,"message":"Session invalidated"}}}';
    const { client } = fakeGraphClient(() => ({ body }));
    expect(await client.debugToken('t')).toMatchObject({
      isValid: false,
      type: 'PAGE',
      appId: '1234567890',
      profileId: '10000000000000001',
      expiresAt: 0,
      granularScopes: [{ scope: 'pages_messaging', targetIds: ['10000000000000001'] }],
      error: { code: 190, subcode: 460, message: 'Session invalidated' },
    });
  });

  it('reports expiresAt as null when Facebook leaves it out', async () => {
    const { client } = fakeGraphClient(() => ({ body: { data: { is_valid: true } } }));
    expect(await client.debugToken('t')).toMatchObject({ expiresAt: null, scopes: [], granularScopes: [] });
  });
});

describe('page subscription', () => {
  it('subscribes the app with comma-joined fields, accepting success as the string "true"', async () => {
    const { client, requests } = fakeGraphClient(() => ({ body: '{"success":"true"}' }));
    await client.subscribeApp(PAGE_ID, 'page-token', ['feed', 'messages', 'message_echoes']);
    const req = requests[0]!;
    expect(req.method).toBe('POST');
    expect(pathOf(req)).toBe(`/v25.0/${PAGE_ID}/subscribed_apps`);
    expect(queryOf(req)).toEqual({ access_token: 'page-token', appsecret_proof: proofFor('page-token') });
    expect(await req.asRequest().text()).toBe('subscribed_fields=feed%2Cmessages%2Cmessage_echoes');
  });

  it('accepts success as a boolean and fails when Facebook does not confirm', async () => {
    await fakeGraphClient(() => ({ body: { success: true } })).client.subscribeApp(PAGE_ID, 't', ['feed']);
    for (const success of [false, 'false']) {
      const { client } = fakeGraphClient(() => ({ body: { success } }));
      await expect(client.subscribeApp(PAGE_ID, 't', ['feed'])).rejects.toMatchObject({
        errorClass: 'permanent',
      });
    }
  });

  it('lists the subscribed apps with their fields', async () => {
    const { client, requests } = fakeGraphClient(() => ({
      body: '{"data":[{"category":"Business","link":"https://desk.example","name":"Pagedesk","id":1234567890,"subscribed_fields":["feed","messages"]}]}',
    }));
    expect(await client.subscribedApps(PAGE_ID, 'page-token')).toEqual([
      { appId: '1234567890', name: 'Pagedesk', subscribedFields: ['feed', 'messages'] },
    ]);
    expect(requests[0]!.method).toBe('GET');
    expect(pathOf(requests[0]!)).toBe(`/v25.0/${PAGE_ID}/subscribed_apps`);
  });
});

describe('getPage', () => {
  it('reads the id and name of a Page', async () => {
    const { client, requests } = fakeGraphClient(() => ({
      body: '{"id":10000000000000001,"name":"MyLife"}',
    }));
    expect(await client.getPage('10000000000000001', 't')).toEqual({
      id: '10000000000000001',
      name: 'MyLife',
    });
    expect(queryOf(requests[0]!).fields).toBe('id,name');
  });
});
