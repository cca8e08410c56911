import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { bootstrapAdmin } from './accounts/bootstrap-admin.ts';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import type { Logger } from './log/logger.ts';
import { openStore, type Store } from './store/database.ts';
import { migrate } from './store/migrate.ts';

export interface RunningServer {
  url: string;
  store: Store;
  /** Stops accepting, lets requests in flight finish, then closes the database. */
  stop(): Promise<void>;
}

/** Opens the database, migrates it, makes sure an admin exists and serves HTTP. */
export async function startServer(config: Config, logger: Logger, now: () => Date = () => new Date()) {
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(store);
    if (applied.length) logger.info('migrations applied', { applied });
    const admin = await bootstrapAdmin(
      store.db,
      { email: config.adminEmail, password: config.adminPassword },
      now(),
    );
    const app = createApp({ store, config, logger, now });
    const server = await new Promise<Server>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
        resolve(s as Server),
      );
      (s as Server).once('error', reject);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await store.close();
      })();
      return stopping;
    };
    return { url, store, stop, admin } satisfies RunningServer & { admin: unknown };
  } catch (err) {
    await store.close();
    throw err;
  }
}
