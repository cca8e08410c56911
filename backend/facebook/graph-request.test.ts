import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GraphError } from './graph-errors.ts';
import { type FakeHandler, fakeGraphFetch, graphFixture, hangingFetch } from './graph-fakes.ts';
import { appsecretProof, createGraphRequest, graphPath } from './graph-request.ts';
import type { GraphUsage } from './graph-usage.ts';

const APP_SECRET = '0123456789abcdef0123456789abcdef';

function setup(
  handler: FakeHandler,
  extra: { timeoutMs?: number; onUsage?: (u: GraphUsage, r: string) => void } = {},
) {
  const fake = fakeGraphFetch(handler);
  const request = createGraphRequest({
    graphUrl: 'https://graph.test/',
    appSecret: APP_SECRET,
    timeoutMs: extra.timeoutMs ?? 1000,
    fetch: fake.fetch,
    onUsage: extra.onUsage,
  });
  return { request, requests: fake.requests };
}

async function failure(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

describe('appsecretProof', () => {
  it('is the hex HMAC-SHA256 of the token keyed by the app secret', () => {
    const expected = createHmac('sha256', APP_SECRET).update('EAAB-page-token').digest('hex');
    expect(appsecretProof(APP_SECRET, 'EAAB-page-token')).toBe(expected);
    // A known vector, so a swapped key and message cannot pass.
    expect(appsecretProof('key', 'The quick brown fox jumps over the lazy dog')).toBe(
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });
});

describe('createGraphRequest', () => {
  it('puts the pinned version in the URL and signs the token with appsecret_proof', async () => {
    const { request, requests } = setup(() => ({ body: { id: '1' } }));
    await request('GET', '/me/accounts', {
      token: 'user-token',
      query: { fields: 'id,name', limit: 100, after: undefined },
    });
    const url = requests[0]!.url;
    expect(`${url.origin}${url.pathname}`).toBe('https://graph.test/v25.0/me/accounts');
    expect(url.searchParams.get('access_token')).toBe('user-token');
    expect(url.searchParams.get('appsecret_proof')).toBe(
      createHmac('sha256', APP_SECRET).update('user-token').digest('hex'),
    );
    expect(url.searchParams.get('fields')).toBe('id,name');
    expect(url.searchParams.has('after')).toBe(false);
  });

  it('sends no proof when no token is used', async () => {
    const { request, requests } = setup(() => ({ body: {} }));
    await request('GET', 'oauth/access_token', { query: { code: 'c' } });
    expect(requests[0]!.url.searchParams.has('appsecret_proof')).toBe(false);
    expect(requests[0]!.url.searchParams.has('access_token')).toBe(false);
  });

  it('sends JSON and url-encoded bodies with their content types', async () => {
    const { request, requests } = setup(() => ({ body: { success: true } }));
    await request('POST', '1/messages', { json: { a: 1 } });
    await request('POST', '1/subscribed_apps', {
      form: { subscribed_fields: 'feed,messages', skip: undefined },
    });
    const json = requests[0]!.asRequest();
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(await json.json()).toEqual({ a: 1 });
    const form = requests[1]!.asRequest();
    expect(form.headers.get('content-type')).toContain('application/x-www-form-urlencoded');
    expect(await form.text()).toBe('subscribed_fields=feed%2Cmessages');
  });

  it('refuses a json body and a form body together', async () => {
    const { request } = setup(() => ({ body: {} }));
    await expect(request('POST', 'x', { json: {}, form: {} })).rejects.toThrow(TypeError);
  });

  it('keeps 17-digit ids exact', async () => {
    const { request } = setup(() => ({ body: '{"id":12345678901234567}' }));
    expect(await request('GET', 'x')).toEqual({ id: '12345678901234567' });
  });

  describe('errors from the real fixtures', () => {
    it('190/460 is a token error carrying every field', async () => {
      const { request } = setup(() => ({
        status: 400,
        body: graphFixture('graph-error-190-460-docs-example.json'),
      }));
      const e = await failure(request('GET', 'me', { token: 't' }));
      expect(e).toMatchObject({
        errorClass: 'token',
        code: 190,
        subcode: 460,
        type: 'OAuthException',
        fbtraceId: 'EJplcsCHuLu',
        httpStatus: 400,
        userTitle: 'A title',
        userMessage: 'A message',
        retryable: false,
      });
      expect(e.message).toBe(
        'Graph GET me failed: Message describing the error [code 190/460] [HTTP 400] [fbtrace_id EJplcsCHuLu]',
      );
    });

    it('a missing permission reported as code 100 is permanent, not a token error', async () => {
      const { request } = setup(() => ({
        status: 403,
        body: graphFixture('graph-error-100-missing-permission.json'),
      }));
      const e = await failure(request('GET', '123/comments', { token: 't' }));
      expect(e).toMatchObject({ errorClass: 'permanent', code: 100, fbtraceId: 'AQt_hJ68vFybS4TnupatNtX' });
    });

    it('a missing appsecret_proof (code 100) is permanent', async () => {
      const { request } = setup(() => ({
        status: 400,
        body: graphFixture('graph-error-100-appsecret-proof.json'),
      }));
      const e = await failure(request('GET', '123', { token: 't' }));
      expect(e).toMatchObject({ errorClass: 'permanent', code: 100, retryable: false });
    });
  });

  it('classifies by code even on a 2xx answer that carries an error', async () => {
    const { request } = setup(() => ({ status: 200, body: { error: { code: 10, error_subcode: 2018278 } } }));
    expect((await failure(request('POST', '1/messages'))).errorClass).toBe('window');
  });

  it('trusts is_transient, as on the 500 Messenger answers', async () => {
    const body = {
      error: {
        message: 'An unexpected error has occurred.',
        type: 'OAuthException',
        is_transient: true,
        code: 2,
      },
    };
    const { request } = setup(() => ({ status: 500, body }));
    expect(await failure(request('POST', '1/messages'))).toMatchObject({
      errorClass: 'transient',
      retryable: true,
    });
  });

  it('treats a 5xx without a Graph error as transient', async () => {
    const { request } = setup(() => ({ status: 502, body: '<html>Bad Gateway</html>' }));
    expect(await failure(request('GET', 'x'))).toMatchObject({
      errorClass: 'transient',
      httpStatus: 502,
      retryable: true,
    });
    const empty = setup(() => ({ status: 503 }));
    expect((await failure(empty.request('GET', 'x'))).errorClass).toBe('transient');
  });

  it('treats a 4xx without a Graph error, or a 2xx that is not JSON, as permanent', async () => {
    const notFound = setup(() => ({ status: 404, body: 'Not Found' }));
    expect(await failure(notFound.request('GET', 'x'))).toMatchObject({
      errorClass: 'permanent',
      httpStatus: 404,
    });
    const garbled = setup(() => ({ status: 200, body: '{"id":' }));
    expect(await failure(garbled.request('GET', 'x'))).toMatchObject({
      errorClass: 'permanent',
      httpStatus: 200,
    });
  });

  it('turns a network failure into a transient GraphError keeping the cause', async () => {
    const cause = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:443') });
    const { request } = setup(() => Promise.reject(cause));
    const e = await failure(request('GET', 'me', { token: 'secret-token' }));
    expect(e).toMatchObject({ errorClass: 'transient', retryable: true, cause });
    expect(e.message).toBe(
      'Graph GET me failed: network error (fetch failed: connect ECONNREFUSED 127.0.0.1:443)',
    );
    expect(e.message).not.toContain('secret-token');
  });

  it('turns a timeout into a transient GraphError', async () => {
    const { request } = setup(hangingFetch, { timeoutMs: 20 });
    const e = await failure(request('POST', '1/messages', { token: 't' }));
    expect(e).toMatchObject({ errorClass: 'transient', retryable: true });
    expect(e.message).toBe('Graph POST 1/messages failed: no answer within 20 ms');
  });

  describe('throttling', () => {
    const throttled = (headers: Record<string, string>) =>
      setup(() => ({
        status: 400,
        body: { error: { code: 32, message: 'Page request limit reached' } },
        headers,
      }));

    it("waits as long as Facebook's estimate in the usage headers", async () => {
      const header = JSON.stringify({
        '2121008874780932': [
          {
            type: 'pages',
            call_count: 100,
            total_cputime: 12,
            total_time: 9,
            estimated_time_to_regain_access: 4,
          },
        ],
      });
      const e = await failure(throttled({ 'X-Business-Use-Case-Usage': header }).request('GET', 'x'));
      expect(e).toMatchObject({ errorClass: 'throttle', retryable: true, retryAfterMs: 4 * 60_000 });
    });

    it('waits a default minute when the headers give no estimate', async () => {
      const e = await failure(throttled({}).request('GET', 'x'));
      expect(e.retryAfterMs).toBe(60_000);
    });

    it('sets no wait on errors that are not throttles', async () => {
      const { request } = setup(() => ({
        status: 500,
        body: { error: { code: 1 } },
        headers: { 'X-App-Usage': '{"call_count":100}' },
      }));
      expect((await failure(request('GET', 'x'))).retryAfterMs).toBeUndefined();
    });
  });

  it('reports usage to the listener, and a throwing listener does not fail the call', async () => {
    const seen: [GraphUsage, string][] = [];
    const { request } = setup(
      () => ({ body: { id: '1' }, headers: { 'X-App-Usage': '{"call_count":85}' } }),
      {
        onUsage: (usage, req) => {
          seen.push([usage, req]);
          throw new Error('listener bug');
        },
      },
    );
    await expect(request('GET', '1')).resolves.toEqual({ id: '1' });
    expect(seen).toEqual([[{ maxPercent: 85, slowDown: true }, 'GET 1']]);
  });
});

describe('createGraphRequest over real sockets', () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('reports a stalled server as a timeout', async () => {
    server = http.createServer(() => {
      // Never answers.
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const request = createGraphRequest({
      graphUrl: `http://127.0.0.1:${port}`,
      appSecret: APP_SECRET,
      timeoutMs: 50,
      fetch,
    });
    const e = await failure(request('GET', 'me'));
    expect(e.errorClass).toBe('transient');
    expect(e.message).toContain('no answer within 50 ms');
    server.closeAllConnections();
  });

  it('reports a refused connection as a network error', async () => {
    server = http.createServer();
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const request = createGraphRequest({
      graphUrl: `http://127.0.0.1:${port}`,
      appSecret: APP_SECRET,
      timeoutMs: 2000,
      fetch,
    });
    const e = await failure(request('GET', 'me'));
    expect(e.errorClass).toBe('transient');
    expect(e.message).toContain('network error');
  });
});

describe('graphPath', () => {
  it('joins Graph ids', () => {
    expect(graphPath('245778718206154_229887283291835', 'comments')).toBe(
      '245778718206154_229887283291835/comments',
    );
  });

  it('refuses anything that could leave the id', () => {
    for (const bad of ['..', '1/../../x', '1?x=1', '', 'a b']) {
      expect(() => graphPath(bad, 'messages')).toThrow(GraphError);
    }
  });
});
