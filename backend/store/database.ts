import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
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
  withSession<T>(fn: (session: RawSession) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Wraps an open PGlite instance (from a data dir, memory, or a loaded dump). */
export function storeFromPglite(client: PGlite, onClose: () => void = () => {}): Store {
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
  return {
    kind: 'postgres',
    db: drizzlePg({ client: pool, schema }) as unknown as Database,
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
    close: () => pool.end(),
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
    const client = await PGlite.create(path.join(opts.dataDir, 'pg'));
    return storeFromPglite(client, release);
  } catch (err) {
    release();
    throw err;
  }
}
