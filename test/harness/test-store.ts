import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Store, storeFromPglite, storeFromPool } from '../../backend/store/database.ts';
import { PGLITE_EXTENSIONS } from '../../backend/store/pglite-extensions.ts';

const TEMPLATE_DB = 'pagedesk_template';

/** A fresh, migrated database of the suite's kind (PGlite or PostgreSQL) for one test file. */
export async function createTestStore(): Promise<Store & { url?: string }> {
  if (inject('testDb') === 'postgres') {
    const url = inject('postgresUrl');
    const name = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
    await admin.end();
    const dbUrl = url.replace(/\/postgres$/, `/${name}`);
    return Object.assign(storeFromPool(new pg.Pool({ connectionString: dbUrl, max: 10 })), { url: dbUrl });
  }
  const dump = fs.readFileSync(inject('pgliteTemplate'));
  const client = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: PGLITE_EXTENSIONS });
  return storeFromPglite(client);
}

/** A database URL on the suite's PostgreSQL server for a fresh migrated database, or null on PGlite. */
export async function createPostgresDatabase(): Promise<string | null> {
  if (inject('testDb') !== 'postgres') return null;
  const store = await createTestStore();
  await store.close();
  return store.url ?? null;
}
