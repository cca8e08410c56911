import { Hono } from 'hono';
import type { SandboxContext } from './context.ts';
import { mountAdminRoutes } from './control-admin-routes.ts';
import { mountWorldRoutes } from './control-world-routes.ts';
import { customerPage } from './customer-page.ts';
import { escapeHtml, htmlPage } from './html.ts';

/** The control API and the demo pages, mounted at `/_sandbox` (no auth: the sandbox is local only). */
export function createControlApp(ctx: SandboxContext, reset: () => void): Hono {
  const app = new Hono();
  app.get('/', (c) =>
    c.html(
      htmlPage(
        'Graph sandbox',
        `<div class="card"><h1>Graph sandbox for ${escapeHtml(ctx.config.appName)}</h1>
<p><a href="/_sandbox/customer">Play a customer</a> · <a href="/_sandbox/state">State (JSON)</a></p>
<p class="muted">App id ${escapeHtml(ctx.config.appId)}. The control API is described in backend/sandbox/sandbox.ts.</p></div>`,
      ),
    ),
  );
  app.get('/customer', (c) => c.html(customerPage()));
  mountWorldRoutes(app, ctx);
  mountAdminRoutes(app, ctx, reset);
  // A catch-all route, not notFound(): a mounted app's notFound is ignored, and the Graph routes
  // mounted after this one would otherwise answer `/_sandbox/typo` as a Graph id.
  app.all('*', (c) => c.json({ error: { message: `No control route ${c.req.method} ${c.req.path}` } }, 404));
  return app;
}
