import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './http/app-deps.ts';
import { corsPolicy } from './http/cors.ts';
import { notFound, onError } from './http/error-handler.ts';
import { openApiDocument } from './http/openapi.ts';
import { requestId } from './http/request-id.ts';
import { mountRoutes, type RouteDef } from './http/route.ts';
import { allRoutes } from './http/routes/index.ts';
import { createWsHub } from './realtime/ws-hub.ts';

/** The backend's HTTP application; `routes` defaults to every route (tests may pass more). */
export function createApp(deps: AppDeps, routes: readonly RouteDef[] = allRoutes): Hono {
  const app = new Hono();
  app.use(requestId(deps.logger));
  app.use(secureHeaders({ crossOriginResourcePolicy: false }));
  app.use('/api/*', corsPolicy(deps.config.corsOrigins));
  // Body limits are per route (mountRoutes): BODY_LIMIT_BYTES for /api, more for attachments.
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(routes, deps.config.publicUrl)));
  mountRoutes(app, routes, deps);
  const hub = createWsHub({
    db: deps.store.db,
    bus: deps.events,
    logger: deps.logger,
    now: deps.now,
    settle: deps.settle,
    // The same safety net as routing's tick: what an event should have said arrives by then.
    resyncMs: deps.config.routingTickMs,
  });
  app.get('/ws', hub.handler);
  app.notFound(notFound);
  app.onError(onError(deps.logger));
  return app;
}
