import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../backend/log/logger.ts';
import { startServer } from '../../backend/server.ts';
import { migrate } from '../../backend/store/migrate.ts';
import { cleanups, serverConfig as config, runCleanups } from '../harness/lifecycle-helpers.ts';

const logger = createLogger('silent');
afterEach(runCleanups);

describe('two instances on one PostgreSQL', () => {
  it('start together: migrations run once, one admin is created', async () => {
    const cfg = await config();
    const [a, b] = await Promise.all([startServer(cfg, logger), startServer(cfg, logger)]);
    cleanups.push(
      () => a.stop(),
      () => b.stop(),
    );
    expect([a.admin.created, b.admin.created].filter(Boolean)).toHaveLength(1);
    const client = new pg.Client({ connectionString: cfg.databaseUrl });
    await client.connect();
    const users = await client.query('select count(*)::int as n from users');
    const tags = await client.query('select tag from schema_migrations');
    await client.end();
    expect(users.rows[0].n).toBe(1);
    expect(tags.rows.length).toBe(new Set(tags.rows.map((r) => r.tag)).size);
    // A third run of the migrations applies nothing.
    expect(await migrate(a.store)).toEqual([]);
  });
});
