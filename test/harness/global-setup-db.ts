import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { storeFromPglite, storeFromPool } from '../../backend/store/database.ts';
import { migrate } from '../../backend/store/migrate.ts';
import { PGLITE_EXTENSIONS } from '../../backend/store/pglite-extensions.ts';
import { startPostgres } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: 'pglite' | 'postgres';
    /** An uncompressed dump of the migrated PGlite database, for in-memory test stores. */
    pgliteTemplate: string;
    /** The same database as a data directory, copied into a server's DATA_DIR. */
    pgliteTemplateDir: string;
    postgresUrl: string;
  }
}

export const TEMPLATE_DB = 'pagedesk_template';

/**
 * Prepares one migrated database to copy for every test file: a PGlite data directory and its dump
 * (a fresh PGlite runs initdb, ~10 s of CPU; a copy opens in ~2 s), or a PostgreSQL template
 * database on a server started here.
 */
export default async function setup(project: TestProject) {
  const kind = (project.config.env?.TEST_DB ?? process.env.TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
  project.provide('testDb', kind);
  if (kind === 'pglite') {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pagedesk-pglite-'));
    const dir = path.join(root, 'pg');
    const client = await PGlite.create(dir, { extensions: PGLITE_EXTENSIONS });
    const store = storeFromPglite(client);
    await migrate(store);
    // Uncompressed: loading skips gunzipping ~40 MB in every test file.
    const dump = await client.dumpDataDir('none');
    const file = path.join(root, 'template.tar');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await store.close();
    project.provide('pgliteTemplate', file);
    project.provide('pgliteTemplateDir', dir);
    project.provide('postgresUrl', '');
    return () => fs.rmSync(root, { recursive: true, force: true });
  }
  const server = await startPostgres();
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const store = storeFromPool(new pg.Pool({ connectionString: server.url(TEMPLATE_DB) }));
  await migrate(store);
  await store.close();
  project.provide('pgliteTemplate', '');
  project.provide('pgliteTemplateDir', '');
  project.provide('postgresUrl', server.url('postgres'));
  return () => server.stop();
}
