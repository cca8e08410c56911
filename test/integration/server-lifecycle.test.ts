import { spawn } from 'node:child_process';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../backend/log/logger.ts';
import { startServer } from '../../backend/server.ts';
import { cleanups, runCleanups, serverConfig, tempDir } from '../harness/lifecycle-helpers.ts';
import { TEST_FB_ENV } from '../harness/test-facebook-env.ts';
import { createPostgresDatabase } from '../harness/test-store.ts';

const logger = createLogger('silent');
afterEach(runCleanups);
// First starts: on an empty database the server has to create (PGlite) and migrate itself.
const config = (extra?: Record<string, string>) => serverConfig(extra, { empty: true });

async function post(url: string, body: unknown, token?: string) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

describe('first start and restart', () => {
  it('creates admin@localhost with a generated password once, and keeps every record across a restart', async () => {
    const cfg = await config();
    const first = await startServer(cfg, logger);
    expect(first.admin).toMatchObject({ created: true, email: 'admin@localhost' });
    const password = (first.admin as { generatedPassword: string }).generatedPassword;
    expect(password.length).toBeGreaterThanOrEqual(16);
    const login = await (
      await post(`${first.url}/api/auth/login`, { email: 'admin@localhost', password })
    ).json();
    const created = await post(
      `${first.url}/api/users`,
      { email: 'agent@example.test', name: 'Agent A', role: 'agent', password: 'agent password 1' },
      login.token,
    );
    expect(created.status).toBe(201);
    await first.stop();

    const second = await startServer(cfg, logger);
    cleanups.push(() => second.stop());
    expect(second.admin).toEqual({ created: false });
    const again = await post(`${second.url}/api/auth/login`, {
      email: 'agent@example.test',
      password: 'agent password 1',
    });
    expect(again.status).toBe(200);
    // The admin's session survived the restart as well.
    const me = await fetch(`${second.url}/api/me`, { headers: { authorization: `Bearer ${login.token}` } });
    expect(me.status).toBe(200);
    const health = await (await fetch(`${second.url}/healthz`)).json();
    expect(health).toEqual({ status: 'ok', database: inject('testDb') });
  });

  it('takes the first admin from ADMIN_EMAIL and ADMIN_PASSWORD when given', async () => {
    const cfg = await config({ ADMIN_EMAIL: 'Boss@Example.test', ADMIN_PASSWORD: 'boss password 123' });
    const server = await startServer(cfg, logger);
    cleanups.push(() => server.stop());
    expect(server.admin).toEqual({ created: true, email: 'boss@example.test', generatedPassword: undefined });
    const res = await post(`${server.url}/api/auth/login`, {
      email: 'boss@example.test',
      password: 'boss password 123',
    });
    expect(res.status).toBe(200);
  });
});

/** Runs the real entry point the way `npm start` does. */
function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'backend/main.ts'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...TEST_FB_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('the entry point', () => {
  it('stops with exit 1 and one line naming the variable on bad configuration', async () => {
    const run = runMain({ PORT: 'eighty', DATA_DIR: tempDir() });
    expect(await run.exited).toBe(1);
    expect(run.err().trim().split('\n')).toEqual([expect.stringContaining('PORT')]);
  });

  it('refuses to start without the app secret: webhook signatures are never skipped', async () => {
    const run = runMain({ DATA_DIR: tempDir(), FB_APP_SECRET: '' });
    expect(await run.exited).toBe(1);
    expect(run.err().trim().split('\n')).toEqual([expect.stringContaining('FB_APP_SECRET')]);
  });

  it('prints the URL and the admin login, then shuts down cleanly on SIGTERM', async () => {
    const databaseUrl = await createPostgresDatabase({ empty: true });
    const run = runMain({
      PORT: '0',
      DATA_DIR: tempDir(),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });
    const deadline = Date.now() + 30_000;
    while (!/Pagedesk backend: http/.test(run.err()) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const url = run.err().match(/Pagedesk backend: (http:\/\/\S+)/)?.[1];
    expect(url).toBeDefined();
    expect(run.err()).toMatch(/admin admin@localhost, password \S+/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.out()).toContain('"msg":"shutting down"');
  });
});
