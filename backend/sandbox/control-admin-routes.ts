import type { Hono } from 'hono';
import type { SandboxContext } from './context.ts';
import { found, parseBody } from './control-error.ts';
import { clockSchema, faultSchema, invalidateSchema, webhookSchema } from './control-schemas.ts';
import { stateView } from './control-views.ts';
import { verifyWebhook } from './webhook-verification.ts';

/**
 * The knobs a test pulls: token invalidation, unsubscribing, faults, the clock, the webhook
 * callback (URL, duplicates, the verification handshake, immediate delivery), state and reset.
 */
export function mountAdminRoutes(app: Hono, ctx: SandboxContext, reset: () => void): void {
  const { state } = ctx;
  const page = (id: string) => found(state.pages.get(id), `Page ${id}`);

  app.post('/pages/:id/invalidate', async (c) => {
    const body = await parseBody(c, invalidateSchema);
    const invalidated = ctx.tokens.invalidatePage(page(c.req.param('id')).id, body.subcode);
    return c.json({ invalidated });
  });

  /** As if the app had been removed from the Page (or unsubscribed after failing deliveries). */
  app.post('/pages/:id/unsubscribe', (c) => {
    const removed = state.subscriptions.delete(page(c.req.param('id')).id);
    return c.json({ removed });
  });

  app.get('/faults', (c) => c.json(ctx.faults.active()));
  app.post('/faults', async (c) => c.json(ctx.faults.add(await parseBody(c, faultSchema)), 201));
  app.delete('/faults', (c) => {
    ctx.faults.clear();
    return c.json({ cleared: true });
  });

  app.post('/clock', async (c) => {
    const body = await parseBody(c, clockSchema);
    ctx.clock.advance(body.advanceMs);
    return c.json({ now: new Date(ctx.clock.now()).toISOString(), nowMs: ctx.clock.now() });
  });

  app.post('/webhook', async (c) => {
    const body = await parseBody(c, webhookSchema);
    if (body.url !== undefined) ctx.config.webhookUrl = body.url ?? undefined;
    if (body.duplicateRate !== undefined) ctx.delivery.duplicateRate = body.duplicateRate;
    return c.json({ url: ctx.config.webhookUrl ?? null, duplicateRate: ctx.delivery.duplicateRate });
  });

  /** Meta's GET handshake against the callback, as when the URL is saved in the App Dashboard. */
  app.post('/webhook/verify', async (c) => {
    const url = ctx.config.webhookUrl;
    if (!url) return c.json({ ok: false, reason: 'No webhook URL is configured.' }, 409);
    return c.json(await verifyWebhook(url, ctx.config.verifyToken, ctx.random));
  });

  app.post('/deliver', async (c) => {
    await ctx.delivery.deliverNow();
    return c.json(ctx.delivery.stats());
  });

  app.get('/state', (c) => c.json(stateView(ctx)));

  app.post('/reset', (c) => {
    reset();
    return c.json({ reset: true, defaultAdmin: state.defaultAdmin });
  });
}
