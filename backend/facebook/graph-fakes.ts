import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createGraphClient, type GraphClient } from './graph-client.ts';

/**
 * Test support for the Graph client: a `fetch` that records each request and answers from a
 * handler, a client wired to it, and the shared real-payload fixtures, read in place.
 * Imported by tests only.
 */

export interface RecordedRequest {
  method: string;
  url: URL;
  init: RequestInit;
  /** The request as the wire would carry it, for reading bodies (json, form, multipart). */
  asRequest(): Request;
}

export interface FakeReply {
  status?: number;
  /** A string is sent verbatim (keeps fixture bytes and long ids intact); an object as JSON. */
  body?: string | object;
  headers?: Record<string, string>;
}

export type FakeHandler = (req: RecordedRequest) => FakeReply | Promise<FakeReply>;

export function fakeGraphFetch(handler: FakeHandler): { fetch: typeof fetch; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fake = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const recorded: RecordedRequest = {
      method: init.method ?? 'GET',
      url,
      init,
      asRequest: () => new Request(url, { method: init.method, headers: init.headers, body: init.body }),
    };
    requests.push(recorded);
    const reply = await handler(recorded);
    const body =
      typeof reply.body === 'string' || reply.body === undefined ? reply.body : JSON.stringify(reply.body);
    return new Response(body, { status: reply.status ?? 200, headers: reply.headers });
  };
  return { fetch: fake as typeof fetch, requests };
}

/** A fetch that never answers, failing only when the caller's signal aborts (as undici does). */
export const hangingFetch: FakeHandler = (req) =>
  new Promise((_, reject) => {
    const signal = req.init.signal;
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

const FIXTURES = path.resolve(process.cwd(), '../shared/fixtures/graph-samples');

/** The exact text of a shared Graph sample. */
export function graphFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export const TEST_APP_ID = '1234567890';
export const TEST_APP_SECRET = '0123456789abcdef0123456789abcdef';

/** A Graph client for a test app whose every call goes to `handler`. */
export function fakeGraphClient(handler: FakeHandler): { client: GraphClient; requests: RecordedRequest[] } {
  const fake = fakeGraphFetch(handler);
  const client = createGraphClient({
    graphUrl: 'https://graph.test',
    dialogUrl: 'https://www.facebook.test/',
    appId: TEST_APP_ID,
    appSecret: TEST_APP_SECRET,
    fetch: fake.fetch,
  });
  return { client, requests: fake.requests };
}

/** The appsecret_proof of a token for the test app, computed here rather than by the code under test. */
export const proofFor = (token: string) => createHmac('sha256', TEST_APP_SECRET).update(token).digest('hex');
export const pathOf = (req: RecordedRequest) => req.url.pathname;
export const queryOf = (req: RecordedRequest) => Object.fromEntries(req.url.searchParams);
