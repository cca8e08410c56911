import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../backend/sandbox/sandbox.ts';
import { createPostgresDatabase } from '../harness/test-store.ts';
import { openSocket } from '../harness/ws-client.ts';
import {
  ADMIN,
  AGENT_PASSWORD,
  APP_SECRETS,
  type BackendProcess,
  backendEnv,
  call,
  controlOf,
  expectNoSecrets,
  type LogSink,
  login,
  ok,
  spawnBackend,
  sqlClient,
  startTestSandbox,
  tempDir,
  until,
} from './kit.ts';

/**
 * Issue 8.8: secrets. A backend logging at `debug` goes through everything that handles one —
 * logins right and wrong, password resets, the Login dialog (codes, short- and long-lived user
 * tokens, Page tokens), token import, replies through Graph (with appsecret_proof), a Graph
 * outage, token death, re-activation, WebSocket auth right and wrong. Then no log line and no
 * database row holds any of them in clear.
 */
const cleanups: (() => unknown)[] = [];
const logs: LogSink = [];
let sandbox: RunningSandbox;
let db: ReturnType<typeof sqlClient>;
let backend: BackendProcess;
const sessionTokens: string[] = [];
const passwords = [ADMIN.password, AGENT_PASSWORD, 'a brand new password 42', 'wrong password 1234'];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  cleanups.push(() => sandbox.stop());
  const databaseUrl = (await createPostgresDatabase())!;
  db = sqlClient(databaseUrl);
  cleanups.push(() => db.close());
  const env = await backendEnv(
    sandbox,
    { dataDir: tempDir(cleanups as (() => void)[]), databaseUrl },
    { LOG_LEVEL: 'debug', HEALTH_CHECK_INTERVAL_S: '5' },
  );
  backend = await spawnBackend(env, logs);
  cleanups.push(() => backend.kill('SIGKILL'));
  sandbox.sandbox.config.webhookUrl = `${backend.url}/webhooks/facebook`;
}, 120_000);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function activate(admin: string, pageId: string, fbUserId: string) {
  const start = await ok(backend.url, 'POST', '/api/pages/activations', admin);
  const dialog = await fetch(`${start.dialogUrl}&sandbox_auto=1&sandbox_user=${fbUserId}`, {
    redirect: 'manual',
  });
  const callback = dialog.headers.get('location')!;
  expect((await fetch(callback)).status).toBe(200);
  // The same code and state again, as a replaying attacker would: refused, and not logged.
  expect((await fetch(callback)).status).toBe(400);
  return ok(backend.url, 'POST', `/api/pages/activations/${start.id}/link`, admin, { pageId });
}

describe('secrets stay secret', () => {
  it('runs every path that touches a token or a password', async () => {
    const control = controlOf(sandbox);
    const base = backend.url;
    expect(
      (await call(base, 'POST', '/api/auth/login', undefined, { email: ADMIN.email, password: passwords[3] }))
        .status,
    ).toBe(401);
    const admin = await login(base);
    sessionTokens.push(admin);
    const agent = await ok(base, 'POST', '/api/users', admin, {
      email: 'secret-agent@example.test',
      name: 'Agent',
      role: 'agent',
      password: AGENT_PASSWORD,
    });
    await ok(base, 'PATCH', `/api/users/${agent.id}`, admin, { password: passwords[2] });
    expect(
      (
        await call(base, 'POST', '/api/auth/login', undefined, {
          email: 'secret-agent@example.test',
          password: AGENT_PASSWORD,
        })
      ).status,
    ).toBe(401);
    const agentToken = await login(base, 'secret-agent@example.test', passwords[2]);
    sessionTokens.push(agentToken);

    const owner = await control<{ id: string }>('POST', '/users', { name: 'Page owner' });
    const page = await control<{ id: string }>('POST', '/pages', {
      name: 'Secret Shop',
      adminUserId: owner.id,
    });
    await activate(admin, page.id, owner.id);
    const other = await control<{ id: string; access_token: string }>('POST', '/pages', { name: 'Imported' });
    await ok(base, 'POST', '/api/pages/import-token', admin, { accessToken: other.access_token });
    expect(
      (await call(base, 'POST', '/api/pages/import-token', admin, { accessToken: `${other.access_token}x` }))
        .status,
    ).toBeLessThan(500);
    await ok(base, 'POST', '/api/campaigns', admin, {
      name: 'Chat',
      pageId: page.id,
      channel: 'messenger',
      strategy: 'linear',
      members: [{ userId: agent.id, penalty: 0, position: 0 }],
    });

    // Sockets: a wrong token is refused; the agent's own opens its shift.
    const wrong = await openSocket(base);
    wrong.send({ type: 'auth', token: `${agentToken.slice(0, -4)}AAAA` });
    await until('the wrong socket to close', async () => wrong.closed());
    const socket = await openSocket(base);
    socket.send({ type: 'auth', token: agentToken });
    await until('the agent socket to be ready', async () => socket.messages.some((m) => m.type === 'ready'));

    await control('POST', `/pages/${page.id}/messages`, { customer: { name: 'Customer' }, text: 'Hello?' });
    const [interaction] = await until('the chat to reach the agent', async () => {
      const r = await db.rows<{ id: string }>(`select id from interactions where state = 'assigned'`);
      return r.length ? r : undefined;
    });
    await ok(base, 'POST', `/api/interactions/${interaction!.id}/replies`, agentToken, { text: 'Hi there' });
    await control('POST', '/faults', { kind: '5xx', durationMs: 1_500 });
    await ok(base, 'POST', `/api/interactions/${interaction!.id}/replies`, agentToken, {
      text: 'During an outage',
    });
    await until(
      'both replies sent',
      async () => {
        const r = await db.rows(`select 1 from outbox where status = 'sent'`);
        return r.length === 2;
      },
      20_000,
    );

    // The token dies: the health check and the next send both meet Graph's token errors.
    await control('POST', `/pages/${page.id}/invalidate`, { subcode: 460 });
    await ok(base, 'POST', `/api/interactions/${interaction!.id}/replies`, agentToken, { text: 'Held' });
    await until(
      'the Page to turn invalid',
      async () => {
        const r = await db.rows<{ health: string }>('select health from pages where id = $1', [page.id]);
        return r[0]!.health === 'invalid';
      },
      15_000,
    );
    await activate(admin, page.id, owner.id);
    await until(
      'the held reply sent',
      async () => (await db.rows(`select 1 from outbox where status <> 'sent'`)).length === 0,
      15_000,
    );
    await ok(base, 'POST', '/api/auth/logout', agentToken);
    socket.close();
    // A clean stop writes whatever the process still holds.
    await backend.kill('SIGTERM');
  }, 90_000);

  it('keeps every token, password and app secret out of the logs', () => {
    const state = sandbox.sandbox.state;
    const tokens = [...state.tokens.keys()];
    const codes = [...state.codes.keys()];
    expect(tokens.length).toBeGreaterThanOrEqual(6); // user (short, long), Page tokens, before and after death
    expect(logs.some((l) => l.includes('"level":"debug"') || l.includes('"level":"info"'))).toBe(true);
    expectNoSecrets(logs, [...tokens, ...codes, ...sessionTokens, ...passwords, ...APP_SECRETS]);
  });

  it('keeps every token and password out of the database rows, Page tokens included', async () => {
    const tables = await db.rows<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const dump = (
      await Promise.all(
        tables.map(async (t) =>
          (
            await db.rows<{ row: string }>(`select t::text as row from "${t.name}" t`)
          ).map((r) => `${t.name}: ${r.row}`),
        ),
      )
    ).flat();
    const pageRows = dump.filter((r) => r.startsWith('pages: '));
    expect(pageRows.length).toBe(2);
    const tokens = [...sandbox.sandbox.state.tokens.keys()];
    expectNoSecrets(dump, [...tokens, ...sessionTokens, ...passwords, ...APP_SECRETS]);
  });
});
