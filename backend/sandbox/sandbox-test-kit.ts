/**
 * Helpers for the sandbox's own tests (not a test file): a sandbox on a hand-moved clock, Graph
 * calls with appsecret_proof, the login flow, and a real webhook receiver on 127.0.0.1.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseGraphJson } from '../facebook/graph-json.ts';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.ts';
import { appsecretProof } from './signatures.ts';

export const APP_ID = '1000000000000001';
export const APP_SECRET = 'f00dfeedf00dfeedf00dfeedf00dfeed';
export const PUBLIC_URL = 'http://sandbox.test';
export const REDIRECT_URI = 'http://127.0.0.1:8787/oauth/facebook/callback';
export const INBOX_SCOPES = [
  'pages_show_list',
  'pages_manage_metadata',
  'pages_read_engagement',
  'pages_read_user_content',
  'pages_manage_engagement',
  'pages_messaging',
];

/** A clock the test moves by hand, starting on a fixed date. */
export class ManualTime {
  ms = Date.UTC(2026, 2, 10, 9, 0, 0);
  readonly now = () => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export function makeSandbox(extra: Partial<SandboxOptions> = {}): { sb: Sandbox; time: ManualTime } {
  const time = new ManualTime();
  const sb = createSandbox({
    appId: APP_ID,
    appSecret: APP_SECRET,
    verifyToken: 'verify-me',
    publicUrl: PUBLIC_URL,
    now: time.now,
    ...extra,
  });
  return { sb, time };
}

/** Parsed JSON as tests read it: loosely, with expect() doing the checking. */
// biome-ignore lint/suspicious/noExplicitAny: tests walk JSON bodies freely and assert on them
export type Json = any;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: Json;
}

/**
 * A Graph call. `token` adds access_token and (unless `proof: false`) the matching appsecret_proof
 * to the query; `json` or `form` set the body.
 */
export async function graph(
  sb: Sandbox,
  method: string,
  path: string,
  opts: {
    token?: string;
    proof?: boolean | string;
    query?: Record<string, string>;
    json?: unknown;
    form?: Record<string, string> | FormData;
  } = {},
): Promise<Reply> {
  const url = new URL(path, PUBLIC_URL);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  if (opts.token) {
    url.searchParams.set('access_token', opts.token);
    if (opts.proof !== false) {
      url.searchParams.set(
        'appsecret_proof',
        typeof opts.proof === 'string' ? opts.proof : appsecretProof(APP_SECRET, opts.token),
      );
    }
  }
  const init: RequestInit = { method };
  if (opts.json !== undefined) {
    init.body = JSON.stringify(opts.json);
    init.headers = { 'content-type': 'application/json' };
  } else if (opts.form instanceof FormData) {
    init.body = opts.form;
  } else if (opts.form) {
    init.body = new URLSearchParams(opts.form);
  }
  const res = await sb.app.request(url.toString(), init);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** A control API call (`/_sandbox` + path). */
export function control(sb: Sandbox, method: string, path: string, json?: unknown): Promise<Reply> {
  return graph(sb, method, `/_sandbox${path}`, json === undefined ? {} : { json });
}

/** A Page made through the control API, with the app subscribed to `fields` (none = not subscribed). */
export async function pageWith(
  sb: Sandbox,
  name: string,
  fields: string[] = [],
): Promise<{ id: string; token: string }> {
  const created = await control(sb, 'POST', '/pages', { name });
  const page = { id: created.body.id as string, token: created.body.access_token as string };
  if (fields.length) {
    const sub = await graph(sb, 'POST', `/v25.0/${page.id}/subscribed_apps`, {
      token: page.token,
      form: { subscribed_fields: fields.join(',') },
    });
    if (sub.status !== 200) throw new Error(`subscribe failed: ${sub.text}`);
  }
  return page;
}

/** The dialog approved with `sandbox_auto=1`; returns the authorization code. */
export async function autoLoginCode(sb: Sandbox, scopes = INBOX_SCOPES): Promise<string> {
  const res = await sb.app.request(
    `/v25.0/dialog/oauth?${new URLSearchParams({
      client_id: APP_ID,
      redirect_uri: REDIRECT_URI,
      state: 'st',
      response_type: 'code',
      scope: scopes.join(','),
      sandbox_auto: '1',
    })}`,
  );
  return new URL(res.headers.get('location')!).searchParams.get('code')!;
}

/** Code → short-lived → long-lived user token. */
export async function longLivedToken(sb: Sandbox, code: string): Promise<string> {
  const short = await graph(sb, 'GET', '/v25.0/oauth/access_token', {
    query: { client_id: APP_ID, client_secret: APP_SECRET, redirect_uri: REDIRECT_URI, code },
  });
  const long = await graph(sb, 'GET', '/v25.0/oauth/access_token', {
    query: {
      grant_type: 'fb_exchange_token',
      client_id: APP_ID,
      client_secret: APP_SECRET,
      fb_exchange_token: short.body.access_token,
    },
  });
  return long.body.access_token;
}

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A received webhook body, parsed with ids kept as strings (as the backend parses it). */
export function hookBody(req: Received): Json {
  return parseGraphJson(req.body.toString('utf8'));
}

/**
 * A real HTTP server on 127.0.0.1 that records every request's raw bytes and answers with
 * `respond(n)` for the n-th request (200 by default).
 */
export async function startReceiver(respond: (n: number) => number = () => 200) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      res.statusCode = respond(received.length);
      res.end(
        req.url?.includes('hub.challenge')
          ? new URL(req.url, 'http://x').searchParams.get('hub.challenge')
          : 'ok',
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/facebook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
