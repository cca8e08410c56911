import type { Context } from 'hono';
import { GraphError } from './graph-error.ts';
import type { IdFactory } from './ids.ts';
import { metaJson } from './meta-json.ts';

/** The version a Graph path asked for (`/v25.0/...`); unversioned calls get the backend's pin. */
export function requestedVersion(path: string): string {
  return path.match(/^\/(v\d+\.\d+)(?:\/|$)/)?.[1] ?? 'v25.0';
}

/** The path without its version prefix, as fault patterns and error texts see it. */
export function unversionedPath(path: string): string {
  return path.replace(/^\/v\d+\.\d+(?=\/|$)/, '') || '/';
}

/**
 * A Graph response body written like Meta writes it (escaped `/` and non-ASCII, see meta-json.ts),
 * with the headers clients look at.
 */
export function graphJson(
  c: Context,
  body: unknown,
  ids: IdFactory,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(metaJson(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=UTF-8',
      'facebook-api-version': requestedVersion(c.req.path),
      'x-fb-trace-id': ids.fbtrace(),
      ...headers,
    },
  });
}

/** The Meta error envelope for a GraphError; token errors also carry `WWW-Authenticate` like Meta's. */
export function graphErrorResponse(c: Context, err: GraphError, ids: IdFactory): Response {
  const fbtrace = ids.fbtrace();
  const headers: Record<string, string> = { ...err.headers, 'x-fb-trace-id': fbtrace };
  if (err.body.code === 190 || err.body.code === 104) {
    headers['www-authenticate'] =
      `OAuth "Facebook Platform" "invalid_token" "${err.body.message.replace(/"/g, "'")}"`;
  }
  return graphJson(c, { error: { ...err.body, fbtrace_id: fbtrace } }, ids, err.status, headers);
}

/** Runs a Graph handler and answers Meta's envelope for a GraphError (anything else is a real bug). */
export async function answerGraph(
  c: Context,
  ids: IdFactory,
  run: () => Promise<Response>,
): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof GraphError) return graphErrorResponse(c, err, ids);
    throw err;
  }
}
