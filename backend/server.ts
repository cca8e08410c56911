import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { bootstrapAdmin } from './accounts/bootstrap-admin.ts';
import { forgetUserSessions } from './accounts/sessions.ts';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { createFacebookDeps } from './facebook/create-facebook-deps.ts';
import type { AppDeps } from './http/app-deps.ts';
import type { Logger } from './log/logger.ts';
import { sendDueReplies } from './outbox/send-outbox.ts';
import { emitter } from './realtime/emit.ts';
import { createEventBus, type EventBus } from './realtime/event-bus.ts';
import { openStore, type Store } from './store/database.ts';
import { migrate } from './store/migrate.ts';
import { createIngressLoad, processingDeferralMs } from './webhooks/ingress-load.ts';
import { processDeliveries } from './webhooks/process-deliveries.ts';
import { checkAllPages } from './workers/health-checker.ts';
import { startPgliteStatistics } from './workers/pglite-statistics.ts';
import { startPgliteVacuum } from './workers/pglite-vacuum.ts';
import { startWorkFlow, type WorkFlow } from './workers/work-flow.ts';
import { startWorker, type Worker } from './workers/worker-loop.ts';

/** The first Page health check after a start (or one interval, if shorter). */
const HEALTH_FIRST_AFTER_MS = 30_000;

export interface RunningServer {
  url: string;
  store: Store;
  /** Stops accepting, lets requests in flight finish, then closes the database. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  now?: () => Date;
  random?: () => number;
  /** Graph calls go here instead of the network (tests point it at an in-process sandbox). */
  graphFetch?: typeof fetch;
}

/** Opens the database, migrates it, makes sure an admin exists, starts the workers and serves HTTP. */
export async function startServer(config: Config, logger: Logger, opts: ServerOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const random = opts.random ?? Math.random;
  const facebook = createFacebookDeps(config, logger, opts.graphFetch);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const workers: Worker[] = [];
  let bus: EventBus | undefined;
  const flows: WorkFlow[] = [];
  try {
    const applied = await migrate(store);
    if (applied.length) logger.info('migrations applied', { applied });
    const admin = await bootstrapAdmin(
      store.db,
      { email: config.adminEmail, password: config.adminPassword },
      now(),
    );
    const db = store.db;
    bus = await createEventBus(store, logger);
    // Every instance hears when a user's sessions end, so none keeps trusting a cached one.
    bus.subscribe((event) => {
      if (event.type === 'user.sessions-ended') forgetUserSessions(store.db, event.userId);
    });
    const emit = emitter(bus, logger);
    const flow = startWorkFlow({ db, emit, logger, now, random, tickMs: config.routingTickMs });
    flows.push(flow);
    const ingress = createIngressLoad();
    let lastRoundMs = 0;
    const webhookWorker = startWorker({
      name: 'webhooks',
      idleMs: 2_000,
      logger,
      round: async () => {
        // The ingress first (ingress-load.ts): during a flood of webhooks processing waits, a bounded time.
        await ingress.whenNotFlooded(processingDeferralMs(lastRoundMs));
        const started = performance.now();
        const { more, changes } = await processDeliveries(db, logger);
        await flow.settle(changes);
        lastRoundMs = performance.now() - started;
        return more;
      },
    });
    const outboxWorker = startWorker({
      name: 'outbox',
      idleMs: 1_000,
      logger,
      round: () => sendDueReplies({ db, facebook, logger, now, random, emit, settle: flow.settle }),
    });
    const healthWorker = startWorker({
      name: 'health',
      idleMs: config.healthCheckIntervalMs,
      // Two Graph calls per Page (TLS handshakes, ~ms of CPU each) can wait for the first requests.
      firstAfterMs: Math.min(config.healthCheckIntervalMs, HEALTH_FIRST_AFTER_MS),
      logger,
      round: () => checkAllPages(db, facebook, logger, now, emit),
    });
    workers.push(webhookWorker, outboxWorker, healthWorker);
    if (store.kind === 'pglite')
      workers.push(startPgliteStatistics(db, logger), startPgliteVacuum(db, logger));
    const deps: AppDeps = {
      store,
      config,
      logger,
      now,
      facebook,
      events: bus,
      emit,
      settle: flow.settle,
      wake: (w) => (w === 'webhooks' ? webhookWorker : outboxWorker).wake(),
      ingress,
    };
    const app = createApp(deps);
    const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
    const server = await new Promise<Server>((resolve, reject) => {
      const s = serve(
        { fetch: app.fetch, port: config.port, hostname: config.host, websocket: { server: wss } },
        () => resolve(s as Server),
      );
      (s as Server).once('error', reject);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        // Open sockets would keep the server from closing: tell clients to reconnect elsewhere.
        for (const ws of wss.clients) ws.close(1001, 'server shutting down');
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await Promise.all([...workers, ...flows].map((w) => w.stop()));
        await bus?.close();
        await store.close();
      })();
      return stopping;
    };
    return { url, store, stop, admin, deps } satisfies RunningServer & { admin: unknown; deps: AppDeps };
  } catch (err) {
    await Promise.all([...workers, ...flows].map((w) => w.stop()));
    await bus?.close();
    await store.close();
    throw err;
  }
}
