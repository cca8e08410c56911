import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../backend/store/database.ts';

export type DbKind = 'pglite' | 'postgres';

/** One database for one figure: the backend gets `env`; the bench may open it while the backend is down. */
export interface BenchDatabase {
  kind: DbKind;
  env: Record<string, string>;
  /** Opens the database in this process (PGlite: only while no backend holds the data dir). */
  open(): Promise<Store>;
  drop(): Promise<void>;
}

/**
 * A fresh database: a temporary PGlite data dir, or a new database on the server of DATABASE_URL
 * (named after it, `<db>_bench_<name>`), so the bench never writes into the database it was given.
 */
export async function freshDatabase(
  kind: DbKind,
  name: string,
  serverUrl: string | undefined = process.env.DATABASE_URL,
): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `pagedesk-bench-${name}-`));
    return pgliteAt(dataDir, true);
  }
  const server = required(serverUrl);
  const url = serverDatabaseUrl(server, name);
  await adminQuery(server, `drop database if exists ${pg.escapeIdentifier(dbName(url))} with (force)`);
  await adminQuery(server, `create database ${pg.escapeIdentifier(dbName(url))}`);
  return postgresAt(server, url, true);
}

/** A database kept between runs (the search data set): created when missing, never dropped. */
export async function keptDatabase(kind: DbKind, name: string, pgliteDir: string): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    fs.mkdirSync(pgliteDir, { recursive: true });
    return pgliteAt(pgliteDir, false);
  }
  const server = required(process.env.DATABASE_URL);
  const url = serverDatabaseUrl(server, name);
  const exists = await adminQuery(server, 'select 1 from pg_database where datname = $1', [dbName(url)]);
  if (exists.length === 0) await adminQuery(server, `create database ${pg.escapeIdentifier(dbName(url))}`);
  return postgresAt(server, url, false);
}

function pgliteAt(dataDir: string, temporary: boolean): BenchDatabase {
  return {
    kind: 'pglite',
    env: { DATA_DIR: dataDir },
    open: () => openStore({ dataDir }),
    drop: async () => {
      if (temporary) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function postgresAt(server: string, url: string, temporary: boolean): BenchDatabase {
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url },
    open: () => openStore({ databaseUrl: url, dataDir: os.tmpdir() }),
    drop: async () => {
      if (temporary)
        await adminQuery(server, `drop database if exists ${pg.escapeIdentifier(dbName(url))} with (force)`);
    },
  };
}

function required(url: string | undefined): string {
  if (!url) throw new Error('DATABASE_URL is not set');
  return url;
}

function serverDatabaseUrl(server: string, name: string): string {
  const u = new URL(server);
  const base = u.pathname.replace(/^\//, '') || 'postgres';
  u.pathname = `/${base}_bench_${name}`.slice(0, 64);
  return u.toString();
}

const dbName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

async function adminQuery(server: string, text: string, params: unknown[] = []): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}
