import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9-]+$/;

/** Admits the extension's own origins and the ones configured in CORS_ORIGINS; nobody else. */
export function corsPolicy(configured: string[]): MiddlewareHandler {
  const allowed = new Set(configured);
  return cors({
    origin: (origin) => (EXTENSION_ORIGIN.test(origin) || allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    // X-Total-Count and Content-Disposition: the recordings export's progress and file name.
    exposeHeaders: ['X-Request-Id', 'X-Total-Count', 'Content-Disposition'],
    maxAge: 600,
  });
}
