import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../backend/log/logger.ts';
import { startServer } from '../../backend/server.ts';
import { migrate } from '../../backend/store/migrate.ts';
import { cleanups, serverConfig as config, runCleanups } from '../harness/lifecycle-helpers.ts';
import { eventually } from '../harness/sandbox-world.ts';
import { openSocket } from '../harness/ws-client.ts';

const logger = createLogger('silent');
afterEach(runCleanups);

describe('two instances on one PostgreSQL', () => {
  it('start together: migrations run once, one admin is created', async () => {
    const cfg = await config({}, { empty: true });
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

  it('pushes an event published on one instance to a client connected to the other', async () => {
    const cfg = await config({ ADMIN_EMAIL: 'admin@example.test', ADMIN_PASSWORD: 'admin password 123' });
    const a = await startServer(cfg, logger);
    const b = await startServer(cfg, logger);
    cleanups.push(
      () => a.stop(),
      () => b.stop(),
    );
    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.test', password: 'admin password 123' }),
    });
    const { token, user } = await login.json();
    const s = await openSocket(b.url);
    s.send({ type: 'auth', token });
    await eventually(async () => s.messages.find((m) => m.type === 'ready'));
    a.deps.emit({ type: 'user.sessions-ended', userId: user.id });
    await eventually(async () => s.closed());
    expect(s.events()).toEqual([{ type: 'user.sessions-ended', userId: user.id }]);
  });
});
