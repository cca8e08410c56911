/**
 * The Graph sandbox: a local server that plays Facebook for Pagedesk's demo, tests and benchmarks
 * (Login dialog, tokens, Graph reads and writes, the Send API and its windows, signed webhooks).
 * Facts and their sources: ../../../shared/design/FACEBOOK-PLATFORM.md (section numbers in comments).
 *
 * Graph routes answer with and without a version prefix (`/v25.0/me` and `/me`):
 *   GET  /dialog/oauth?client_id&redirect_uri&state&response_type=code&scope   permission screen
 *        (+ sandbox_auto=1: approve everything at once; + sandbox_user=<id>: log in as that user)
 *   POST /dialog/oauth                         the screen's form (Continue / Cancel)
 *   GET  /oauth/access_token                   code exchange, grant_type=fb_exchange_token|client_credentials
 *   GET  /debug_token?input_token&access_token=APPID|SECRET
 *   GET  /me, /me/accounts, /{user-id}/accounts, /{page-id}, /{page-id}/feed|posts, /{post-id},
 *        /{post-id}/comments, /{comment-id}, /{comment-id}/comments, /{psid} (profile)
 *   GET|POST|DELETE /{page-id}/subscribed_apps
 *   POST /{comment-id}/comments, /{post-id}/comments, /{comment-id} (is_hidden | message); DELETE /{comment-id}
 *   POST /{page-id}/messages (Send API, private replies), /{page-id}/message_attachments
 * Every call with a user or Page token needs `appsecret_proof` (app tokens `APPID|SECRET` do not).
 *
 * Control API (JSON, no auth, sandbox only), under /_sandbox:
 *   POST   /users {name}                                    → user {id, name}
 *   GET    /pages                                           → [{id, name, adminIds, humanAgent, subscribedFields}]
 *   POST   /pages {name, adminUserId?}                      → {id, name, access_token} (never expires, all
 *                                                             permissions; the app is NOT subscribed yet)
 *   POST   /pages/:id/posts {message, photoUrl?}            → post (+ feed `status`/`photo` webhook)
 *   POST   /posts/:postId/comments {customer:{name, id?}, message, parentId?, photoUrl?}
 *                                                           → comment (+ feed `comment add`); same name or
 *                                                             id = same customer
 *   PATCH  /comments/:id {message}                          → edited (+ `edited`)
 *   DELETE /comments/:id                                    → removed (+ `remove`)
 *   POST   /pages/:id/messages {customer:{name, psid?}, text?, attachments?:[{type,url}],
 *          quickReply?: string|{payload}, replyToMid?}      → {psid, customerId, mid, conversationId}
 *                                                             (+ `messages` webhook; opens the 24 h window)
 *   POST   /pages/:id/customers/:psid/block {blocked}       → sends to them fail with 551/1545041
 *   POST   /pages/:id/human-agent {enabled}                 → HUMAN_AGENT tag allowed or not (default on)
 *   POST   /pages/:id/invalidate {subcode: 458|459|460|463|464|467}
 *                                                           → every token of the Page and of its admins dies
 *   POST   /pages/:id/unsubscribe                           → the app is removed from the Page
 *   GET    /pages/:id/inbox                                 → posts with comment threads + Messenger threads
 *   POST   /faults {kind: '5xx'|'613'|'1200'|'latency', durationMs, latencyMs?, paths?: ['/me/accounts',
 *          '/*\/messages', '/**']}                          → Graph calls fail that way until it expires
 *   GET    /faults · DELETE /faults
 *   POST   /clock {advanceMs}                               → moves the sandbox clock forward
 *   POST   /webhook {url?: string|null, duplicateRate?: 0..1} → the app's callback settings
 *   POST   /webhook/verify                                  → Meta's hub.challenge handshake against the URL
 *   POST   /deliver                                         → send queued webhooks now (skips batch window
 *                                                             and retry backoff), answers delivery stats
 *   GET    /state                                           → everything, with delivery stats
 *   POST   /reset                                           → back to an empty world (default admin only)
 *   GET    /customer                                        → demo page to act as a customer
 *   GET    /files/:id                                       → bytes uploaded to message_attachments
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { SandboxClock } from './clock.ts';
import type { SandboxConfig, SandboxContext } from './context.ts';
import { createControlApp } from './control-app.ts';
import { ControlError } from './control-error.ts';
import { Faults } from './faults.ts';
import { FeedActivity } from './feed-activity.ts';
import { createGraphApp } from './graph-app.ts';
import { GraphError } from './graph-error.ts';
import { graphErrorResponse } from './graph-response.ts';
import { cryptoRandom, IdFactory } from './ids.ts';
import { MessengerActivity } from './messenger-activity.ts';
import { SandboxState } from './state.ts';
import { Tokens } from './tokens.ts';
import { type DeliveryOptions, type DeliveryStats, WebhookDelivery } from './webhook-delivery.ts';
import { WebhookPublisher } from './webhook-publisher.ts';

export interface SandboxOptions {
  appId: string;
  appSecret: string;
  verifyToken: string;
  /** Where clients reach the sandbox (used in paging links and uploaded file URLs). */
  publicUrl: string;
  webhookUrl?: string;
  appName?: string;
  now?: () => number;
  random?: () => number;
  delivery?: DeliveryOptions;
}

export interface Sandbox {
  app: Hono;
  state: SandboxState;
  /** The live configuration (the control API may change `webhookUrl`). */
  config: SandboxConfig;
  clock: SandboxClock;
  /** Sends queued webhooks at once and waits for those attempts. */
  deliverNow(): Promise<void>;
  /** Resolves when every webhook is acknowledged or dropped, with normal batching and backoff. */
  deliveryIdle(): Promise<void>;
  deliveryStats(): DeliveryStats;
  stop(): void;
}

export function createSandbox(opts: SandboxOptions): Sandbox {
  const random = opts.random ?? cryptoRandom;
  const clock = new SandboxClock(opts.now);
  const ids = new IdFactory(random);
  const state = new SandboxState(ids, clock);
  const config: SandboxConfig = {
    appId: opts.appId,
    appSecret: opts.appSecret,
    appName: opts.appName ?? 'Pagedesk',
    verifyToken: opts.verifyToken,
    publicUrl: opts.publicUrl,
    webhookUrl: opts.webhookUrl,
  };
  const delivery = new WebhookDelivery(
    { appSecret: config.appSecret, now: () => clock.now(), random, callbackUrl: () => config.webhookUrl },
    opts.delivery,
  );
  const publisher = new WebhookPublisher(state, delivery, () => config.webhookUrl);
  const ctx: SandboxContext = {
    config,
    clock,
    ids,
    random,
    state,
    tokens: new Tokens(state, ids, clock, config.appId),
    feed: new FeedActivity(state, clock, publisher),
    messenger: new MessengerActivity(state, clock, ids, publisher, config.appId),
    publisher,
    delivery,
    faults: new Faults(() => clock.now()),
  };
  const reset = () => {
    delivery.clear();
    delivery.duplicateRate = 0;
    publisher.resetCounts();
    ctx.faults.clear();
    clock.reset();
    state.reset();
  };

  const app = new Hono();
  app.route('/_sandbox', createControlApp(ctx, reset));
  const graph = createGraphApp(ctx);
  app.route('/:version{v[0-9]+\\.[0-9]+}', graph);
  app.route('/', graph);
  app.onError((err, c) => {
    if (err instanceof ControlError) return c.json({ error: { message: err.message } }, err.status);
    if (err instanceof GraphError) return graphErrorResponse(c, err, ids);
    console.error('[sandbox] unexpected error', err);
    return c.json({ error: { message: 'Unexpected sandbox error.' } }, 500);
  });

  return {
    app,
    state,
    config,
    clock,
    deliverNow: () => delivery.deliverNow(),
    deliveryIdle: () => delivery.idle(),
    deliveryStats: () => delivery.stats(),
    stop: () => delivery.clear(),
  };
}

export interface RunningSandbox {
  url: string;
  sandbox: Sandbox;
  stop(): Promise<void>;
}

/** Serves a sandbox over HTTP; `port: 0` picks a free port. `publicUrl` defaults to the listening URL. */
export async function startSandbox(
  opts: Omit<SandboxOptions, 'publicUrl'> & { port: number; host?: string; publicUrl?: string },
): Promise<RunningSandbox> {
  const host = opts.host ?? '127.0.0.1';
  const sandbox = createSandbox({ ...opts, publicUrl: opts.publicUrl ?? '' });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: sandbox.app.fetch, port: opts.port, hostname: host }, () =>
      resolve(s as Server),
    );
    (s as Server).once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
  if (!opts.publicUrl) sandbox.config.publicUrl = url;
  let stopping: Promise<void> | undefined;
  return {
    url,
    sandbox,
    stop: () => {
      stopping ??= new Promise<void>((resolve) => {
        sandbox.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}
