import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type FakeHandler, fakeGraphFetch, graphFixture, type RecordedRequest } from './fake-graph-fetch.ts';
import { createGraphClient } from './graph-client.ts';
import { GraphError } from './graph-errors.ts';

const APP_ID = '1234567890';
const APP_SECRET = '0123456789abcdef0123456789abcdef';
const PAGE_ID = '2121008874780932';

function setup(handler: FakeHandler) {
  const fake = fakeGraphFetch(handler);
  const client = createGraphClient({
    graphUrl: 'https://graph.test',
    dialogUrl: 'https://www.facebook.test/',
    appId: APP_ID,
    appSecret: APP_SECRET,
    fetch: fake.fetch,
  });
  return { client, requests: fake.requests };
}

const proof = (token: string) => createHmac('sha256', APP_SECRET).update(token).digest('hex');
const pathOf = (req: RecordedRequest) => req.url.pathname;
const query = (req: RecordedRequest) => Object.fromEntries(req.url.searchParams);

describe('dialogUrl', () => {
  it('builds the versioned login dialog with comma-joined scopes', () => {
    const { client } = setup(() => ({}));
    const url = new URL(
      client.dialogUrl({
        redirectUri: 'https://desk.example/api/facebook/callback',
        state: 'csrf-123',
        scopes: ['pages_show_list', 'pages_messaging'],
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://www.facebook.test/v25.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: APP_ID,
      redirect_uri: 'https://desk.example/api/facebook/callback',
      state: 'csrf-123',
      response_type: 'code',
      scope: 'pages_show_list,pages_messaging',
    });
  });
});

describe('token exchange', () => {
  it('trades the code with the app credentials and the same redirect URI', async () => {
    const { client, requests } = setup(() => ({
      body: { access_token: 'short', token_type: 'bearer', expires_in: 5400 },
    }));
    expect(await client.exchangeCode('the-code', 'https://desk.example/cb')).toEqual({
      accessToken: 'short',
      expiresIn: 5400,
    });
    expect(pathOf(requests[0]!)).toBe('/v25.0/oauth/access_token');
    expect(query(requests[0]!)).toEqual({
      client_id: APP_ID,
      client_secret: APP_SECRET,
      redirect_uri: 'https://desk.example/cb',
      code: 'the-code',
    });
  });

  it('extends a short-lived token with fb_exchange_token', async () => {
    const { client, requests } = setup(() => ({ body: graphFixture('graph-oauth-long-lived-token.json') }));
    expect(await client.exchangeLongLived('short')).toEqual({ accessToken: 'token', expiresIn: 5184000 });
    expect(query(requests[0]!)).toEqual({
      grant_type: 'fb_exchange_token',
      client_id: APP_ID,
      client_secret: APP_SECRET,
      fb_exchange_token: 'short',
    });
  });
});

describe('listPages', () => {
  it('reads the real /me/accounts sample', async () => {
    const { client, requests } = setup(() => ({ body: graphFixture('graph-me-accounts.json') }));
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
    expect(query(requests[0]!)).toEqual({
      fields: 'id,name,access_token,category,tasks',
      limit: '100',
      access_token: 'user-token',
      appsecret_proof: proof('user-token'),
    });
  });

  it('follows paging.next with the after cursor and keeps numeric 17-digit ids exact', async () => {
    const { client, requests } = setup((req) =>
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
    expect(requests[1]!.url.searchParams.get('appsecret_proof')).toBe(proof('user-token'));
  });

  it('stops when Graph repeats a cursor, and after 20 pages at most', async () => {
    const page = (after: string) => ({
      body: {
        data: [],
        paging: { cursors: { after }, next: `https://graph.test/v25.0/me/accounts?after=${after}` },
      },
    });
    const looping = setup(() => page('same'));
    await looping.client.listPages('t');
    expect(looping.requests).toHaveLength(2);

    let n = 0;
    const endless = setup(() => page(`c${n++}`));
    await endless.client.listPages('t');
    expect(endless.requests).toHaveLength(20);
  });

  it('returns an empty list when the admin granted no Page', async () => {
    const { client } = setup(() => ({ body: { data: [] } }));
    expect(await client.listPages('t')).toEqual([]);
  });

  it('fails with a permanent GraphError when the answer has an unexpected shape', async () => {
    const { client } = setup(() => ({ body: { data: [{ id: '1', name: 'No token' }] } }));
    const error = await client.listPages('t').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ errorClass: 'permanent' });
    expect((error as GraphError).message).toContain('data.0.access_token');
  });
});

describe('debugToken', () => {
  it('inspects with the app token, signed like any other token', async () => {
    const { client, requests } = setup(() => ({ body: graphFixture('graph-debug-token.json') }));
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
    const appToken = `${APP_ID}|${APP_SECRET}`;
    expect(query(requests[0]!)).toEqual({
      input_token: 'page-token',
      access_token: appToken,
      appsecret_proof: proof(appToken),
    });
  });

  it('reads a never-expiring page token, its target Page ids, and the reason a token is invalid', async () => {
    const body =
      '{"data":{"app_id":1234567890,"type":"PAGE","is_valid":false,"expires_at":0,"profile_id":10000000000000001,' +
      '"scopes":["pages_messaging"],"granular_scopes":[{"scope":"pages_messaging","target_ids":[10000000000000001]}],' +
      '"error":{"code":190,"subcode":460,"message":"Session invalidated"}}}';
    const { client } = setup(() => ({ body }));
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
    const { client } = setup(() => ({ body: { data: { is_valid: true } } }));
    expect(await client.debugToken('t')).toMatchObject({ expiresAt: null, scopes: [], granularScopes: [] });
  });
});

describe('page subscription', () => {
  it('subscribes the app with comma-joined fields, accepting success as the string "true"', async () => {
    const { client, requests } = setup(() => ({ body: '{"success":"true"}' }));
    await client.subscribeApp(PAGE_ID, 'page-token', ['feed', 'messages', 'message_echoes']);
    const req = requests[0]!;
    expect(req.method).toBe('POST');
    expect(pathOf(req)).toBe(`/v25.0/${PAGE_ID}/subscribed_apps`);
    expect(query(req)).toEqual({ access_token: 'page-token', appsecret_proof: proof('page-token') });
    expect(await req.asRequest().text()).toBe('subscribed_fields=feed%2Cmessages%2Cmessage_echoes');
  });

  it('accepts success as a boolean and fails when Facebook does not confirm', async () => {
    await setup(() => ({ body: { success: true } })).client.subscribeApp(PAGE_ID, 't', ['feed']);
    for (const success of [false, 'false']) {
      const { client } = setup(() => ({ body: { success } }));
      await expect(client.subscribeApp(PAGE_ID, 't', ['feed'])).rejects.toMatchObject({
        errorClass: 'permanent',
      });
    }
  });

  it('lists the subscribed apps with their fields', async () => {
    const { client, requests } = setup(() => ({
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
    const { client, requests } = setup(() => ({ body: '{"id":10000000000000001,"name":"MyLife"}' }));
    expect(await client.getPage('10000000000000001', 't')).toEqual({
      id: '10000000000000001',
      name: 'MyLife',
    });
    expect(query(requests[0]!).fields).toBe('id,name');
  });
});

describe('replyToComment', () => {
  const COMMENT_ID = '245778718206154_229887283291835';

  it('posts the reply as a form and returns the new comment id', async () => {
    const { client, requests } = setup(() => ({ body: graphFixture('graph-comment-create-response.json') }));
    const created = await client.replyToComment(COMMENT_ID, 'page-token', {
      message: 'Thanks, we are on it',
      attachmentUrl: 'https://cdn.example/a.png',
    });
    expect(created).toEqual({ id: COMMENT_ID });
    const req = requests[0]!;
    expect(req.method).toBe('POST');
    expect(pathOf(req)).toBe(`/v25.0/${COMMENT_ID}/comments`);
    expect(Object.fromEntries(new URLSearchParams(await req.asRequest().text()))).toEqual({
      message: 'Thanks, we are on it',
      attachment_url: 'https://cdn.example/a.png',
    });
  });

  it('refuses an empty reply without calling Facebook', async () => {
    const { client, requests } = setup(() => ({ body: { id: '1' } }));
    await expect(client.replyToComment(COMMENT_ID, 't', {})).rejects.toThrow(TypeError);
    expect(requests).toHaveLength(0);
  });

  it('refuses an id that is not a Graph id without calling Facebook', async () => {
    const { client, requests } = setup(() => ({ body: { id: '1' } }));
    await expect(client.replyToComment('../me', 't', { message: 'x' })).rejects.toBeInstanceOf(GraphError);
    expect(requests).toHaveLength(0);
  });
});

describe('sendMessage', () => {
  it('posts the Send API body as JSON and reads the real response', async () => {
    const { client, requests } = setup(() => ({ body: graphFixture('send-api-response.json') }));
    const result = await client.sendMessage(PAGE_ID, 'page-token', {
      recipient: { id: '5275811702471834' },
      messaging_type: 'RESPONSE',
      message: { text: 'Hello', metadata: 'pagedesk:outbox:42' },
    });
    expect(result).toEqual({
      recipientId: '5275811702471834',
      messageId: 'm_qr6GPBlzTU4jqP0PBqaIoIAcfn2p3T7uiO5jm0L_PMTKMJhEIUGFkEKQBhGkpCnPXVZNsYdkN7A2Sel0dOz_Iw',
    });
    const req = requests[0]!;
    expect(pathOf(req)).toBe(`/v25.0/${PAGE_ID}/messages`);
    expect(await req.asRequest().json()).toEqual({
      recipient: { id: '5275811702471834' },
      messaging_type: 'RESPONSE',
      message: { text: 'Hello', metadata: 'pagedesk:outbox:42' },
    });
  });

  it('sends a tagged private reply and keeps a numeric 17-digit recipient id exact', async () => {
    const { client, requests } = setup(() => ({
      body: '{"recipient_id":10000000000000003,"message_id":"m_1"}',
    }));
    const result = await client.sendMessage(PAGE_ID, 't', {
      recipient: { comment_id: '245778718206154_229887283291835' },
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
      message: { attachment: { type: 'image', payload: { attachment_id: '1601472827243653' } } },
    });
    expect(result).toEqual({ recipientId: '10000000000000003', messageId: 'm_1' });
    expect(await requests[0]!.asRequest().json()).toMatchObject({
      recipient: { comment_id: '245778718206154_229887283291835' },
      tag: 'HUMAN_AGENT',
    });
  });

  it('throws the window error Facebook answers outside the messaging window', async () => {
    const { client } = setup(() => ({
      status: 400,
      body: {
        error: {
          message: 'This message is sent outside of allowed window.',
          type: 'OAuthException',
          code: 10,
          error_subcode: 2018278,
        },
      },
    }));
    await expect(
      client.sendMessage(PAGE_ID, 't', {
        recipient: { id: '1' },
        messaging_type: 'RESPONSE',
        message: { text: 'x' },
      }),
    ).rejects.toMatchObject({ errorClass: 'window', retryable: false });
  });
});

describe('uploadAttachment', () => {
  it('uploads from a URL as a reusable attachment', async () => {
    const { client, requests } = setup(() => ({ body: graphFixture('attachment-upload-response.json') }));
    const result = await client.uploadAttachment(PAGE_ID, 'page-token', {
      type: 'image',
      url: 'https://cdn.example/a.png',
    });
    expect(result).toEqual({ attachmentId: '1601472827243653' });
    const req = requests[0]!;
    expect(pathOf(req)).toBe(`/v25.0/${PAGE_ID}/message_attachments`);
    expect(await req.asRequest().json()).toEqual({
      message: {
        attachment: { type: 'image', payload: { url: 'https://cdn.example/a.png', is_reusable: true } },
      },
    });
  });

  it('uploads bytes as multipart: a message JSON part and a filedata file part', async () => {
    const { client, requests } = setup(() => ({ body: '{"attachment_id":10000000000000004}' }));
    const data = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    const result = await client.uploadAttachment(PAGE_ID, 'page-token', {
      type: 'file',
      filename: 'invoice.pdf',
      contentType: 'application/pdf',
      data,
    });
    expect(result).toEqual({ attachmentId: '10000000000000004' });

    const wire = requests[0]!.asRequest();
    expect(wire.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(requests[0]!.url.searchParams.get('appsecret_proof')).toBe(proof('page-token'));
    const form = await wire.formData();
    expect([...form.keys()]).toEqual(['message', 'filedata']);
    expect(JSON.parse(form.get('message') as string)).toEqual({
      attachment: { type: 'file', payload: { is_reusable: true } },
    });
    const file = form.get('filedata') as File;
    expect(file.name).toBe('invoice.pdf');
    expect(file.type).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array(data));
  });
});

describe('getComments', () => {
  it('asks for the whole stream oldest first and returns the cursor of the next page', async () => {
    const body =
      '{"data":[' +
      '{"id":"245778718206154_1","message":"Hi","created_time":"2021-08-10T18:45:03+0000","from":{"id":10000000000000005,"name":"Ann"}},' +
      '{"id":"245778718206154_2","created_time":"2021-08-10T19:00:00+0000","parent":{"id":"245778718206154_1"}}' +
      '],"paging":{"cursors":{"before":"b","after":"after-2"},"next":"https://graph.test/v25.0/x/comments?after=after-2"}}';
    const { client, requests } = setup(() => ({ body }));
    const result = await client.getComments('245778718206154', 'page-token', { after: 'after-1', limit: 50 });
    expect(result).toEqual({
      comments: [
        {
          id: '245778718206154_1',
          message: 'Hi',
          createdTime: '2021-08-10T18:45:03+0000',
          from: { id: '10000000000000005', name: 'Ann' },
        },
        { id: '245778718206154_2', createdTime: '2021-08-10T19:00:00+0000', parentId: '245778718206154_1' },
      ],
      next: 'after-2',
    });
    expect(pathOf(requests[0]!)).toBe('/v25.0/245778718206154/comments');
    expect(query(requests[0]!)).toMatchObject({
      fields: 'id,message,created_time,from{id,name},parent{id}',
      filter: 'stream',
      order: 'chronological',
      limit: '50',
      after: 'after-1',
    });
  });

  it('has no next cursor on the last page, even when Graph still lists cursors', async () => {
    const { client } = setup(() => ({
      body: { data: [], paging: { cursors: { before: 'b', after: 'a' } } },
    }));
    expect((await client.getComments('1', 't')).next).toBeUndefined();
  });
});

describe('request', () => {
  it('is exposed for calls the client has no method for', async () => {
    const { client, requests } = setup(() => ({ body: { success: true } }));
    expect(
      await client.request('POST', '245778718206154_1', { token: 't', form: { is_hidden: 'true' } }),
    ).toEqual({
      success: true,
    });
    expect(pathOf(requests[0]!)).toBe('/v25.0/245778718206154_1');
  });
});
