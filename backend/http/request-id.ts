import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { type Logger, requestContext } from '../log/logger.ts';

/** Gives every request an id (a caller's sane X-Request-Id is kept), echoes it, and logs the outcome. */
export function requestId(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const id = given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    const started = performance.now();
    await requestContext.run({ requestId: id }, async () => {
      await next();
      logger.info('request', {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    });
  };
}

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
  }
}
