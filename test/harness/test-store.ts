import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Store, storeFromPglite, storeFromPool } from '../../backend/store/database.ts';
import { PGLITE_EXTENSIONS } from '../../backend/store/pglite-extensions.ts';

const TEMPLATE_DB = 'pagedesk_template';

/** A fresh, migrated database of the suite's kind (PGlite or PostgreSQL) for one test file. */
export async function createTestStore(): Promise<Store & { url?: string }> {
  if (inject('testDb') === 'postgres') {
    const dbUrl = (await createPostgresDatabase())!;
    return Object.assign(storeFromPool(new pg.Pool({ connectionString: dbUrl, max: 10 })), { url: dbUrl });
  }
  const dump = fs.readFileSync(inject('pgliteTemplate'));
  const client = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: PGLITE_EXTENSIONS });
  return storeFromPglite(client);
}

/**
 * A database URL on the suite's PostgreSQL server for a fresh database, or null on PGlite:
 * migrated (a copy of the template), or `empty` for a test of what a first start does to one.
 */
export async function createPostgresDatabase(opts: { empty?: boolean } = {}): Promise<string | null> {
  if (inject('testDb') !== 'postgres') return null;
  const url = inject('postgresUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}${opts.empty ? '' : ` template ${TEMPLATE_DB}`}`);
  await admin.end();
  return url.replace(/\/postgres$/, `/${name}`);
}

/**
 * On PGlite, puts a copy of the migrated template database where a server on `dataDir` opens its
 * embedded one, so it starts as on an existing install instead of running initdb. No-op on PostgreSQL.
 */
export function seedPgliteDataDir(dataDir: string): void {
  if (inject('testDb') !== 'pglite') return;
  fs.cpSync(inject('pgliteTemplateDir'), path.join(dataDir, 'pg'), { recursive: true });
}
