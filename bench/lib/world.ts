import path from 'node:path';
import { type RunningSandbox, startSandbox } from '../../backend/sandbox/sandbox.ts';
import { type BackendProcess, startBackend } from './backend-process.ts';
import type { BenchDatabase } from './bench-database.ts';
import { BENCH_FB_ENV } from './facebook-app.ts';
import { type Api, apiClient } from './http-client.ts';
import { type BenchUser, type Seeded, seedUsers } from './seed-users.ts';

/**
 * A backend (child process) on `db`, with the Graph sandbox in this process standing in for
 * Facebook. Users are seeded (see seed-users.ts); the rest is set up the way an admin would, through
 * the real API: log in, link the Page, create campaigns.
 */
export interface World {
  backend: BackendProcess;
  sandbox: RunningSandbox;
  api: Api;
  admin: string;
  page: { id: string };
  users: Seeded['byRole'];
  createCampaign(
    channel: 'facebook' | 'messenger',
    members: BenchUser[],
    extra?: Record<string, unknown>,
  ): Promise<string>;
  stop(): Promise<void>;
}

export async function startWorld(opts: {
  db: BenchDatabase;
  runDir: string;
  name: string;
  users: { agent?: number; supervisor?: number };
  env?: Record<string, string>;
}): Promise<World> {
  const seeded = await seedUsers(opts.db, opts.users);
  const sandbox = await startSandbox({
    port: 0,
    appId: BENCH_FB_ENV.FB_APP_ID,
    appSecret: BENCH_FB_ENV.FB_APP_SECRET,
    verifyToken: BENCH_FB_ENV.FB_VERIFY_TOKEN,
  });
  let backend: BackendProcess | undefined;
  try {
    backend = await startBackend({
      logFile: path.join(opts.runDir, `${opts.name}-backend.log`),
      env: {
        ...opts.db.env,
        FB_GRAPH_URL: sandbox.url,
        FB_DIALOG_URL: sandbox.url,
        ...opts.env,
      },
    });
    const api = apiClient(backend.url);
    const login = async (email: string, password: string) =>
      (await api<{ token: string }>('POST', '/api/auth/login', undefined, { email, password })).token;
    const admin = await login(seeded.admin.email, seeded.admin.password);
    const res = await fetch(`${sandbox.url}/_sandbox/pages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench Shoes' }),
    });
    const page = (await res.json()) as { id: string; access_token: string };
    const linked = await api<{ linked: { id: string }[] }>('POST', '/api/pages/import-token', admin, {
      accessToken: page.access_token,
    });
    if (linked.linked.length !== 1) throw new Error(`the Page was not linked: ${JSON.stringify(linked)}`);
    const b = backend;
    return {
      backend: b,
      sandbox,
      api,
      admin,
      page: { id: page.id },
      users: seeded.byRole,
      async createCampaign(channel, members, extra = {}) {
        const c = await api<{ id: string }>('POST', '/api/campaigns', admin, {
          name: `Bench ${channel}`,
          pageId: page.id,
          channel,
          strategy: 'rrmemory',
          members: members.map((m, position) => ({ userId: m.id, penalty: 0, position })),
          ...extra,
        });
        return c.id;
      },
      async stop() {
        await b.stop();
        await sandbox.stop();
      },
    };
  } catch (err) {
    await backend?.stop();
    await sandbox.stop();
    throw err;
  }
}
