import { type Context, Hono } from 'hono';
import { commentWriteRoutes } from './comment-write-routes.ts';
import type { SandboxContext } from './context.ts';
import { authenticate, type Caller } from './graph-auth.ts';
import { nonexistingField, unknownPath, unsupportedRequest } from './graph-error.ts';
import { GraphParams } from './graph-params.ts';
import { graphReadRoutes } from './graph-read-routes.ts';
import { answerGraph, graphJson, unversionedPath } from './graph-response.ts';
import { type GraphMethod, type GraphRoutes, NODE_TYPE_NAMES } from './graph-router.ts';
import { mountOAuthDialog } from './oauth-dialog-routes.ts';
import { mountTokenRoutes } from './oauth-token-routes.ts';
import { sendApiRoutes } from './send-api-routes.ts';
import type { GraphNode } from './state.ts';
import { subscribedAppsRoutes } from './subscribed-apps-routes.ts';

const ROUTES: GraphRoutes = {
  ...graphReadRoutes,
  ...subscribedAppsRoutes,
  ...commentWriteRoutes,
  ...sendApiRoutes,
};

/**
 * Graph API and Login dialog routes, without the version prefix (sandbox.ts mounts this app at
 * `/vNN.N/` and at `/`, as Meta serves both). Every Graph call passes the fault injector, then
 * authentication, then the node lookup, then the handler for `METHOD nodeType[/edge]`.
 */
export function createGraphApp(ctx: SandboxContext): Hono {
  const app = new Hono();
  const guard = (c: Context) => injectFault(ctx, c);
  mountOAuthDialog(app, ctx);
  mountTokenRoutes(app, ctx, guard);
  for (const method of ['GET', 'POST', 'DELETE'] as const) {
    app.on(method, '/:id', (c) => dispatch(ctx, c, method, guard));
    app.on(method, '/:id/:edge', (c) => dispatch(ctx, c, method, guard));
  }
  app.all('*', (c) =>
    answerGraph(c, ctx.ids, async () => Promise.reject(unknownPath(unversionedPath(c.req.path)))),
  );
  return app;
}

function dispatch(
  ctx: SandboxContext,
  c: Context,
  method: GraphMethod,
  guard: (c: Context) => Promise<void>,
) {
  return answerGraph(c, ctx.ids, async () => {
    await guard(c);
    const params = await GraphParams.read(c);
    const caller = authenticate(ctx, c, params);
    const id = c.req.param('id')!;
    const edge = c.req.param('edge');
    const node = id === 'me' ? selfNode(ctx, caller) : ctx.state.resolve(id);
    if (!node) throw unsupportedRequest(method, id);
    const handler = ROUTES[`${method} ${node.type}${edge ? `/${edge}` : ''}` as keyof GraphRoutes];
    if (!handler) {
      throw edge && method === 'GET'
        ? nonexistingField(edge, NODE_TYPE_NAMES[node.type])
        : unsupportedRequest(method, id);
    }
    return handler({
      ctx,
      c,
      method,
      params,
      caller,
      node,
      id,
      ...(edge ? { edge } : {}),
      reply: (body, status = 200, headers = {}) => graphJson(c, body, ctx.ids, status, headers),
    });
  });
}

/** `/me` is the token's own node: the user for a user token, the Page for a Page token. */
function selfNode(ctx: SandboxContext, caller: Caller): GraphNode | undefined {
  if (caller.kind !== 'token') return undefined;
  const { token } = caller;
  if (token.kind === 'page') {
    const page = ctx.state.pages.get(token.pageId ?? '');
    return page && { type: 'page', page };
  }
  const user = ctx.state.users.get(token.userId);
  return user && { type: 'user', user };
}

/** Applies an active fault (control API) to this Graph call: waits for latency, throws a failure. */
async function injectFault(ctx: SandboxContext, c: Context): Promise<void> {
  const path = unversionedPath(c.req.path);
  const first = path.split('/')[1] ?? '';
  const owner = ctx.state.pages.has(first) ? first : ctx.config.appId;
  const error = await ctx.faults.apply(path, owner);
  if (error) throw error;
}
