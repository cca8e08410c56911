import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { PGLITE_EXTENSIONS } from './pglite-extensions.ts';
import { usePreparedStatements } from './pglite-prepared.ts';
import * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** One connection held for a sequence of raw statements (advisory locks are per connection). */
export interface RawSession {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  exec(text: string): Promise<void>;
}

export interface Store {
  kind: 'pglite' | 'postgres';
  db: Database;
  /** LISTEN on a channel; every instance on the database hears every NOTIFY. Resolves to unlisten. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  withSession<T>(fn: (session: RawSession) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Wraps an open PGlite instance (from a data dir, memory, or a loaded dump). */
export function storeFromPglite(client: PGlite, onClose: () => void = () => {}): Store {
  usePreparedStatements(client);
  const session: RawSession = {
    query: async (text, params) => (await client.query(text, params)).rows as never[],
    exec: async (text) => {
      await client.exec(text);
    },
  };
  // PGlite is one connection: serialize sessions so a held advisory lock is never shared.
  let chain: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    db: drizzlePglite({ client, schema }) as unknown as Database,
    listen: async (channel, onPayload) => {
      const unlisten = await client.listen(channel, onPayload);
      return async () => {
        await unlisten();
      };
    },
    notify: async (channel, payload) => {
      await client.query('select pg_notify($1, $2)', [channel, payload]);
    },
    withSession: (fn) => {
      const run = chain.then(() => fn(session));
      chain = run.catch(() => undefined);
      return run;
    },
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      await client.close();
      onClose();
    },
  };
}

export function storeFromPool(pool: pg.Pool): Store {
  // LISTEN connections are held out of the pool; closing must release them or pool.end() waits forever.
  const listeners = new Set<() => Promise<void>>();
  return {
    kind: 'postgres',
    db: drizzlePg({ client: pool, schema }) as unknown as Database,
    listen: async (channel, onPayload) => {
      const unlisten = await listenOnPool(pool, channel, onPayload);
      const once = async () => {
        if (listeners.delete(once)) await unlisten();
      };
      listeners.add(once);
      return once;
    },
    notify: async (channel, payload) => {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    withSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({
          query: async (text, params) => (await client.query(text, params)).rows,
          exec: async (text) => {
            await client.query(text);
          },
        });
      } finally {
        client.release();
      }
    },
    ping: async () => {
      await pool.query('select 1');
    },
    close: async () => {
      await Promise.all([...listeners].map((unlisten) => unlisten()));
      await pool.end();
    },
  };
}

/**
 * LISTEN needs a connection of its own that stays open (a pooled one would be handed to others).
 * If it drops, it reconnects with backoff and listens again, so an instance never goes deaf.
 */
async function listenOnPool(pool: pg.Pool, channel: string, onPayload: (payload: string) => void) {
  let client: pg.PoolClient | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const reconnectLater = (delayMs: number) => {
    if (!closed)
      retry = setTimeout(() => void connect(Math.min(delayMs * 2, 5_000)).catch(() => undefined), delayMs);
  };
  // The first connection's failure is the caller's to see; later ones retry with backoff.
  const connect = async (delayMs: number | null): Promise<void> => {
    try {
      client = await pool.connect();
      client.on('notification', (n) => {
        if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
      });
      client.on('error', () => {
        client?.release(true);
        client = undefined;
        reconnectLater(250);
      });
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      client?.release(true);
      client = undefined;
      if (delayMs === null) throw err;
      reconnectLater(delayMs);
    }
  };
  await connect(null);
  return async () => {
    closed = true;
    clearTimeout(retry);
    if (client) {
      await client.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
      client.release();
    }
  };
}

/** PostgreSQL when a URL is given, else embedded PGlite in `dataDir/pg` under a process lock. */
export async function openStore(opts: { databaseUrl?: string | undefined; dataDir: string }): Promise<Store> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const store = storeFromPool(pool);
    await store.ping();
    return store;
  }
  const release = acquireDataDirLock(opts.dataDir);
  try {
    const client = await PGlite.create(path.join(opts.dataDir, 'pg'), { extensions: PGLITE_EXTENSIONS });
    return storeFromPglite(client, release);
  } catch (err) {
    release();
    throw err;
  }
}
