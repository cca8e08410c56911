import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import type { Role } from '../../shared/api/users.ts';
import type { FieldIssue } from '../../shared/errors.ts';
import { resolveSession } from '../accounts/sessions.ts';
import type { UserRow } from '../store/schema.ts';
import { storableJson } from '../store/storable-json.ts';
import type { AppDeps } from './app-deps.ts';
import { AppError } from './app-error.ts';
import { jsonAnswer } from './json-answer.ts';

/** Who may call a route: anyone, any logged-in user, or the listed roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface HandlerInput<B, P, Q> {
  body: B;
  params: P;
  query: Q;
  user: UserRow | null;
  token: string | null;
  deps: AppDeps;
  c: Context;
}

export interface RouteDef<B = unknown, P = unknown, Q = unknown, R = unknown> {
  method: Method;
  path: string;
  summary: string;
  access: Access;
  body?: z.ZodType<B>;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  response: z.ZodType<R>;
  status?: 200 | 201;
  /** Routes that answer something other than JSON say so, for the OpenAPI document. */
  produces?: 'text/html' | 'text/plain' | 'application/octet-stream' | 'text/csv';
  /** A raw body (not JSON) the handler reads itself: its accepted content types, for the document. */
  rawBody?: readonly string[];
  /** The largest body accepted, and what the caller is told past it; `/api` routes default to BODY_LIMIT_BYTES. */
  maxBody?: { bytes: number; message: string };
  handler(input: HandlerInput<B, P, Q>): Promise<R | Response>;
}

/** Declares a route; the generics tie the handler's input to the schemas. */
export function defineRoute<B = undefined, P = undefined, Q = undefined, R = unknown>(
  def: RouteDef<B, P, Q, R>,
): RouteDef {
  return def as unknown as RouteDef;
}

export function allows(access: Access, user: UserRow | null): boolean {
  if (access === 'public') return true;
  if (!user) return false;
  return access === 'authenticated' || access.includes(user.role);
}

function issues(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.code === 'unrecognized_keys' ? `Unknown field(s): ${i.keys.join(', ')}.` : i.message,
  }));
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = issues(result.error, where);
  throw new AppError(
    'BAD_REQUEST',
    `Invalid ${where}: ${fields.map((f) => `${f.path} ${f.message}`).join(' ')}`,
    fields,
  );
}

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  const text = await c.req.text();
  try {
    // Text with NUL or a lone surrogate half would fail in the database with a 500: U+FFFD instead.
    return JSON.parse(storableJson(text));
  } catch {
    throw new AppError('INVALID_JSON', 'The body is not valid JSON.');
  }
}

function bearer(c: Context): string | null {
  const header = c.req.header('authorization');
  const match = header?.match(/^Bearer ([^\s]+)$/);
  return match?.[1] ?? null;
}

/** The body limit a route runs under: its own, the API default, or none (routes that check their own). */
function limiter(route: RouteDef, deps: AppDeps) {
  const limit =
    route.maxBody ??
    (route.path.startsWith('/api/')
      ? {
          bytes: deps.config.bodyLimitBytes,
          message: `The body is over ${deps.config.bodyLimitBytes} bytes.`,
        }
      : undefined);
  if (!limit) return undefined;
  return bodyLimit({
    maxSize: limit.bytes,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', limit.message);
    },
  });
}

/**
 * Mounts routes with the one authorization, body limit, validation and answer path every route
 * shares. The limit applies after authorization: nobody anonymous makes us buffer a large body.
 */
export function mountRoutes(app: Hono, routes: readonly RouteDef[], deps: AppDeps): void {
  for (const route of routes) {
    const limit = limiter(route, deps);
    app.on(route.method.toUpperCase(), route.path, async (c) => {
      const token = bearer(c);
      const user =
        route.access === 'public' || !token ? null : await resolveSession(deps.store.db, token, deps.now());
      if (!allows(route.access, user)) {
        if (!user) throw new AppError('UNAUTHENTICATED', 'Log in first: this needs a valid session.');
        throw new AppError('FORBIDDEN', 'Your role does not allow this.');
      }
      // Throws PAYLOAD_TOO_LARGE past the limit; otherwise the body is buffered (or its length trusted).
      if (limit) await limit(c, async () => {});
      const params = parse(route.params, c.req.param(), 'path');
      const query = parse(route.query, c.req.query(), 'query');
      const body = route.body ? parse(route.body, await readJson(c), 'body') : undefined;
      const result = await route.handler({ body, params, query, user, token, deps, c });
      if (result instanceof Response) return result;
      return jsonAnswer(c, result, route.status ?? 200);
    });
  }
}
