import type { Hono } from 'hono';
import { createSession } from '../../backend/accounts/sessions.ts';
import { createUser } from '../../backend/accounts/users.ts';
import { createApp } from '../../backend/app.ts';
import { loadConfig } from '../../backend/config.ts';
import { createFacebookDeps } from '../../backend/facebook/create-facebook-deps.ts';
import type { AppDeps } from '../../backend/http/app-deps.ts';
import { publishChanges } from '../../backend/interactions/changes.ts';
import { createLogger } from '../../backend/log/logger.ts';
import { emitter } from '../../backend/realtime/emit.ts';
import { createEventBus } from '../../backend/realtime/event-bus.ts';
import type { Store } from '../../backend/store/database.ts';
import type { UserRow } from '../../backend/store/schema.ts';
import { createIngressLoad } from '../../backend/webhooks/ingress-load.ts';
import type { Role } from '../../shared/api/users.ts';
import { TEST_FB_ENV } from './test-facebook-env.ts';
import { createTestStore } from './test-store.ts';

export interface TestApp {
  app: Hono;
  store: Store;
  deps: AppDeps;
  logs: string[];
  /** Which workers the app asked to wake, in order. */
  wakes: string[];
  /** Creates a user of the role with a fresh session; returns the row and a bearer token. */
  userWithSession(role: Role, name?: string): Promise<{ user: UserRow; token: string }>;
  /** A JSON request; `token` adds the bearer header. */
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; raw?: string },
  ): Promise<Response>;
  close(): Promise<void>;
}

let counter = 0;

export async function createTestApp(
  env: Record<string, string> = {},
  opts: { graphFetch?: typeof fetch; now?: () => Date } = {},
): Promise<TestApp> {
  const store = await createTestStore();
  const logs: string[] = [];
  const wakes: string[] = [];
  const config = loadConfig({ LOG_LEVEL: 'info', DATA_DIR: '/nonexistent', ...TEST_FB_ENV, ...env });
  const logger = createLogger('info', (l) => logs.push(l));
  const events = await createEventBus(store, logger);
  const deps: AppDeps = {
    store,
    config,
    logger,
    now: opts.now ?? (() => new Date()),
    facebook: createFacebookDeps(config, logger, opts.graphFetch),
    events,
    emit: emitter(events, logger),
    settle: async (changes) => publishChanges(store.db, emitter(events, logger), changes),
    wake: (w) => wakes.push(w),
    ingress: createIngressLoad(),
  };
  const app = createApp(deps);
  return {
    app,
    store,
    deps,
    logs,
    wakes,
    async userWithSession(role, name) {
      counter += 1;
      const label = name ?? `${role} ${counter}`;
      const email = `${role}${counter}.${process.pid}@example.test`;
      const res = await createUser(
        store.db,
        { email, name: label, role, password: 'correct horse battery' },
        new Date(),
      );
      if (!res.ok) throw new Error(res.code);
      const { token } = await createSession(store.db, res.user.id, new Date(), config.sessionTtlMs);
      return { user: res.user, token };
    },
    call(method, path, opts = {}) {
      const headers: Record<string, string> = {};
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | undefined;
      if (opts.raw !== undefined) {
        body = opts.raw;
        headers['content-type'] = 'application/json';
      } else if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['content-type'] = 'application/json';
      }
      return Promise.resolve(app.request(path, { method, headers, body }));
    },
    close: async () => {
      await events.close();
      await store.close();
    },
  };
}
