import { createHmac } from 'node:crypto';
import { failedRequest, GraphError, type GraphErrorInit, readGraphErrorBody } from './graph-errors.ts';
import { parseGraphJson } from './graph-json.ts';
import { EXHAUSTED_BACKOFF_MS, type GraphUsage, readGraphUsage } from './graph-usage.ts';
import { GRAPH_VERSION } from './graph-version.ts';

export type GraphMethod = 'GET' | 'POST' | 'DELETE';

export interface GraphRequestOptions {
  /** Sent as `access_token`, always with its `appsecret_proof`. */
  token?: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** A JSON body. */
  json?: unknown;
  /** A form body: fields url-encoded, or a FormData sent as multipart/form-data. */
  form?: Record<string, string | undefined> | FormData;
}

/**
 * One call to the Graph API: the parsed body on success, a classified GraphError otherwise.
 * `path` is relative to the version (`me/accounts`); build it from ids with `graphPath`.
 */
export type GraphRequest = <T = unknown>(
  method: GraphMethod,
  path: string,
  options?: GraphRequestOptions,
) => Promise<T>;

export interface GraphRequestConfig {
  /** Meta's https://graph.facebook.com, or the sandbox; the version is added here. */
  graphUrl: string;
  appSecret: string;
  timeoutMs: number;
  fetch: typeof fetch;
  /** Told the usage every response reports, to pace calls before Facebook throttles. Must not throw. */
  onUsage?: (usage: GraphUsage, request: string) => void;
}

/**
 * `hex(HMAC-SHA256(key = app secret, message = access token))`. Apps with "Require App Secret"
 * reject server calls without it, and it makes a leaked token useless without our secret.
 */
export function appsecretProof(appSecret: string, accessToken: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

/**
 * Joins ids into a path, refusing anything that is not a Graph id (digits, letters, `_`, like
 * `123_456`): an id from a webhook or a database must never turn into `..` or a query.
 */
export function graphPath(...segments: string[]): string {
  for (const segment of segments) {
    if (!/^\w+$/.test(segment)) {
      const graphMessage = `"${segment}" is not a Graph id`;
      throw failedRequest(`path ${segments.join('/')}`, { errorClass: 'permanent', graphMessage });
    }
  }
  return segments.join('/');
}

export function createGraphRequest(config: GraphRequestConfig): GraphRequest {
  const base = `${config.graphUrl.replace(/\/+$/, '')}/${GRAPH_VERSION}/`;

  return async <T>(method: GraphMethod, path: string, options: GraphRequestOptions = {}): Promise<T> => {
    const cleanPath = path.replace(/^\/+/, '');
    // The label goes into errors and logs, so it names the path but never the query (tokens live there).
    const request = `${method} ${cleanPath}`;
    const url = new URL(base + cleanPath);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    if (options.token !== undefined) {
      url.searchParams.set('access_token', options.token);
      url.searchParams.set('appsecret_proof', appsecretProof(config.appSecret, options.token));
    }

    // Built outside the try: a bad call is our bug, not a network failure to retry.
    const init: RequestInit = { method, headers: requestHeaders(options), body: requestBody(options) };
    let response: Response;
    let text: string;
    try {
      response = await config.fetch(url, {
        ...init,
        // Covers reading the body too: a stalled response ends as a timeout, not a hung sender.
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      throw unreachable(request, cause, config.timeoutMs);
    }

    const usage = readGraphUsage(response.headers);
    if (usage.maxPercent !== undefined && config.onUsage) {
      try {
        config.onUsage(usage, request);
      } catch {
        // Usage is advice: a failing listener must not turn a delivered message into a failed one.
      }
    }

    const body = parseBody(text);
    const httpStatus = response.status;
    const graphFailure = readGraphErrorBody(body);
    if (graphFailure) {
      const failure: GraphErrorInit = { ...graphFailure, httpStatus };
      if (failure.errorClass === 'throttle') failure.retryAfterMs = usage.backoffMs ?? EXHAUSTED_BACKOFF_MS;
      throw failedRequest(request, failure);
    }
    if (!response.ok || body === undefined) {
      // Without a Graph error object the status is all we have: a 5xx is Facebook (or a proxy in
      // front of it) failing, anything else will not get better by retrying.
      throw failedRequest(request, {
        errorClass: httpStatus >= 500 ? 'transient' : 'permanent',
        httpStatus,
        graphMessage: response.ok ? 'the response is not JSON' : 'no Graph error in the response',
      });
    }
    return body as T;
  };
}

function requestHeaders(options: GraphRequestOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  return headers;
}

function requestBody(options: GraphRequestOptions): string | URLSearchParams | FormData | undefined {
  if (options.json !== undefined && options.form !== undefined) {
    throw new TypeError('a Graph request takes a json body or a form body, not both');
  }
  if (options.json !== undefined) return JSON.stringify(options.json);
  if (options.form instanceof FormData) return options.form;
  if (options.form !== undefined) {
    const fields = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      if (value !== undefined) fields.set(key, value);
    }
    return fields;
  }
  return undefined;
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return parseGraphJson(text);
  } catch {
    return undefined;
  }
}

function unreachable(request: string, cause: unknown, timeoutMs: number): GraphError {
  const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
  const reason = timedOut ? `no answer within ${timeoutMs} ms` : `network error (${describeCause(cause)})`;
  return new GraphError(`Graph ${request} failed: ${reason}`, { errorClass: 'transient', cause });
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // undici reports "fetch failed" and keeps the useful part (ECONNREFUSED, ENOTFOUND...) in cause.
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}`;
}
